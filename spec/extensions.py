"""cfn-lint's extension schemas and Lambda runtime lifecycle, as per-type `X` lines.

cfn-lint 1.51.0 ships JSON schemas beyond the registry's under
`cfnlint/data/schemas/extensions/<module>/<file>.json`. Each is loaded by one
rule class under `cfnlint/rules/` (`SchemaDetails(module, filename)`), which
gives the rule id (`E...` is an error, `W...` a warning, `I...` information)
and the places it applies to (`keywords=["Resources/<Type>/Properties/..."]`).
This module reads both from the wheel, so the level of every extension is the
level cfn-lint reports it at.

Skipped, with the reason in `--report`:

* rules built on `CfnLintJsonSchemaRegional`: their schemas are keyed by
  region, and the artifact is not tied to one region;
* `I...` rules (information, not a problem);
* schemas using cfn-lint's own keywords (`cfnGather`, `$data`, ...), which
  look at other resources of the template;
* rules whose Python code does more than reword the message, except the one
  pre-processing step that is data: lowercasing `Engine` (the RDS rules call
  `instance["Engine"].lower()` before validating).

`cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json` is what rules
E2531 (`DeprecatedRuntimeCreate`) and W2531 (`DeprecatedRuntimeEol`) compare
with *today*. The artifact compares it with the date of that file in the
wheel instead, so the same archives give the same bytes: a runtime whose
`create-block` date has passed by then is an error, one that is only
`deprecated` by then is a warning.
"""

from __future__ import annotations

import ast
import json
import re
import zipfile
from dataclasses import dataclass, field

import constraints as c

EXTENSIONS = "cfnlint/data/schemas/extensions/"
RULES = "cfnlint/rules/"
LIFECYCLE = "cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json"

# The rule classes that only change the instance by lowercasing `Engine`
# before validating (`instance["Engine"] = instance["Engine"].lower()`).
LOWERCASE_ENGINE = re.compile(r'instance\["Engine"\]\s*=\s*instance\["Engine"\]\.lower\(\)')


# Sentences for rules whose Python class writes its own message (`def message`)
# where the generic one would be vague. `{Key}` is the value of that key of the
# object the schema applies to; the evaluator falls back to its own sentence
# when one is missing or not a scalar.
MESSAGES = {
    "W3691": "`engine_version` `{EngineVersion}` of engine `{Engine}` is deprecated "
             "and cannot be used to create new DB instances",
    "W3690": "`engine_version` `{EngineVersion}` of engine `{Engine}` is deprecated "
             "and cannot be used to create new DB clusters",
    "E3047": "`cpu` `{Cpu}` with `memory` `{Memory}` is not a combination Fargate offers",
    "E3615": "`period` `{Period}` must be 10, 30, 60 or a multiple of 60",
    "E3688": "`from_port` and `to_port` must both be -1 when one is -1",
    "E3674": "`primary` cannot be true when `private_ip_address` is set",
}  # fmt: skip


@dataclass
class Extension:
    type_name: str
    level: str  # "E" or "W"
    rule: str  # "E3691"
    source: str  # "aws_rds_dbinstance/engine_version.json"
    path: list[str]  # below Properties; "*" for every item of a list
    lowercase: list[str]  # keys whose string value is lowercased first
    schema: dict
    message: str = ""  # replaces the generated message when set


@dataclass
class Findings:
    applied: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass
class Rule:
    id: str
    file: str  # the rule's path in the wheel
    keywords: list[str]
    sources: list[str]  # "<module>/<file>.json"
    regional: bool
    lowercase: list[str]
    custom: bool  # defines validate() doing more than rewording or lowercasing


def rule_classes(wheel: zipfile.ZipFile, extension_files: set[str]) -> list[Rule]:
    out = []
    for name in sorted(wheel.namelist()):
        if not (name.startswith(RULES) and name.endswith(".py")):
            continue
        text = wheel.read(name).decode("utf-8")
        if "schemas.extensions" not in text:
            continue
        ids = re.findall(r'^\s*id = "([EWI]\d+)"', text, re.M)
        modules = set(re.findall(r"extensions\.(aws_[a-z0-9_]+)", text))
        files = re.findall(r'"([a-z0-9_]+\.json)"', text)
        sources = sorted({f"{m}/{f}" for m in modules for f in files if f"{m}/{f}" in extension_files})
        keywords = []
        for block in re.findall(r"keywords=\[([^\]]*)\]", text, re.S):
            keywords += ast.literal_eval("[" + block + "]")
        validate = re.search(r"def validate\(.*?(?=\n    def |\Z)", text, re.S)
        body = validate.group(0) if validate else ""
        lowercase = ["Engine"] if LOWERCASE_ENGINE.search(body) else []
        # A validate() that only rewrites messages of super().validate(), or
        # only lowercases Engine, or re-implements the base class's, is data.
        custom = bool(body) and not (
            "super().validate(" in body
            and not re.search(r"\.(pop|append|update)\(|del |schema\[", body)
        ) and "extend_validator" not in body
        if len(ids) != 1:
            continue
        out.append(Rule(ids[0], name, keywords, sources,
                        "CfnLintJsonSchemaRegional" in text, lowercase, custom))  # fmt: skip
    return out


def inline_refs(schema: object, defs: list[object], depth: int = 0) -> object:
    """Replaces `{"$ref": k}` by definition k; fails on recursion."""
    if depth > 32:
        raise ValueError("recursive $ref")
    if isinstance(schema, list):
        return [inline_refs(s, defs, depth) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {}
    for k, v in schema.items():
        if k == "$ref" and isinstance(v, int):
            for k2, v2 in inline_refs(defs[v], defs, depth + 1).items():
                out.setdefault(k2, v2)
        elif k in ("enum", "const", "required", "dependentRequired", "dependentExcluded", "enum#", "?"):
            out[k] = v
        else:
            out[k] = inline_refs(v, defs, depth + 1)
    return out


def keyword_path(keyword: str) -> tuple[str, list[str]] | None:
    parts = keyword.split("/")
    if len(parts) < 3 or parts[0] != "Resources" or parts[2] != "Properties":
        return None
    return parts[1], parts[3:]


def load(wheel_path, enum_table, known_types: set[str]) -> tuple[list[Extension], Findings, str]:  # noqa: ANN001
    """Every applicable extension, the findings for the report, and the "as of" date."""
    findings = Findings()
    out: list[Extension] = []
    with zipfile.ZipFile(wheel_path) as wheel:
        files = {
            n[len(EXTENSIONS):] for n in wheel.namelist()
            if n.startswith(EXTENSIONS) and n.endswith(".json")
        }  # fmt: skip
        used = set()
        for rule in rule_classes(wheel, files):
            for source in rule.sources:
                used.add(source)
                what = f"{rule.id} {source} ({rule.file.rsplit('/', 1)[-1]})"
                if rule.id.startswith("I"):
                    findings.skipped.append(f"{what}: informational rule")
                    continue
                if rule.regional:
                    findings.skipped.append(f"{what}: data keyed by region (CfnLintJsonSchemaRegional)")
                    continue
                if rule.custom:
                    findings.skipped.append(f"{what}: the rule's Python code changes the validation")
                    continue
                raw = json.loads(wheel.read(EXTENSIONS + source))
                emitter = c.Emitter(raw, enum_table, source)
                emitted = emitter.emit(raw, "positive", "") or {}
                if emitter.unknown:
                    keys = sorted({k for _, k, _ in emitter.unknown})
                    findings.skipped.append(f"{what}: uses keywords the evaluator does not have: {', '.join(keys)}")
                    continue
                try:
                    schema = c.simplify(inline_refs(emitted, emitter.defs))
                except ValueError:
                    findings.skipped.append(f"{what}: recursive definitions")
                    continue
                for keyword in rule.keywords:
                    target = keyword_path(keyword)
                    if target is None or target[0] not in known_types:
                        findings.skipped.append(f"{what}: keyword {keyword} names no type of the provider")
                        continue
                    type_name, path = target
                    level = rule.id[0]
                    out.append(Extension(type_name, level, rule.id, source, path, rule.lowercase, schema,
                                         MESSAGES.get(rule.id, "")))  # fmt: skip
                    findings.applied.append(
                        f"{what}: {'error' if level == 'E' else 'warning'} on {type_name} "
                        f"{'/'.join(path) or '(properties)'}"
                        + (" (Engine lowercased first)" if rule.lowercase else "")
                    )
        for source in sorted(files - used):
            findings.skipped.append(f"{source}: no rule of cfn-lint loads it")
        as_of, runtimes = lambda_runtimes(wheel, findings)
        out += runtimes
    out.sort(key=lambda e: (e.type_name, e.rule, e.source, e.path, c.dumps(e.schema)))
    return out, findings, as_of


def lambda_runtimes(wheel: zipfile.ZipFile, findings: Findings) -> tuple[str, list[Extension]]:
    info = wheel.getinfo(LIFECYCLE)
    as_of = "%04d-%02d-%02d" % info.date_time[:3]
    data = json.loads(wheel.read(LIFECYCLE))
    out = []
    for runtime in sorted(data):
        d = data[runtime]
        deprecated, create_block = d.get("deprecated", ""), d.get("create-block", "")
        successor = d.get("successor")
        use = f"; use `{successor}`" if successor else ""
        schema = {"properties": {"Runtime": {"not": {"const": runtime}}}}
        if create_block and create_block <= as_of:
            level, rule = "E", "E2531"
            message = (f"`runtime` `{runtime}` is deprecated since {deprecated} and creating functions "
                       f"with it is blocked since {create_block}{use}")  # fmt: skip
        elif deprecated and deprecated <= as_of:
            level, rule = "W", "W2531"
            message = (f"`runtime` `{runtime}` is deprecated since {deprecated}; creating functions with it "
                       f"will be blocked from {create_block}{use}")  # fmt: skip
        else:
            continue
        out.append(Extension("AWS::Lambda::Function", level, rule, "LmbdRuntimeLifecycle.json", [], [],
                             schema, message))  # fmt: skip
    findings.applied.append(
        f"E2531/W2531 LmbdRuntimeLifecycle.json: {sum(e.level == 'E' for e in out)} runtimes "
        f"blocked for creation (error), {sum(e.level == 'W' for e in out)} deprecated (warning), as of {as_of}"
    )
    return as_of, out


# What a guard's key and value may hold: one field of the `X` line.
GUARD_TOKEN = re.compile(r"[^\s=]+")


def guarded_parts(schema: dict) -> list[tuple[tuple[str, str] | None, dict]]:
    """Splits `{"allOf": [branches]}` into one schema per branch when every
    branch is an `if`/`then` (no `else`) whose `if` requires a top-level key
    to be one string: the branch then holds wherever that key is another
    known string, and the decoder need not read it. RDS's instance classes
    are 924 such branches, one per engine and version; a stack reads the
    few of its own engine. Any other schema stays whole."""
    branches = schema.get("allOf") if list(schema) == ["allOf"] else None
    if not isinstance(branches, list) or len(branches) < 2:
        return [(None, schema)]
    parts = []
    for branch in branches:
        condition = branch.get("if") if isinstance(branch, dict) else None
        if not isinstance(condition, dict) or "else" in branch or "then" not in branch:
            return [(None, schema)]
        required = condition.get("required", [])
        guard = next(
            (
                (key, sub["const"])
                for key, sub in condition.get("properties", {}).items()
                if key in required
                and isinstance(sub, dict)
                and isinstance(sub.get("const"), str)
                and GUARD_TOKEN.fullmatch(key)
                and GUARD_TOKEN.fullmatch(sub["const"])
            ),
            None,
        )
        if guard is None:
            return [(None, schema)]
        parts.append((guard, branch))
    return parts


def line(e: Extension) -> str:
    """`X <E|W> <rule> <source> <path|.> <lowercased keys|-> <guard|-> <schema>`,
    each followed by `M <message>` when the rule has one; one line per part
    of `guarded_parts`."""
    path = "/".join(e.path) or "."
    lower = ",".join(e.lowercase) or "-"
    out = []
    for guard, schema in guarded_parts(e.schema):
        key = f"{guard[0]}={guard[1]}" if guard else "-"
        text = f"X {e.level} {e.rule} {e.source} {path} {lower} {key} {c.dumps(schema)}"
        if e.message:
            text += "\nM " + e.message
        out.append(text)
    return "\n".join(out)
