#!/usr/bin/env bash
# Conformance on a corpus of CloudFormation templates:
#   tests/corpus/run.sh CORPUS_DIR [WORK_DIR]
# For every template under CORPUS_DIR (*.yaml, *.yml, *.json, *.template):
# `ecsnet import` it, build every imported program in one scratch cargo
# package (one [[bin]] each, `cargo build --keep-going`, one shared build of
# the dependencies), run each binary, compare its JSON with the input
# semantically (tests/corpus/compare.py), and run cfn-lint on the output.
# Prints a table and `imported N/T, compiled N, equal N, cfn-lint clean N`.
# The corpus is read where it is; nothing of it is copied into the repository.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:?usage: tests/corpus/run.sh CORPUS_DIR [WORK_DIR]}
corpus=$(cd "$corpus" && pwd)
work=${2:-$repo/target/corpus}
mkdir -p "$work"
work=$(cd "$work" && pwd)
pkg=$work/package
rm -rf "$pkg/src" "$work/out" "$work/import" && mkdir -p "$pkg/src/bin" "$work/out" "$work/import"

cargo build --quiet --manifest-path "$repo/Cargo.toml" -p ecsnet-cli
ecsnet=$repo/target/debug/ecsnet

cat > "$pkg/Cargo.toml" <<TOML
[package]
name = "ecsnet-corpus"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
ecsnet = { path = "$repo" }

[profile.dev]
debug = false

[workspace]
TOML

# One line per template: bin name, path relative to the corpus.
index=$work/index.tsv
: > "$index"
n=0
run_start=$EPOCHREALTIME
import_ms=()
while IFS= read -r -d '' file; do
    n=$((n + 1))
    bin=$(printf 't%03d' "$n")
    rel=${file#"$corpus"/}
    printf '%s\t%s\n' "$bin" "$rel" >> "$index"
    # Each import's wall time, from bash's microsecond clock around the process.
    start_import=$EPOCHREALTIME
    if "$ecsnet" import "$file" -o "$pkg/src/bin/$bin.rs" 2> "$work/import/$bin.log"; then
        :
    else
        rm -f "$pkg/src/bin/$bin.rs"
    fi
    import_ms+=("$(awk -v s="$start_import" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.2f", (e - s) * 1000 }')")
done < <(find "$corpus" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0 | sort -z)
median_ms=$(printf '%s\n' "${import_ms[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m }')
echo "import, whole process per template: median $median_ms ms over $n templates" >&2

# One build for all of them; a program that does not compile stops no other.
target=$work/target
rm -f "$target"/debug/t[0-9][0-9][0-9]
start=$(date +%s)
CARGO_TARGET_DIR=$target cargo build --manifest-path "$pkg/Cargo.toml" --keep-going \
    --message-format=short > "$work/build.log" 2>&1 || true
echo "build of the imported programs: $(( $(date +%s) - start )) s" >&2

while IFS=$'\t' read -r bin rel; do
    if [[ -x $target/debug/$bin ]]; then
        "$target/debug/$bin" --output "$work/out/$bin.json" 2> "$work/out/$bin.err" || rm -f "$work/out/$bin.json"
    fi
done < "$index"

# cfn-lint once over every output; its findings are split per file below.
lint=$work/lint.txt
: > "$lint"
if compgen -G "$work/out/*.json" > /dev/null; then
    cfn-lint --format parseable -- "$work/out"/*.json > "$lint" 2>&1 || true
fi

python3 "$repo/tests/corpus/report.py" "$corpus" "$work" | tee "$work/report.md"
echo "corpus run, wall time: $(awk -v s="$run_start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.0f", e - s }') s (the programs' build included)" >&2
