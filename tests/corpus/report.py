#!/usr/bin/env python3
"""The corpus report: for each template, whether `ecsnet import` wrote a
program, whether it compiled, whether its output equals the input
semantically, and whether cfn-lint reports an error on the output.

Usage: report.py CORPUS_DIR WORK_DIR (the directories of tests/corpus/run.sh).

Both templates are read with cfn-lint's decoders, which turn YAML
short-form tags into the long form. Equal means equal after these
normalisations, each a form CloudFormation itself treats as the same:
scalars compare as text (`5` and `"5"`, `true` and `"true"`), a single
`DependsOn` equals a list of one, `Fn::GetAtt` "a.b" equals ["a", "b"],
`Fn::Sub` [s, {}] equals s, `Fn::GetAZs` of `AWS::Region` equals "",
empty `Properties` and empty template sections (`Mappings: {}`) equal
none, and a missing `AWSTemplateFormatVersion` equals "2010-09-09".
"""

import os
import re
import sys
from collections import Counter

from cfnlint.decode import cfn_json, cfn_yaml


def load(path):
    text = open(path, encoding="utf-8").read().lstrip("\ufeff").lstrip()
    loader = cfn_json if text.startswith("{") else cfn_yaml
    return loader.load(path)


def scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def normal(value, key=None):
    """The value in one spelling of each equivalent form."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            k = str(k)
            if k == "Fn::GetAtt" and isinstance(v, str) and "." in v:
                v = v.split(".", 1)
            if k == "Fn::Sub" and isinstance(v, list) and len(v) == 2 and v[1] == {}:
                v = v[0]
            if k == "Fn::GetAZs" and v == {"Ref": "AWS::Region"}:
                v = ""
            if k == "DependsOn" and isinstance(v, str):
                v = [v]
            if k == "Properties" and v == {}:
                continue
            out[k] = normal(v, k)
        if len(out) == 1 and "Fn::GetAtt" in out and isinstance(out["Fn::GetAtt"], list):
            out["Fn::GetAtt"] = [scalar(x) if not isinstance(x, dict) else x for x in out["Fn::GetAtt"]]
        return out
    if isinstance(value, list):
        return [normal(v) for v in value]
    if value is None:
        return None
    return scalar(value)


def template(value):
    value = {k: v for k, v in normal(value).items() if v != {}}
    value.setdefault("AWSTemplateFormatVersion", "2010-09-09")
    return value


def first_difference(a, b, path=""):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in b:
                return f"{path}/{k} missing in the output"
            if k not in a:
                return f"{path}/{k} added in the output"
            d = first_difference(a[k], b[k], f"{path}/{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items, output {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}/{i}")
            if d:
                return d
        return None
    if a != b:
        return f"{path}: {str(a)[:40]!r} became {str(b)[:40]!r}"
    return None


ERROR = re.compile(r"^src/bin/(t\d{3})\.rs:\d+:\d+: error: (.*)$")


def main():
    corpus, work = sys.argv[1], sys.argv[2]
    rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "index.tsv"))]
    errors = {}
    for line in open(os.path.join(work, "build.log"), encoding="utf-8", errors="replace"):
        m = ERROR.match(line.strip())
        if m:
            errors.setdefault(m.group(1), []).append(m.group(2))
    lint = {}
    for line in open(os.path.join(work, "lint.txt"), encoding="utf-8", errors="replace"):
        parts = line.split(":")
        if len(parts) > 5 and parts[0].endswith(".json"):
            rule = parts[5] if len(parts) > 5 else ""
            name = os.path.basename(parts[0])[:-5]
            if rule.startswith("E"):
                lint.setdefault(name, []).append(rule)
    counts = Counter()
    print("| template | imported | compiled | equal | cfn-lint | first error or difference |")
    print("|---|---|---|---|---|---|")
    for bin_name, rel in rows:
        imported = os.path.exists(os.path.join(work, "package", "src", "bin", bin_name + ".rs"))
        output = os.path.join(work, "out", bin_name + ".json")
        compiled = os.path.exists(output)
        equal = clean = False
        note = ""
        if not imported:
            note = open(os.path.join(work, "import", bin_name + ".log")).read().strip().splitlines()[-1:]
            note = note[0] if note else "import failed"
        elif not compiled:
            found = errors.get(bin_name, [])
            note = f"{len(found)} errors; first: {found[0]}" if found else "did not build or run"
        else:
            try:
                difference = first_difference(template(load(os.path.join(corpus, rel))), template(load(output)))
            except Exception as e:  # a template the decoder refuses
                difference = f"cannot compare: {e}"
            equal = difference is None
            note = difference or ""
            clean = bin_name not in lint
            if not clean:
                note = (note + "; " if note else "") + "cfn-lint " + ",".join(sorted(set(lint[bin_name])))
        counts["imported"] += imported
        counts["compiled"] += compiled
        counts["equal"] += equal
        counts["clean"] += clean
        mark = lambda b: "yes" if b else "no"
        note = note.replace("|", "\\|")[:160]
        print(f"| {rel} | {mark(imported)} | {mark(compiled)} | {mark(equal) if compiled else ''} | {mark(clean) if compiled else ''} | {note} |")
    print()
    print(f"imported {counts['imported']}/{len(rows)}, compiled {counts['compiled']}, "
          f"equal {counts['equal']}, cfn-lint clean {counts['clean']}")


if __name__ == "__main__":
    main()
