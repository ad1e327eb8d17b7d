#!/usr/bin/env bash
# Refreshes the vendored CloudFormation schemas and regenerates the Rust data.
#
#   bash spec/update.sh          download the versions pinned in spec/sources.json,
#                                verify their sha256, extract, regenerate the Rust
#                                tables and ecsnet-schema/data/resources.txt (SAM's
#                                types included: spec/sam_schema.py runs the
#                                aws-sam-translator wheel's schema code first)
#   bash spec/update.sh --bump   same, but record the sha256 of what was downloaded
#                                (after editing a "version" in spec/sources.json)
#   bash spec/update.sh --check  download and verify, regenerate resources.txt into a
#                                temporary file and compare; exit 1 if the committed
#                                one differs (CI); writes nothing
#   bash spec/update.sh --report download and verify, print what the artifact's
#                                generator could not map (with counts); writes nothing
#
# Needs python3 (standard library only), pip and npm (only to download from
# PyPI and the npm registry), and nothing else: the pydantic that SAM's schema
# code runs on is one of the pinned downloads, never an installed one.
set -euo pipefail

spec_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bump=0
mode=write
for arg in "$@"; do
    case "$arg" in
        --bump) bump=1 ;;
        --check) mode=check ;;
        --report) mode=report ;;
        -h | --help)
            sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "update.sh: unknown argument: $arg (expected --bump, --check or --report)" >&2
            exit 2
            ;;
    esac
done

if [ "$bump" = 1 ] && [ "$mode" != write ]; then
    echo "update.sh: --bump writes spec/sources.json; it cannot go with --check or --report" >&2
    exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

field() { # field SOURCE KEY: reads spec/sources.json
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]][sys.argv[3]])' \
        "$spec_dir/sources.json" "$1" "$2"
}

cfn_lint_version="$(field cfn-lint version)"
service_spec_package="$(field aws-service-spec package)"
service_spec_version="$(field aws-service-spec version)"
sam_version="$(field aws-sam-translator version)"
pydantic_version="$(field pydantic version)"
typing_extensions_version="$(field typing-extensions version)"

echo "update.sh: downloading cfn-lint $cfn_lint_version from PyPI" >&2
python3 -m pip download --quiet --no-deps --only-binary=:all: \
    "cfn-lint==$cfn_lint_version" -d "$tmp/pypi"
wheel="$(find "$tmp/pypi" -name 'cfn_lint-*.whl' | head -n 1)"

# SAM's schema, and the pure-Python wheels its code runs on (`--platform any`:
# the same archive on every machine, so its sha256 holds).
echo "update.sh: downloading aws-sam-translator $sam_version, pydantic $pydantic_version and typing-extensions $typing_extensions_version from PyPI" >&2
python3 -m pip download --quiet --no-deps --only-binary=:all: --platform any \
    "aws-sam-translator==$sam_version" "pydantic==$pydantic_version" \
    "typing-extensions==$typing_extensions_version" -d "$tmp/sam"
sam_wheel="$(find "$tmp/sam" -name 'aws_sam_translator-*.whl' | head -n 1)"
pydantic_wheel="$(find "$tmp/sam" -name 'pydantic-*.whl' | head -n 1)"
typing_extensions_wheel="$(find "$tmp/sam" -name 'typing_extensions-*.whl' | head -n 1)"

echo "update.sh: downloading $service_spec_package $service_spec_version from npm" >&2
mkdir -p "$tmp/npm"
(cd "$tmp/npm" && npm pack --silent "$service_spec_package@$service_spec_version" >/dev/null)
tgz="$(find "$tmp/npm" -name '*.tgz' | head -n 1)"

if [ -z "$wheel" ] || [ -z "$tgz" ] || [ -z "$sam_wheel" ] || [ -z "$pydantic_wheel" ] ||
    [ -z "$typing_extensions_wheel" ]; then
    echo "update.sh: download failed" >&2
    exit 1
fi

# Verify (or, with --bump, record) the archives' sha256 in spec/sources.json.
python3 - "$spec_dir/sources.json" "$bump" "$wheel" "$tgz" "$sam_wheel" "$pydantic_wheel" \
    "$typing_extensions_wheel" <<'PY'
import hashlib, json, os, sys

path, bump = sys.argv[1], sys.argv[2] == "1"
keys = ("cfn-lint", "aws-service-spec", "aws-sam-translator", "pydantic", "typing-extensions")
with open(path, encoding="utf-8") as f:
    sources = json.load(f)
failed = False
for key, archive in zip(keys, sys.argv[3:], strict=True):
    with open(archive, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    entry = sources[key]
    if bump:
        entry["archive"] = os.path.basename(archive)
        entry["sha256"] = digest
    elif entry["sha256"] != digest:
        print(f"update.sh: sha256 mismatch for {key} {entry['version']}: "
              f"expected {entry['sha256']}, downloaded {digest}; "
              "if the version was changed on purpose, run with --bump", file=sys.stderr)
        failed = True
    else:
        print(f"update.sh: {key} {entry['version']} sha256 ok", file=sys.stderr)
if failed:
    sys.exit(1)
if bump:
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(sources, indent=2, sort_keys=True) + "\n")
    print("update.sh: recorded new sha256 values in spec/sources.json", file=sys.stderr)
PY

# SAM's JSON schema, generated by the wheel's own code away from site-packages
# (write mode also refreshes spec/sam/LICENSE and NOTICE).
sam_schema() {
    python3 -S -I "$spec_dir/sam_schema.py" --sam-wheel "$sam_wheel" --pydantic-wheel "$pydantic_wheel" \
        --typing-extensions-wheel "$typing_extensions_wheel" --out "$tmp/sam.schema.json" "$@"
}

artifact="$spec_dir/../ecsnet-schema/data/resources.txt"
data() {
    python3 "$spec_dir/generate_data.py" --cfn-lint-wheel "$wheel" --service-spec-tgz "$tgz" \
        --sam-schema "$tmp/sam.schema.json" "$@"
}

case "$mode" in
    check)
        sam_schema
        data --out "$tmp/resources.txt"
        if ! cmp -s "$tmp/resources.txt" "$artifact"; then
            echo "update.sh: ecsnet-schema/data/resources.txt is out of date; run bash spec/update.sh" >&2
            exit 1
        fi
        echo "update.sh: ecsnet-schema/data/resources.txt is up to date" >&2
        python3 "$spec_dir/generate.py" --check
        ;;
    report)
        sam_schema
        data --report
        ;;
    write)
        python3 "$spec_dir/extract.py" --cfn-lint-wheel "$wheel" --service-spec-tgz "$tgz"
        python3 "$spec_dir/generate.py"
        sam_schema --licenses "$spec_dir/sam"
        data
        ;;
esac
