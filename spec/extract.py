#!/usr/bin/env python3
"""Extracts the vendored schema files from the two downloaded archives.

Called by `spec/update.sh` (which downloads and verifies the archives); it can
also be run by hand:

    python3 spec/extract.py --cfn-lint-wheel cfn_lint-X-py3-none-any.whl \
        --service-spec-tgz aws-cdk-aws-service-spec-X.tgz

For every CloudFormation type listed in `spec/types.txt` it writes

* `spec/cfn-lint/<AWS_EC2_Subnet>.json`: the CloudFormation registry schema
  as patched and shipped by cfn-lint (the `us-east-1` provider schema);
* `spec/cdk/<AWS_EC2_Subnet>.json`: the entity of the AWS CDK service
  database (`schema.resource.entities[]`) under `"resource"`, plus every
  nested type definition it uses, directly or transitively, under
  `"typeDefinitions"` (keyed by their database `$id`);

and `spec/cfn-lint/update_policy.json` plus the two license files. Every file
is written as pretty-printed JSON with sorted keys, so the same archives give
the same bytes. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import sys
import tarfile
import zipfile
from pathlib import Path

SPEC_DIR = Path(__file__).resolve().parent

PROVIDER = "cfnlint/data/schemas/providers/us_east_1.py"
RESOURCES = "cfnlint/data/schemas/resources/"
UPDATE_POLICY = "cfnlint/data/schemas/other/resources/update_policy.json"
DB = "package/db.json.gz"


def fail(msg: str) -> None:
    print(f"extract.py: error: {msg}", file=sys.stderr)
    sys.exit(1)


def read_types() -> list[str]:
    types = []
    for line in (SPEC_DIR / "types.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            types.append(line)
    if len(set(types)) != len(types):
        fail("spec/types.txt lists a type twice")
    return sorted(types)


def file_stem(type_name: str) -> str:
    return type_name.replace("::", "_")


def dump(path: Path, value: object) -> None:
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")


def provider_index(source: str) -> dict[str, str]:
    """Parses `types: dict[str, str] = {...}` out of the provider module."""
    for node in ast.parse(source).body:
        target = None
        if isinstance(node, ast.AnnAssign):
            target = node.target
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "types":
            return ast.literal_eval(node.value)
    fail(f"no `types` mapping in {PROVIDER}")
    return {}


def type_refs(ty: dict, out: list[str]) -> None:
    """Collects the `$ref` ids of nested type definitions used by a CDK type."""
    kind = ty.get("type")
    if kind == "ref":
        out.append(ty["reference"]["$ref"])
    elif kind in ("array", "map"):
        type_refs(ty["element"], out)
    elif kind == "union":
        for member in ty["types"]:
            type_refs(member, out)


def cdk_closure(entity: dict, type_defs: dict[str, dict]) -> dict[str, dict]:
    pending: list[str] = []
    for section in ("properties", "attributes"):
        for prop in entity.get(section, {}).values():
            type_refs(prop["type"], pending)
    used: dict[str, dict] = {}
    while pending:
        ref = pending.pop()
        if ref in used:
            continue
        if ref not in type_defs:
            fail(f"{entity['cloudFormationType']}: type definition {ref} is missing")
        used[ref] = type_defs[ref]
        for prop in type_defs[ref].get("properties", {}).values():
            type_refs(prop["type"], pending)
    return used


def clear(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for path in directory.iterdir():
        if path.is_file():
            path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cfn-lint-wheel", required=True, type=Path)
    parser.add_argument("--service-spec-tgz", required=True, type=Path)
    args = parser.parse_args()

    types = read_types()

    with zipfile.ZipFile(args.cfn_lint_wheel) as wheel:
        index = provider_index(wheel.read(PROVIDER).decode("utf-8"))
        registry = {}
        for name in types:
            if name not in index:
                fail(f"{name} is not in cfn-lint's {PROVIDER}")
            registry[name] = json.loads(wheel.read(f"{RESOURCES}{index[name]}.json"))
        update_policy = json.loads(wheel.read(UPDATE_POLICY))
        licenses = {
            Path(n).name: wheel.read(n)
            for n in wheel.namelist()
            if ".dist-info/licenses/" in n and not n.endswith("/")
        }

    with tarfile.open(args.service_spec_tgz, "r:gz") as tgz:
        db = json.loads(gzip.decompress(tgz.extractfile(DB).read()))
        cdk_licenses = {}
        for name in ("package/LICENSE", "package/NOTICE"):
            try:
                cdk_licenses[Path(name).name] = tgz.extractfile(name).read()
            except KeyError:
                pass

    resources: dict[str, dict] = {}
    for entity in db["schema"]["resource"]["entities"]:
        resources.setdefault(entity["cloudFormationType"], entity)
    type_defs = {e["$id"]: e for e in db["schema"]["typeDefinition"]["entities"]}

    cfn_dir = SPEC_DIR / "cfn-lint"
    cdk_dir = SPEC_DIR / "cdk"
    clear(cfn_dir)
    clear(cdk_dir)

    for name in types:
        if name not in resources:
            fail(f"{name} is not in the CDK service database")
        if registry[name].get("typeName") != name:
            fail(f"cfn-lint schema for {name} has typeName {registry[name].get('typeName')}")
        entity = resources[name]
        dump(cfn_dir / f"{file_stem(name)}.json", registry[name])
        dump(
            cdk_dir / f"{file_stem(name)}.json",
            {"resource": entity, "typeDefinitions": cdk_closure(entity, type_defs)},
        )
    dump(cfn_dir / "update_policy.json", update_policy)
    for name, data in licenses.items():
        (cfn_dir / name).write_bytes(data)
    for name, data in cdk_licenses.items():
        (cdk_dir / name).write_bytes(data)
    print(f"extract.py: wrote {len(types)} types to spec/cfn-lint and spec/cdk")


if __name__ == "__main__":
    main()
