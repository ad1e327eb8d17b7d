#!/usr/bin/env python3
"""Writes `ecsnet-schema/data/resources.txt`: every resource type of the provider.

Reads the two downloaded archives directly (not the per-type files vendored
under `spec/cfn-lint/` and `spec/cdk/`), and merges them with the very code of
`spec/generate.py` (`TypeBuilder`), so the types of `spec/types.txt` come out
exactly as `generate.py` would have them. Python 3 standard
library only, no network.

    python3 spec/generate_data.py --cfn-lint-wheel W --service-spec-tgz T
        write the artifact
    ... --check    exit 1 if the committed artifact differs from a fresh one
    ... --report   print what could not be mapped (with counts), write nothing
    ... --out F    write to F instead of the committed path

The format is documented in `spec/README.md` ("The data artifact"). The same
archives give the same bytes.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import re
import sys
import tarfile
import zipfile
from pathlib import Path

SPEC = Path(__file__).resolve().parent
sys.path.insert(0, str(SPEC))
sys.dont_write_bytecode = True  # importing generate.py must leave no spec/__pycache__

import constraints as c  # noqa: E402  (the validation keywords)
import extensions as x  # noqa: E402  (cfn-lint's extension schemas)
import generate as g  # noqa: E402  (the merge rules live there)
import sam  # noqa: E402  (SAM's types)

ROOT = SPEC.parent
OUT = ROOT / "ecsnet-schema" / "data" / "resources.txt"
FORMAT = "ecsnet-schema 4"

PROVIDER = "cfnlint/data/schemas/providers/us_east_1.py"
RESOURCES = "cfnlint/data/schemas/resources/"
DB = "package/db.json.gz"

TYPE_NAME = re.compile(r"[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+")
# What the format can carry verbatim in a space-separated field.
TOKEN = re.compile(r"[^\s!#@=()\[\]|,]+")


class Lenient:
    """Replaces generate.py's hard failures by fallbacks that are reported.

    The 31 types of `spec/types.txt` never reach a fallback (generate.py would
    have failed on them), so they come out unchanged.
    """

    def __init__(self) -> None:
        self.unmapped: list[str] = []  # "<category>: <detail>"
        self.strict_snake = g.snake
        self.strict_check_idents = g.check_idents
        self.current = ""

    def snake(self, name: str) -> str:
        try:
            return self.strict_snake(name)
        except g.GenerateError:
            ident = re.sub(r"[^a-z0-9]+", "_", g.naive_snake(name).lower()).strip("_") or "x"
            if ident[0].isdigit():
                ident = "_" + ident
            self.unmapped.append(f"unusual name: {self.current}: {name!r} -> `{ident}`")
            return ident

    def check_idents(self, owner: str, pairs: list[tuple[str, str]]) -> None:
        seen: dict[str, str] = {}
        for name, ident in pairs:
            if ident in seen:
                self.unmapped.append(
                    f"identifier clash: {owner}: `{seen[ident]}` and `{name}` both map to `{ident}`"
                )
            seen[ident] = name

    def check_type_name(self, name: str, what: str) -> None:
        if not re.fullmatch(r"[A-Za-z0-9_]+", name):
            self.unmapped.append(f"unusual type name: {self.current}: {what} {name!r}")


class DataBuilder(g.TypeBuilder):
    """`TypeBuilder`, plus what only the data artifact carries."""

    def __init__(self, gen, name, registry, cdk, type_defs):  # noqa: ANN001
        entity = {"resource": cdk, "typeDefinitions": type_defs} if cdk is not None else None
        super().__init__(gen, name, registry, entity)

    def build_attrs(self) -> list[g.Attr]:
        """generate.py's attributes; a clash (`A.B` and `AB`) spells the dot as `__`."""
        attrs = super().build_attrs()
        seen = {a.ident for a in attrs if "." not in a.name}
        for a in attrs:
            if "." in a.name and a.ident in seen:
                ident = "__".join(g.snake(part) for part in a.name.split("."))
                self.gen.lenient.unmapped.append(
                    f"identifier clash resolved: {self.name} attribute `{a.name}` -> `{ident}` "
                    f"(`{a.ident}` is another attribute's)"
                )
                a.ident = ident
                clash = f"identifier clash: {self.name} attributes: "
                self.gen.lenient.unmapped = [
                    u for u in self.gen.lenient.unmapped
                    if not (u.startswith(clash) and f"`{a.name}`" in u)
                ]  # fmt: skip
        return attrs

    def registry_shape(self, schema: object, where: str, path: str, name: str) -> g.Shape:
        shape = super().registry_shape(schema, where, path, name)
        rs = g.resolve(schema, self.registry) or {}
        if shape.kind == "json" and rs.get("type") not in (None, "object"):
            self.gen.lenient.unmapped.append(
                f"registry-only shape taken as JSON: {where}: type {json.dumps(rs.get('type'))}"
            )
        return shape

    def create_only(self) -> list[str]:
        out = []
        for pointer in self.registry.get("createOnlyProperties", []):
            parts = pointer.split("/")
            if parts[:2] != ["", "properties"] or len(parts) < 3:
                self.gen.lenient.unmapped.append(f"createOnlyProperties entry not used: {self.name}: {pointer}")
                continue
            out.append(".".join(parts[2:]))
        return sorted(set(out))


class DataGen:
    """What `TypeBuilder` needs of `generate.Generator`: a report and the Tag struct."""

    def __init__(self, lenient: Lenient) -> None:
        self.report = g.Report()
        self.lenient = lenient
        self.tag = g.StructDef(key="TAG", name="Tag", title="Tag", core_module=[], docs_url=g.TAG_DOCS, doc="")
        self.tag.props = [
            g.Prop("Key", "key", g.Shape("string"), True, [], "", "both"),
            g.Prop("Value", "value", g.Shape("string"), True, [], "", "both"),
        ]


# --------------------------------------------------------------------------
# Sources


def provider_index(source: str) -> dict[str, str]:
    for node in ast.parse(source).body:
        target = None
        if isinstance(node, ast.AnnAssign):
            target = node.target
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "types":
            return ast.literal_eval(node.value)
    raise g.GenerateError(f"no `types` mapping in {PROVIDER}")


def load_sources(wheel_path: Path, tgz_path: Path):  # noqa: ANN201
    with zipfile.ZipFile(wheel_path) as wheel:
        index = provider_index(wheel.read(PROVIDER).decode("utf-8"))
        registry = {}
        skipped = []
        for name, digest in sorted(index.items()):
            if not TYPE_NAME.fullmatch(name):
                skipped.append(name)
                continue
            schema = json.loads(wheel.read(f"{RESOURCES}{digest}.json"))
            if schema.get("typeName") != name:
                raise g.GenerateError(f"cfn-lint schema for {name} has typeName {schema.get('typeName')}")
            registry[name] = schema
    with tarfile.open(tgz_path, "r:gz") as tgz:
        member = tgz.extractfile(DB)
        if member is None:
            raise g.GenerateError(f"{DB} missing from {tgz_path}")
        db = json.loads(gzip.decompress(member.read()))
    resources: dict[str, dict] = {}
    for entity in db["schema"]["resource"]["entities"]:
        resources.setdefault(entity["cloudFormationType"], entity)
    type_defs = {e["$id"]: e for e in db["schema"]["typeDefinition"]["entities"]}
    return registry, skipped, resources, type_defs


# --------------------------------------------------------------------------
# Text helpers


SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)[.!?](?=\s|$)")


def summary(doc: str) -> str:
    """The first sentence of the first paragraph that is not a `>` note, on one line."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", doc.replace("\r\n", "\n")) if p.strip()]
    if not paras:
        return ""
    # A leading `> note` (WAF V2, classic services) is not what the type is.
    para = next((p for p in paras if not p.startswith(">")), paras[0])
    text = " ".join(para.split())
    m = SENTENCE_END.search(text)
    return text[: m.end()] if m else text


def escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def naive(name: str) -> str | None:
    """What the decoder computes when an identifier is written `-` (see README)."""
    return g.naive_snake(name) if name.isascii() else None


def token(value: str, what: str) -> str:
    if not TOKEN.fullmatch(value):
        raise g.GenerateError(f"{what} {value!r} cannot be written as a token")
    return value


def int_text(value: int) -> str:
    return str(value)


# --------------------------------------------------------------------------
# Writing


class Writer:
    def __init__(self) -> None:
        self.enums: list[str] = []  # escaped, tab-joined lines
        self.enum_ids: dict[str, int] = {}
        self.unknown_keywords: list[tuple[str, str, str]] = []  # (where, keyword, mode) not carried
        self.extensions: dict[str, list[x.Extension]] = {}  # by type name

    def enum(self, values: list[str]) -> int:
        line = "\t".join(escape(v) for v in values)
        if line not in self.enum_ids:
            self.enum_ids[line] = len(self.enums)
            self.enums.append(line)
        return self.enum_ids[line]

    def shape(self, s: g.Shape, structs: dict[int, int], tag: g.StructDef) -> str:
        k = s.kind
        if k == "string":
            return f"s#{self.enum(s.allowed)}" if s.allowed else "s"
        if k == "integer":
            out = "i"
            if s.minimum is not None or s.maximum is not None:
                lo = "" if s.minimum is None else int_text(s.minimum)
                hi = "" if s.maximum is None else int_text(s.maximum)
                out += f"({lo},{hi})"
            if s.allowed_ints:
                out += "[" + "|".join(int_text(v) for v in s.allowed_ints) + "]"
            return out
        simple = {"number": "n", "boolean": "b", "json": "j", "timestamp": "t"}
        if k in simple:
            return simple[k]
        if k == "list":
            return "l" + self.shape(s.inner, structs, tag)
        if k == "map":
            return "m" + self.shape(s.inner, structs, tag)
        if k == "struct":
            if s.struct is tag:
                return "@Tag"
            return f"@{structs[id(s.struct)]}"
        if k == "union":
            if not s.members:
                return "j"
            return "u(" + ",".join(self.shape(m, structs, tag) for m in s.members) + ")"
        raise g.GenerateError(f"unknown shape {k}")

    def prop(self, p: g.Prop, structs: dict[int, int], tag: g.StructDef) -> str:
        name = token(p.name, "property name")
        ident = "-" if naive(p.name) == p.ident else token(p.ident, "identifier")
        fields = [name + ("!" if p.required else ""), ident, self.shape(p.shape, structs, tag)]
        for type_name, prop in p.refers_to:
            fields.append(f"{token(type_name, 'type name')}.{token(prop, 'property name')}")
        return "P " + " ".join(fields)

    def head(self, r: g.ResourceDef, doc: str, transform: tuple[str, str | None] | None = None) -> list[str]:
        """The `R` line, the `T` line of a type a transform defines, and the `A` line."""
        ref = r.ref_returns if r.ref_returns is not None else "-"
        module = "-" if naive(r.resource) == r.nested_module else r.nested_module
        if not re.fullmatch(r"(r#)?[a-z0-9_]+", module) and module != "-":
            raise g.GenerateError(f"{r.name}: module {module!r} cannot be written")
        lines = [" ".join(x for x in ("R", r.name, module, token(ref, "ref_returns"), summary(doc)) if x)]
        if transform is not None:
            name, target = transform
            lines.append(f"T {token(name, 'transform')} {token(target, 'type name') if target else '-'}")
        if r.attrs:
            lines.append("A " + " ".join(
                token(a.name, "attribute") + ("" if naive(a.name) == a.ident else "=" + token(a.ident, "ident"))
                for a in r.attrs
            ))  # fmt: skip
        return lines

    def props(self, r: g.ResourceDef, tag: g.StructDef) -> list[str]:
        """The type's `P` lines, then each struct's `S` line and `P` lines."""
        structs = {id(s): i for i, s in enumerate(r.structs)}
        lines = [self.prop(p, structs, tag) for p in r.props]
        for s in r.structs:
            lines.append(f"S {token(s.name, 'struct name')}")
            lines += [self.prop(p, structs, tag) for p in s.props]
        return lines

    def block(self, r: g.ResourceDef, builder: DataBuilder, doc: str, tag: g.StructDef) -> str:
        lines = self.head(r, doc)
        create_only = builder.create_only()
        if create_only:
            lines.append("C " + " ".join(token(c, "createOnlyProperties entry") for c in create_only))
        lines += self.props(r, tag)
        lines += self.constraints(r.name, builder.registry)
        lines += [x.line(e) for e in self.extensions.get(r.name, [])]
        return "\n".join(lines) + "\n"

    def sam_block(self, r: g.ResourceDef, target: str | None, tag: g.StructDef) -> str:
        """A SAM type: no `C` line (SAM states none), no constraints (SAM's schema has none)."""
        lines = self.head(r, r.doc, (sam.TRANSFORM, target)) + self.props(r, tag)
        return "\n".join(lines) + "\n"

    def constraints(self, name: str, registry: dict) -> list[str]:
        """The `V` and `D` lines: what the registry schema states beyond the shapes."""
        emitter = c.Emitter(registry, self.enum, name)
        root, defs = emitter.type_constraints()
        self.unknown_keywords += emitter.unknown
        lines = []
        if root:
            lines.append("V " + c.dumps(root))
        lines += ["D " + c.dumps(d) for d in defs]
        return lines


def build(wheel: Path, tgz: Path, sam_schema: Path) -> tuple[str, Lenient, DataGen, dict]:
    registry, skipped, resources, type_defs = load_sources(wheel, tgz)
    lenient = Lenient()
    g.snake = lenient.snake
    g.check_idents = lenient.check_idents
    g.check_type_name = lenient.check_type_name
    gen = DataGen(lenient)
    writer = Writer()
    exts, ext_findings, as_of = x.load(wheel, writer.enum, set(registry))
    for e in exts:
        writer.extensions.setdefault(e.type_name, []).append(e)
    blocks: list[tuple[str, str]] = []
    stats = {
        "skipped": skipped,
        "registry_only_types": [],
        "cdk_only_types": sorted(set(resources) - set(registry)),
        "types": 0,
        "properties": 0,
        "structs": 0,
        "nested_properties": 0,
        "attributes": 0,
        "extensions": ext_findings,
        "sam_types": [],
        "as_of": as_of,
    }
    built: dict[str, g.ResourceDef] = {}
    for name in sorted(registry):
        lenient.current = name
        cdk = resources.get(name)
        if cdk is None:
            stats["registry_only_types"].append(name)
        builder = DataBuilder(gen, name, registry[name], cdk, type_defs)
        r = builder.build()
        built[name] = r
        doc = (cdk or {}).get("documentation") or registry[name].get("description", "")
        blocks.append((name, writer.block(r, builder, doc, gen.tag)))
        stats["types"] += 1
        stats["properties"] += len(r.props)
        stats["structs"] += len(r.structs)
        stats["nested_properties"] += sum(len(s.props) for s in r.structs)
        stats["attributes"] += len(r.attrs)
    sam_types, stats["sam"] = sam.build(json.loads(sam_schema.read_text(encoding="utf-8")), built, gen.tag, lenient)
    for r, target in sam_types:
        blocks.append((r.name, writer.sam_block(r, target, gen.tag)))
        stats["sam_types"].append(r.name)
        stats["properties"] += len(r.props)
        stats["structs"] += len(r.structs)
        stats["nested_properties"] += sum(len(s.props) for s in r.structs)
        stats["attributes"] += len(r.attrs)
    blocks.sort(key=lambda block: block[0])
    known = set(registry)
    for line in "".join(text for _, text in blocks).splitlines():
        if line.startswith("P "):
            for rel in line.split(" ")[4:]:
                target = rel.split(".", 1)[0]
                if target not in known:
                    lenient.unmapped.append(f"relationship to a type outside the provider (kept): {target}")
    body = "".join(text for _, text in blocks)
    index = []
    offset = 0
    for name, text in blocks:
        index.append(f"{name} {offset}")
        offset += len(text.encode("utf-8"))
    sources = json.loads((SPEC / "sources.json").read_text(encoding="utf-8"))
    head = [
        FORMAT,
        f"# @generated by spec/generate_data.py from cfn-lint {sources['cfn-lint']['version']} "
        f"(us-east-1 provider), {sources['aws-service-spec']['package']} "
        f"{sources['aws-service-spec']['version']} and aws-sam-translator "
        f"{sources['aws-sam-translator']['version']} (SAM); do not edit. Format: spec/README.md.",
        f"# {stats['types']} registry types and {len(stats['sam_types'])} SAM types, {stats['properties']} properties, {stats['structs']} nested types "
        f"({stats['nested_properties']} properties), {stats['attributes']} attributes, "
        f"{len(writer.enums)} distinct enumerations.",
        f"# {sum(t.startswith('V ') for t in body.splitlines())} types with constraints, "
        f"{sum(t.startswith('D ') for t in body.splitlines())} definitions, "
        f"{len(exts)} extension schemas (cfn-lint rules; Lambda runtimes as of {as_of}).",
        f"as-of {as_of}",
        f"enums {len(writer.enums)}",
        *writer.enums,
        f"types {len(index)}",
        *index,
    ]
    text = "\n".join(head) + "\n" + body
    stats["unknown_keywords"] = writer.unknown_keywords
    stats["constraint_counts"] = keyword_counts(body)
    return text, lenient, gen, stats


def keyword_counts(body: str) -> dict[str, int]:
    """How often each keyword occurs in the `V`/`D` lines (registry) and `X` lines (extensions)."""
    counts: dict[str, int] = {}

    def walk(node: object, prefix: str, parent: str | None) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if parent not in ("properties", "patternProperties", "dependencies",
                                  "dependentRequired", "dependentExcluded"):  # fmt: skip
                    counts[prefix + k] = counts.get(prefix + k, 0) + 1
                walk(v, prefix, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, prefix, None)

    for line in body.splitlines():
        if line.startswith(("V ", "D ")):
            walk(json.loads(line[2:]), "registry ", None)
        elif line.startswith("X "):
            walk(json.loads(line.split(" ", 7)[7]), "extension ", None)
    return dict(sorted(counts.items()))


def render_report(lenient: Lenient, gen: DataGen, stats: dict) -> str:
    out = ["# spec/generate_data.py report", ""]
    for key in ("types", "properties", "structs", "nested_properties", "attributes"):
        out.append(f"- {key}: {stats[key]}")
    sections: list[tuple[str, list[str]]] = [
        ("Provider entries that are not resource types (skipped)", stats["skipped"]),
        ("Types only in the registry (no CDK entity: shapes from the registry schema)",
         stats["registry_only_types"]),
        ("Types only in the CDK database (not in the provider: left out)", stats["cdk_only_types"]),
        ("SAM types (aws-sam-translator)", stats["sam_types"]),
        ("SAM: what was left out, taken leniently or renamed", stats["sam"]),
    ]  # fmt: skip
    by_kind: dict[str, list[str]] = {
        kind: []
        for kind in (
            "unusual name", "unusual type name", "identifier clash", "identifier clash resolved",
            "registry-only shape taken as JSON", "createOnlyProperties entry not used",
            "relationship to a type outside the provider (kept)",
        )
    }  # fmt: skip
    for item in lenient.unmapped:
        kind, _, detail = item.partition(": ")
        by_kind.setdefault(kind, []).append(detail)
    for kind in sorted(by_kind):
        sections.append((f"Fallback: {kind}", by_kind[kind]))
    ext = stats["extensions"]
    sections += [
        (f"Extension schemas applied (as of {stats['as_of']} for Lambda runtimes)", ext.applied),
        ("Extension schemas skipped", ext.skipped),
        ("Registry keywords not carried (dropped at shape positions, undecided in conditions)",
         [f"{kw} ({mode}): {where}" for where, kw, mode in stats["unknown_keywords"]]),
    ]  # fmt: skip
    out.append("")
    out.append("| constraint keyword | occurrences |")
    out.append("|---|---|")
    out += [f"| {k} | {n} |" for k, n in stats["constraint_counts"].items()]
    rep = gen.report
    sections += [
        ("Constraints not representable / ignored", rep.ignored_constraints),
        ("Registry structure mismatches", rep.registry_mismatch),
        ("Properties only in the CDK database", rep.cdk_only),
        ("Properties only in the registry schema", rep.registry_only),
        ("`required` differs (registry used)", rep.required_differs),
        ("Enumerations that differ (union used)", rep.enum_differs),
    ]
    out.append("")
    out.append("| what | count |")
    out.append("|---|---|")
    for title, items in sections:
        out.append(f"| {title} | {len(set(items))} |")
    for title, items in sections:
        out += ["", f"## {title} ({len(set(items))})", ""]
        out += [f"- {item}" for item in sorted(set(items))]
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description="Write ecsnet-schema/data/resources.txt from the archives.")
    parser.add_argument("--cfn-lint-wheel", required=True, type=Path)
    parser.add_argument("--service-spec-tgz", required=True, type=Path)
    parser.add_argument("--sam-schema", required=True, type=Path, help="the JSON that spec/sam_schema.py writes")
    parser.add_argument("--out", type=Path, default=OUT)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="fail if the committed artifact is out of date")
    mode.add_argument("--report", action="store_true", help="print what could not be mapped; write nothing")
    args = parser.parse_args()
    try:
        text, lenient, gen, stats = build(args.cfn_lint_wheel, args.service_spec_tgz, args.sam_schema)
    except g.GenerateError as e:
        print(f"generate_data.py: error: {e}", file=sys.stderr)
        return 2
    data = text.encode("utf-8")
    if args.report:
        sys.stdout.write(render_report(lenient, gen, stats))
        return 0
    if args.check:
        if not args.out.is_file() or args.out.read_bytes() != data:
            print(f"generate_data.py: {args.out} is out of date; run `bash spec/update.sh`", file=sys.stderr)
            return 1
        print(f"generate_data.py: {args.out.name} is up to date ({len(data)} bytes, {stats['types']} registry and {len(stats['sam_types'])} SAM types)")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not args.out.is_file() or args.out.read_bytes() != data:
        args.out.write_bytes(data)
    print(f"generate_data.py: wrote {args.out.name} ({len(data)} bytes, {stats['types']} registry and {len(stats['sam_types'])} SAM types)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
