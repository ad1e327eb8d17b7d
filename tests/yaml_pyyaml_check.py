#!/usr/bin/env python3
"""Checks that PyYAML reads ecsnet's YAML output as the same template as its JSON output.

usage: yaml_pyyaml_check.py TEMPLATE.yaml TEMPLATE.json [TEMPLATE.yaml TEMPLATE.json ...]
       yaml_pyyaml_check.py DIRECTORY

With a directory, every NAME.yaml in it is checked against NAME.json; the
tests of ecsnet-core write theirs to $ECSNET_YAML_DUMP_DIR when it is set:

    ECSNET_YAML_DUMP_DIR=/tmp/yaml cargo test -p ecsnet-core --lib yaml
    python3 tests/yaml_pyyaml_check.py /tmp/yaml

Each YAML file is read twice: with cfn-lint's own loader
(`cfnlint.decode.cfn_yaml.loads`, on libyaml when PyYAML has it), and with
PyYAML's pure-Python SafeLoader with the same short-form tag handling, so
both of PyYAML's scanners are covered. Each result must equal the JSON file
exactly: same types (a quoted "5.7" must stay a string, `true` must not be
`1`), same values, same key order. Exits 0 when all match, 1 on a
difference, 2 on bad usage.
"""

import json
import os
import sys

try:
    import yaml
    from cfnlint.decode import cfn_yaml
except ImportError as error:
    print(f"error: {error}; install cfn-lint (`pip install cfn-lint`), which brings PyYAML", file=sys.stderr)
    sys.exit(2)


def pure_python_load(text):
    """PyYAML's pure-Python SafeLoader, turning `!Tag` into `{"Fn::Tag": ...}` as cfn-lint does."""

    class Loader(yaml.SafeLoader):
        pass

    def short_form(loader, suffix, node):
        name = suffix if suffix in ("Ref", "Condition") else "Fn::" + suffix
        if isinstance(node, yaml.ScalarNode):
            value = loader.construct_scalar(node)
            if name == "Fn::GetAtt":
                value = value.split(".", 1)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        return {name: value}

    Loader.add_multi_constructor("!", short_form)
    return yaml.load(text, Loader)  # noqa: S506 - a SafeLoader subclass


def kind(value):
    # bool before int: in Python, True == 1.
    for name, types in (
        ("null", type(None)),
        ("boolean", bool),
        ("integer", int),
        ("float", float),
        ("string", str),
        ("list", list),
        ("mapping", dict),
    ):
        if isinstance(value, types):
            return name
    return type(value).__name__


def compare(path, got, want, problems):
    if kind(got) != kind(want):
        problems.append(f"{path}: YAML has {kind(got)} {got!r}, JSON has {kind(want)} {want!r}")
    elif isinstance(want, list):
        if len(got) != len(want):
            problems.append(f"{path}: YAML has {len(got)} items, JSON has {len(want)}")
        for i, (g, w) in enumerate(zip(got, want)):
            compare(f"{path}[{i}]", g, w, problems)
    elif isinstance(want, dict):
        if list(got) != list(want):
            problems.append(f"{path}: YAML has keys {list(got)!r}, JSON has {list(want)!r}")
        for key in want:
            if key in got:
                compare(f"{path}.{key}", got[key], want[key], problems)
    elif str(got) != str(want) or got != want:
        problems.append(f"{path}: YAML has {got!r}, JSON has {want!r}")


def pairs(args):
    """The (YAML, JSON) file pairs named by the arguments, or None on bad usage."""
    if len(args) == 1 and os.path.isdir(args[0]):
        names = sorted(n[: -len(".yaml")] for n in os.listdir(args[0]) if n.endswith(".yaml"))
        found = [(os.path.join(args[0], n + ".yaml"), os.path.join(args[0], n + ".json")) for n in names]
        return found or None
    if not args or len(args) % 2:
        return None
    return list(zip(args[::2], args[1::2]))


def main(args):
    files = pairs(args)
    if files is None:
        print("\n".join(__doc__.strip().splitlines()[2:4]), file=sys.stderr)
        return 2
    failed = False
    for yaml_path, json_path in files:
        with open(yaml_path, encoding="utf-8") as f:
            text = f.read()
        with open(json_path, encoding="utf-8") as f:
            want = json.load(f)
        for loader_name, load in (
            ("cfn-lint", lambda t: cfn_yaml.loads(t, yaml_path)),
            ("pure-Python PyYAML", pure_python_load),
        ):
            problems = []
            try:
                got = load(text)
            except Exception as error:  # noqa: BLE001 - any failure is a finding
                problems.append(f"cannot parse: {error}")
            else:
                compare("$", got, want, problems)
            for problem in problems:
                print(f"{yaml_path}: {loader_name}: {problem}", file=sys.stderr)
            if problems:
                failed = True
            else:
                print(f"{yaml_path}: {loader_name}: same as {json_path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
