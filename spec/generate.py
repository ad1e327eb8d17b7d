#!/usr/bin/env python3
"""Generates ecsnet's Rust schema data from the vendored CloudFormation schemas.

Reads only files under `spec/` (no network; Python 3 standard library only):

* `spec/types.txt`: the CloudFormation types to generate;
* `spec/cfn-lint/<AWS_EC2_Subnet>.json`: registry schemas (cfn-lint's copy);
* `spec/cdk/<AWS_EC2_Subnet>.json`: AWS CDK service database entities;
* `spec/cfn-lint/update_policy.json` and `spec/attributes/creation_policy.json`.

Writes

* `ecsnet-schema/src/attributes.rs`: what the registry does not ship,
  the `CreationPolicy` and `UpdatePolicy` attribute schemas, and which
  types `ecsnet::aws` documents (`DOCUMENTED_TYPES`); every resource type
  itself is `ecsnet-schema`'s data (`generate_data.py`);
* `ecsnet-core/src/aws/*.rs`: documentation types for rustdoc and IDE hover.

Usage:

    python3 spec/generate.py            write the generated files
    python3 spec/generate.py --check    exit 1 if the committed files differ
    python3 spec/generate.py --report   print the merge report (Markdown)

How the two sources are merged is documented in `spec/README.md`. The output
is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

SPEC = Path(__file__).resolve().parent
ROOT = SPEC.parent
MACRO_OUT = Path("ecsnet-schema/src/attributes.rs")
CORE_DIR = Path("ecsnet-core/src/aws")

TEMPLATE_REFERENCE = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/"
USER_GUIDE = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
TAG_DOCS = TEMPLATE_REFERENCE + "aws-properties-resource-tags.html"
CREATION_POLICY_DOCS = USER_GUIDE + "aws-attribute-creationpolicy.html"
UPDATE_POLICY_DOCS = USER_GUIDE + "aws-attribute-updatepolicy.html"

# The module of `ecsnet_core::aws` that documents the resource attributes
# (CreationPolicy, UpdatePolicy). It has an underscore, so it never collides
# with a service module (service names have none).
POLICY_MODULE = "resource_attributes"

WIDTH = 100  # rustfmt's default max_width
MAX_LISTED_VALUES = 40  # allowed values listed in one field's rustdoc

RUST_KEYWORDS = {
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
    "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "box",
    "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield",
    "try", "gen",
}  # fmt: skip
NOT_RAW = {"crate", "self", "Self", "super", "_"}  # keywords that cannot be raw identifiers


class GenerateError(Exception):
    """A problem in the input that the generator refuses to paper over."""


# --------------------------------------------------------------------------
# Names


ONE_WORD = {"DDoS": "Ddos", "OData": "Odata"}
ACRONYM_WORD = re.compile(
    r"[A-Z]{2,}s(?=[A-Z0-9]|$)"  # plural acronym: ARNs, IDs, IPs
    r"|[A-Z]+(?=[A-Z][a-z])"  # acronym before a word: DBInstance -> DB
    r"|[A-Z]*[a-z]+"  # ordinary word: Subnet, ipv (of Ipv6)
    r"|[A-Z]+"  # trailing acronym: MultiAZ -> AZ
)


def words(name: str) -> list[str]:
    """Splits a CloudFormation CamelCase name into words; digits stick to the left."""
    # Mixed-case words that must stay one word (`IPv6Address` -> `ipv6_address`).
    name = re.sub(r"IP[vV]([46])", r"Ipv\1", name)
    for word, spelling in ONE_WORD.items():
        name = name.replace(word, spelling)
    out: list[str] = []
    pos = 0
    while pos < len(name):
        if name[pos].isdigit():
            digits = re.match(r"[0-9]+", name[pos:]).group(0)
            if out:
                out[-1] += digits
            else:
                out.append(digits)
            pos += len(digits)
            continue
        m = ACRONYM_WORD.match(name, pos)
        if not m or not m.group(0):
            raise GenerateError(f"cannot split name {name!r} into words")
        word = m.group(0)
        out.append(word)
        pos += len(word)
    return out


def snake(name: str) -> str:
    """`VPCSecurityGroups` -> `vpc_security_groups`, `Endpoint.Address` -> `endpoint_address`."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*", name):
        raise GenerateError(f"unexpected characters in name {name!r}")
    return "_".join("_".join(w.lower() for w in words(part)) for part in name.split("."))


def naive_snake(name: str) -> str:
    """The naive conversion, only to list the names where `snake` differs."""
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name.replace(".", "")).lower()


def screaming(*parts: str) -> str:
    return "_".join(snake(p).upper() for p in parts)


def rust_ident(ident: str) -> str:
    """Spells a snake_case name as a Rust identifier (`type` -> `r#type`)."""
    if ident in NOT_RAW:
        raise GenerateError(f"`{ident}` cannot be a Rust identifier, not even a raw one")
    return f"r#{ident}" if ident in RUST_KEYWORDS else ident


def check_type_name(name: str, what: str) -> None:
    if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name) or name in RUST_KEYWORDS:
        raise GenerateError(f"{what} {name!r} is not usable as a Rust type name")


# --------------------------------------------------------------------------
# Model


@dataclass
class Shape:
    kind: str  # string integer number boolean json timestamp list map struct union
    allowed: list[str] = field(default_factory=list)
    minimum: int | None = None
    maximum: int | None = None
    allowed_ints: list[int] = field(default_factory=list)
    inner: Shape | None = None
    struct: StructDef | None = None
    members: list[Shape] = field(default_factory=list)


@dataclass
class Prop:
    name: str
    ident: str
    shape: Shape
    required: bool
    refers_to: list[tuple[str, str]]
    doc: str
    source: str  # "both", "cdk" or "registry"


@dataclass
class StructDef:
    key: str  # name of the `static` in attributes.rs
    name: str  # CloudFormation name, `NetworkConfiguration`
    title: str  # `AWS::ECS::Service.NetworkConfiguration`
    core_module: list[str]  # module path under `aws`, `["ecs", "service"]`
    docs_url: str
    doc: str
    props: list[Prop] = field(default_factory=list)
    nested: list[StructDef] = field(default_factory=list)  # CreationPolicy/UpdatePolicy only

    @property
    def core_path(self) -> str:
        return "::".join([*self.core_module, self.name])


@dataclass
class Attr:
    name: str
    ident: str
    doc: str


@dataclass
class ResourceDef:
    name: str  # AWS::EC2::Subnet
    service: str  # EC2
    resource: str  # Subnet
    module: str  # ec2
    nested_module: str  # subnet
    docs_url: str
    doc: str
    props: list[Prop]
    attrs: list[Attr]
    ref_returns: str | None
    structs: list[StructDef]

    @property
    def core_path(self) -> str:
        return f"{self.module}::{self.resource}"


@dataclass
class Report:
    """What the merge found; printed by --report, counted in the file headers."""

    cdk_only: list[str] = field(default_factory=list)
    registry_only: list[str] = field(default_factory=list)
    enum_registry_only: list[str] = field(default_factory=list)
    enum_cdk_only: list[str] = field(default_factory=list)
    enum_differs: list[str] = field(default_factory=list)
    required_differs: list[str] = field(default_factory=list)
    ignored_constraints: list[str] = field(default_factory=list)
    read_only_kept: list[str] = field(default_factory=list)
    registry_mismatch: list[str] = field(default_factory=list)
    attr_cdk_only: list[str] = field(default_factory=list)
    attr_registry_only: list[str] = field(default_factory=list)
    idents: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    ref_returns: list[str] = field(default_factory=list)


def fail(msg: str) -> None:
    raise GenerateError(msg)


def load_json(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        fail(f"{path.relative_to(ROOT)} is missing; run `bash spec/update.sh`")
    return {}


def read_types() -> list[str]:
    types = []
    for line in (SPEC / "types.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            if not re.fullmatch(r"AWS::[A-Za-z0-9]+::[A-Za-z0-9]+", line):
                fail(f"spec/types.txt: {line!r} is not a CloudFormation type name")
            types.append(line)
    if len(set(types)) != len(types):
        fail("spec/types.txt lists a type twice")
    return sorted(types)


# --------------------------------------------------------------------------
# Registry schema helpers


def resolve(schema: object, root: dict) -> dict | None:
    """Follows local `$ref`s of a registry schema."""
    for _ in range(32):
        if not isinstance(schema, dict):
            return None
        ref = schema.get("$ref")
        if ref is None:
            return schema
        if not ref.startswith("#/"):
            fail(f"{root.get('typeName')}: non-local $ref {ref}")
        node: object = root
        for part in ref[2:].split("/"):
            node = node[part]  # type: ignore[index]
        schema = node
    fail(f"{root.get('typeName')}: $ref loop")
    return None


def map_value_schema(schema: dict) -> object:
    patterns = schema.get("patternProperties")
    if isinstance(patterns, dict) and len(patterns) == 1:
        return next(iter(patterns.values()))
    extra = schema.get("additionalProperties")
    return extra if isinstance(extra, dict) else None


def ref_name(schema: object) -> str | None:
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        return schema["$ref"].rsplit("/", 1)[-1]
    return None


def integral(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value) if float(value).is_integer() else None


# --------------------------------------------------------------------------
# Merging one resource type


class TypeBuilder:
    """Builds one resource type from its registry schema and its CDK entity."""

    def __init__(self, gen: Generator, name: str, registry: dict, cdk: dict | None):
        self.gen = gen
        self.name = name
        self.registry = registry
        self.cdk = cdk["resource"] if cdk else {}
        self.type_defs = cdk["typeDefinitions"] if cdk else {}
        _, self.service, self.resource = name.split("::")
        check_type_name(self.resource, "resource name")
        self.module = self.service.lower()
        self.nested_module = rust_ident(snake(self.resource))
        self.read_only = set(registry.get("readOnlyProperties", []))
        self.structs: dict[str, StructDef] = {}  # by CDK $id or "registry:<def>"
        self.struct_registry: dict[str, object] = {}

    def build(self) -> ResourceDef:
        props = self.build_props(
            owner=self.name,
            cdk_props=self.cdk.get("properties", {}),
            reg_obj=self.registry,
            path="/properties",
        )
        doc = self.cdk.get("documentation") or self.registry.get("description", "")
        return ResourceDef(
            name=self.name,
            service=self.service,
            resource=self.resource,
            module=self.module,
            nested_module=self.nested_module,
            docs_url=f"{TEMPLATE_REFERENCE}aws-resource-{self.module}-{self.resource.lower()}.html",
            doc=doc,
            props=props,
            attrs=self.build_attrs(),
            ref_returns=self.build_ref_returns(),
            structs=sorted(self.structs.values(), key=lambda s: s.name),
        )

    # -- properties

    def build_props(self, owner: str, cdk_props: dict, reg_obj: dict | None, path: str) -> list[Prop]:
        reg_props = (reg_obj or {}).get("properties", {}) or {}
        reg_required = set((reg_obj or {}).get("required", []) or [])
        names = set(cdk_props)
        for name in reg_props:
            if f"{path}/{name}" in self.read_only:
                if name in cdk_props:
                    self.gen.report.read_only_kept.append(f"{owner}.{name}")
                continue
            names.add(name)
        props = []
        for name in sorted(names):
            cdk_prop = cdk_props.get(name)
            reg_prop = reg_props.get(name) if reg_obj is not None else None
            where = f"{owner}.{name}"
            if cdk_prop is None:
                source = "registry"
                self.gen.report.registry_only.append(where)
            elif reg_prop is None:
                source = "cdk"
                if reg_obj is not None:  # else the enclosing property is reported already
                    self.gen.report.cdk_only.append(where)
            else:
                source = "both"
            if reg_prop is not None:
                required = name in reg_required
                if cdk_prop is not None and bool(cdk_prop.get("required")) != required:
                    self.gen.report.required_differs.append(
                        f"{where}: registry {'required' if required else 'optional'}, "
                        f"CDK {'required' if cdk_prop.get('required') else 'optional'}"
                    )
            else:
                required = bool(cdk_prop.get("required"))
            if cdk_prop is not None:
                shape = self.cdk_shape(cdk_prop["type"], reg_prop, where, f"{path}/{name}")
                doc = cdk_prop.get("documentation", "")
                refers = [
                    (r["cloudFormationType"], r["propertyName"])
                    for r in cdk_prop.get("relationshipRefs", [])
                ]
            else:
                shape = self.registry_shape(reg_prop, where, f"{path}/{name}", name)
                resolved = resolve(reg_prop, self.registry) or {}
                doc = reg_prop.get("description") or resolved.get("description", "")
                refers = []
            props.append(
                Prop(name, snake(name), shape, required, sorted(set(refers), key=refers.index), doc, source)
            )
        check_idents(owner, [(p.name, p.ident) for p in props])
        for p in props:
            if p.ident != naive_snake(p.name):
                self.gen.report.idents.append(f"{owner}.{p.name} -> {p.ident}")
        return props

    def cdk_shape(self, ty: dict, reg: object, where: str, path: str) -> Shape:
        kind = ty["type"]
        rs = resolve(reg, self.registry)
        if kind == "string":
            return self.string_shape(ty.get("allowedValues"), rs, where)
        if kind == "integer":
            allowed = (rs or {}).get("enum") or ty.get("allowedValues") or []
            allowed = sorted({int(v) for v in allowed if integral(v) is not None})
            return Shape("integer", minimum=integral((rs or {}).get("minimum")),
                         maximum=integral((rs or {}).get("maximum")), allowed_ints=allowed)
        if ty.get("allowedValues") or (rs and "enum" in rs):
            self.gen.report.ignored_constraints.append(f"{where}: enum on a {kind} ignored")
        if kind == "number":
            return Shape("number")
        if kind == "boolean":
            return Shape("boolean")
        if kind == "json":
            return Shape("json")
        if kind in ("date-time", "date-timestamp", "timestamp"):
            return Shape("timestamp")
        if kind == "tag":
            return Shape("struct", struct=self.gen.tag)
        if kind == "array":
            items = rs.get("items") if rs else None
            return Shape("list", inner=self.cdk_shape(ty["element"], items, where, f"{path}/*"))
        if kind == "map":
            value = map_value_schema(rs) if rs else None
            return Shape("map", inner=self.cdk_shape(ty["element"], value, where, f"{path}/*"))
        if kind == "union":
            return Shape("union", members=[self.cdk_shape(t, None, where, path) for t in ty["types"]])
        if kind == "ref":
            return Shape("struct", struct=self.cdk_struct(ty["reference"]["$ref"], rs, where, path))
        fail(f"{where}: unknown CDK type {kind!r}")
        return Shape("json")

    def string_shape(self, cdk_allowed: list | None, rs: dict | None, where: str) -> Shape:
        reg_enum = rs.get("enum") if rs else None
        if rs and "enumCaseInsensitive" in rs:
            # cfn-lint compares these without regard to case; a case-sensitive
            # list here would reject what CloudFormation accepts.
            self.gen.report.ignored_constraints.append(f"{where}: enumCaseInsensitive not checked")
        if reg_enum is not None:
            if not all(isinstance(v, str) for v in reg_enum):
                self.gen.report.ignored_constraints.append(
                    f"{where}: registry enum has non-strings {reg_enum}; used as text"
                )
            values = [v if isinstance(v, str) else json.dumps(v) for v in reg_enum]
            if cdk_allowed is None:
                self.gen.report.enum_registry_only.append(f"{where} ({len(values)} values)")
            elif set(cdk_allowed) != set(values):
                only_reg = sorted(set(values) - set(cdk_allowed))
                only_cdk = sorted(set(cdk_allowed) - set(values))
                self.gen.report.enum_differs.append(
                    f"{where}: registry-only {only_reg}, CDK-only {only_cdk} (union used)"
                )
                # Each source lags the service in its own way; a value either
                # one knows is accepted, so a stale list never rejects a valid value.
                values = values + [str(v) for v in cdk_allowed if str(v) not in values]
            return Shape("string", allowed=values)
        if cdk_allowed:
            self.gen.report.enum_cdk_only.append(f"{where}: {cdk_allowed}")
            return Shape("string", allowed=[str(v) for v in cdk_allowed])
        return Shape("string")

    def new_struct(self, name: str, doc: str) -> StructDef:
        check_type_name(name, f"{self.name} property type")
        return StructDef(
            key=screaming(self.module, self.resource, name),
            name=name,
            title=f"{self.name}.{name}",
            core_module=[self.module, self.nested_module],
            docs_url=(
                f"{TEMPLATE_REFERENCE}aws-properties-{self.module}-"
                f"{self.resource.lower()}-{name.lower()}.html"
            ),
            doc=doc,
        )

    def cdk_struct(self, ref: str, rs: dict | None, where: str, path: str) -> StructDef:
        if ref in self.structs:
            if rs is not None and self.struct_registry.get(ref) not in (None, rs):
                self.gen.report.registry_mismatch.append(
                    f"{where}: {self.structs[ref].name} reached with a different registry definition"
                )
            return self.structs[ref]
        td = self.type_defs.get(ref)
        if td is None:
            fail(f"{where}: CDK type definition {ref} is not in spec/cdk")
        struct = self.new_struct(td["name"], td.get("documentation") or (rs or {}).get("description", ""))
        self.structs[ref] = struct  # before the properties, so recursion terminates
        self.struct_registry[ref] = rs
        if rs is not None and not isinstance(rs.get("properties"), dict):
            self.gen.report.registry_mismatch.append(
                f"{where}: the registry has no object schema for {td['name']}"
            )
            rs = None
        struct.props = self.build_props(f"{self.name}.{td['name']}", td.get("properties", {}), rs, path)
        return struct

    def registry_shape(self, schema: object, where: str, path: str, name: str) -> Shape:
        """A property the CDK does not know: its shape from the registry schema alone."""
        rs = resolve(schema, self.registry) or {}
        ty = rs.get("type")
        if ty == "string":
            return self.string_shape(None, rs, where)
        if ty == "integer":
            return Shape("integer", minimum=integral(rs.get("minimum")), maximum=integral(rs.get("maximum")))
        if ty == "number":
            return Shape("number")
        if ty == "boolean":
            return Shape("boolean")
        if ty == "array":
            return Shape("list", inner=self.registry_shape(rs.get("items"), where, f"{path}/*", name))
        if ty == "object" or "properties" in rs:
            if isinstance(rs.get("properties"), dict):
                key = "registry:" + (ref_name(schema) or name)
                if key not in self.structs:
                    struct = self.new_struct(ref_name(schema) or name, rs.get("description", ""))
                    self.structs[key] = struct
                    struct.props = self.build_props(f"{self.name}.{struct.name}", {}, rs, path)
                return Shape("struct", struct=self.structs[key])
            value = map_value_schema(rs)
            if value is not None:
                return Shape("map", inner=self.registry_shape(value, where, f"{path}/*", name))
        return Shape("json")

    # -- attributes and Ref

    def build_attrs(self) -> list[Attr]:
        attrs: dict[str, str] = {}
        for name, attr in self.cdk.get("attributes", {}).items():
            attrs[name] = attr.get("documentation", "")
        for pointer in sorted(self.read_only):
            parts = pointer.split("/")
            if parts[:2] != ["", "properties"] or len(parts) < 3 or "*" in parts:
                self.gen.report.ignored_constraints.append(
                    f"{self.name}: readOnlyProperties entry {pointer} not used as an attribute"
                )
                continue
            name = ".".join(parts[2:])
            if name not in attrs:
                self.gen.report.attr_registry_only.append(f"{self.name}: {name}")
                attrs[name] = self.registry_description(parts[2:])
        for name in self.cdk.get("attributes", {}):
            if f"/properties/{name.replace('.', '/')}" not in self.read_only:
                self.gen.report.attr_cdk_only.append(f"{self.name}: {name}")
        out = [Attr(name, snake(name), attrs[name]) for name in sorted(attrs)]
        check_idents(f"{self.name} attributes", [(a.name, a.ident) for a in out])
        for a in out:
            if a.ident != naive_snake(a.name).replace(".", "_"):
                self.gen.report.idents.append(f"{self.name} attribute {a.name} -> {a.ident}")
        return out

    def registry_description(self, parts: list[str]) -> str:
        node: dict | None = self.registry
        for part in parts:
            node = resolve((node or {}).get("properties", {}).get(part), self.registry)
            if node is None:
                return ""
        return (node or {}).get("description", "")

    def build_ref_returns(self) -> str | None:
        ref = self.cdk.get("cfnRefIdentifier")
        if ref:
            return ref[0]
        primary = self.cdk.get("primaryIdentifier")
        if primary is None:
            primary = [p.rsplit("/", 1)[-1] for p in self.registry.get("primaryIdentifier", [])]
        return primary[0] if len(primary) == 1 else None


def check_idents(owner: str, pairs: list[tuple[str, str]]) -> None:
    seen: dict[str, str] = {}
    for name, ident in pairs:
        if ident in seen:
            fail(f"{owner}: `{seen[ident]}` and `{name}` both map to the identifier `{ident}`")
        seen[ident] = name


# --------------------------------------------------------------------------
# Whole model


class Generator:
    def __init__(self) -> None:
        self.report = Report()
        self.tag = StructDef(
            key="TAG",
            name="Tag",
            title="Tag",
            core_module=[],
            docs_url=TAG_DOCS,
            doc="A key-value pair to associate with a resource.",
        )
        self.tag.props = [
            Prop("Key", "key", Shape("string"), True, [],
                 "The key name of the tag. You can specify a value that's 1 to 128 Unicode characters "
                 "in length and can't be prefixed with `aws:`.", "both"),
            Prop("Value", "value", Shape("string"), True, [],
                 "The value for the tag. You can specify a value that's 0 to 256 characters in length.",
                 "both"),
        ]  # fmt: skip
        self.sources = load_json(SPEC / "sources.json")
        self.types = read_types()
        self.resources: list[ResourceDef] = []
        for name in self.types:
            stem = name.replace("::", "_")
            registry = load_json(SPEC / "cfn-lint" / f"{stem}.json")
            cdk = load_json(SPEC / "cdk" / f"{stem}.json")
            self.resources.append(TypeBuilder(self, name, registry, cdk).build())
        self.creation_policy = self.policy_struct(
            "CreationPolicy", load_json(SPEC / "attributes" / "creation_policy.json"), CREATION_POLICY_DOCS
        )
        self.update_policy = self.update_policy_struct(load_json(SPEC / "cfn-lint" / "update_policy.json"))
        self.check_unique_keys()
        self.check_relations()

    # -- resource attributes (CreationPolicy, UpdatePolicy)

    def policy_struct(self, name: str, schema: dict, url: str, applies: dict | None = None) -> StructDef:
        module = snake(name)
        struct = StructDef(screaming(name), name, name, [POLICY_MODULE], url, schema.get("description", ""))
        nested: dict[str, StructDef] = {}

        def shape(sub: object, where: str) -> Shape:
            rs = resolve(sub, schema) or {}
            ty = rs.get("type")
            if ty == "string":
                return Shape("string", allowed=[str(v) for v in rs.get("enum", [])])
            if ty == "integer":
                return Shape("integer", minimum=integral(rs.get("minimum")), maximum=integral(rs.get("maximum")))
            if ty in ("number", "boolean"):
                return Shape(ty)
            if ty == "array":
                return Shape("list", inner=shape(rs.get("items"), where))
            if isinstance(rs.get("properties"), dict):
                def_name = ref_name(sub) or where
                if def_name not in nested:
                    check_type_name(def_name, f"{name} definition")
                    s = StructDef(
                        screaming(name, def_name), def_name, f"{name}.{def_name}",
                        [POLICY_MODULE, module], url,
                        rs.get("description") or f"The `{def_name}` settings of the `{name}` attribute.",
                    )  # fmt: skip
                    nested[def_name] = s
                    s.props = props(rs, f"{name}.{def_name}")
                return Shape("struct", struct=nested[def_name])
            return Shape("json")

        def props(obj: dict, owner: str) -> list[Prop]:
            required = set(obj.get("required", []))
            out = []
            for prop_name in sorted(obj["properties"]):
                sub = obj["properties"][prop_name]
                doc = (sub.get("description") if isinstance(sub, dict) else None) or (
                    resolve(sub, schema) or {}
                ).get("description", "")
                if applies and prop_name in applies:
                    doc = (doc + "\n\n" if doc else "") + "Applies to " + ", ".join(
                        f"`{t}`" for t in applies[prop_name]
                    ) + "."
                out.append(Prop(prop_name, snake(prop_name), shape(sub, prop_name), prop_name in required,
                                [], doc, "both"))  # fmt: skip
            check_idents(owner, [(p.name, p.ident) for p in out])
            return out

        struct.props = props(schema, name)
        struct.nested = sorted(nested.values(), key=lambda s: s.name)
        return struct

    def update_policy_struct(self, schema: dict) -> StructDef:
        """Merges the per-type `UpdatePolicy` definitions of cfn-lint into one struct."""
        merged: dict[str, object] = {}
        applies: dict[str, list[str]] = {}
        for rule in schema.get("allOf", []):
            then = rule.get("then")
            if not then:
                continue
            target = then["properties"]["UpdatePolicy"]
            cond = rule["if"]["properties"]["Type"]
            types = [cond["const"]] if "const" in cond else list(cond["enum"])
            definition = resolve(target, schema)
            for prop_name, sub in definition["properties"].items():
                if prop_name in merged and merged[prop_name] != sub:
                    fail(f"update_policy.json: `{prop_name}` has two different schemas")
                merged[prop_name] = sub
                applies.setdefault(prop_name, []).extend(types)
        doc = (
            "Use the `UpdatePolicy` attribute to specify how CloudFormation handles updates to "
            "certain resources. Which keys apply depends on the resource type; each key below "
            "names the types it applies to.\n\nFrom cfn-lint's `update_policy.json`."
        )
        top = {"type": "object", "properties": merged, "definitions": schema.get("definitions", {})}
        return self.policy_struct("UpdatePolicy", {**top, "description": doc}, UPDATE_POLICY_DOCS, applies)

    # -- checks

    def all_structs(self) -> list[StructDef]:
        out = [self.tag, self.creation_policy, self.update_policy]
        out += self.creation_policy.nested + self.update_policy.nested
        for r in self.resources:
            out += r.structs
        return out

    def check_unique_keys(self) -> None:
        seen: dict[str, str] = {}
        for s in self.all_structs():
            if s.key in seen or s.key == "RESOURCE_TYPES":
                fail(f"`{s.title}` and `{seen.get(s.key)}` both map to the static `{s.key}`")
            seen[s.key] = s.title

    def check_relations(self) -> None:
        by_name = {r.name: r for r in self.resources}
        for r in self.resources:
            r_props = [(r.name, p) for p in r.props]
            for s in r.structs:
                r_props += [(s.title, p) for p in s.props]
            for owner, p in r_props:
                for type_name, prop in p.refers_to:
                    target = by_name.get(type_name)
                    if target is None:
                        continue
                    via = []
                    if prop == target.ref_returns:
                        via.append("Ref")
                    if any(a.name == prop for a in target.attrs):
                        via.append("GetAtt")
                    if not via:
                        self.report.relations.append(
                            f"{owner}.{p.name} -> {type_name}.{prop}: neither `Ref` "
                            f"(returns {target.ref_returns}) nor a `Fn::GetAtt` attribute"
                        )
                    elif via == ["GetAtt"]:
                        self.report.relations.append(
                            f"{owner}.{p.name} -> {type_name}.{prop}: only through `Fn::GetAtt` "
                            f"(`Ref` returns {target.ref_returns})"
                        )
            names = {p.name for p in r.props} | {a.name for a in r.attrs}
            if r.ref_returns is not None and r.ref_returns not in names:
                self.report.ref_returns.append(f"{r.name}: `Ref` returns {r.ref_returns}, unknown name")
            elif r.ref_returns is not None and r.ref_returns not in {a.name for a in r.attrs}:
                self.report.ref_returns.append(
                    f"{r.name}: `Ref` returns {r.ref_returns}, a property, not a `Fn::GetAtt` attribute"
                )
            elif r.ref_returns is None:
                self.report.ref_returns.append(f"{r.name}: no `ref_returns` (composite or no identifier)")

    def counts(self) -> dict[str, int]:
        return {
            "types": len(self.resources),
            "properties": sum(len(r.props) for r in self.resources),
            "nested_types": sum(len(r.structs) for r in self.resources),
            "nested_properties": sum(len(s.props) for r in self.resources for s in r.structs),
            "attributes": sum(len(r.attrs) for r in self.resources),
            "structs": len(self.all_structs()),
        }


# --------------------------------------------------------------------------
# Markdown sanitising for rustdoc


INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?P<body>.+?)(?<!`)(?P=ticks)(?!`))"
    r"|(?P<link>\[(?P<text>[^\[\]]*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\))"
    r"|(?P<auto><https?://[^<>\s]+>)"
    r"|(?P<bare>https?://[^\s<>()\[\]`\"']+)"
)
LIST_ITEM = re.compile(r"^([-*+]|[0-9]{1,9}[.)])(\s|$)")


def escape_text(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for ch in "[]<":
        text = text.replace(ch, "\\" + ch)
    return text


def inline(line: str) -> str:
    out = []
    pos = 0
    for m in INLINE.finditer(line):
        out.append(escape_text(line[pos : m.start()]))
        pos = m.end()
        if m.group("code"):
            out.append(m.group("code"))
        elif m.group("link"):
            url = m.group("url")
            if url.startswith(("https://", "http://")):
                out.append(f"[{inline(m.group('text'))}]({url})")
            else:
                out.append(inline(m.group("text")))
        elif m.group("auto"):
            out.append(m.group("auto"))
        else:
            url = m.group("bare")
            trail = re.search(r"[.,;:!?*]+$", url)
            tail = trail.group(0) if trail else ""
            url = url[: len(url) - len(tail)]
            out.append(f"<{url}>{escape_text(tail)}")
    rest = line[pos:]
    # A lone backtick left over would open a code span across lines.
    out.append(escape_text(rest).replace("`", "\\`"))
    return "".join(out)


def markdown(text: str) -> list[str]:
    """CDK/registry documentation -> Markdown lines that rustdoc and clippy accept."""
    lines: list[str] = []
    prev = "blank"
    for raw in text.replace("\r\n", "\n").replace("\t", " ").split("\n"):
        line = raw.strip()
        if not line:
            if prev != "blank":
                lines.append("")
            prev = "blank"
            continue
        if line.startswith(">"):
            kind = "quote"
            body = line[1:].strip()
            line = "> " + inline(body) if body else ">"
        elif LIST_ITEM.match(line):
            kind = "list"
            marker = LIST_ITEM.match(line).group(1)
            body = line[len(marker) :].strip()
            line = f"{marker} {inline(body)}" if body else f"{marker}"
        else:
            kind = "text"
            line = inline(line)
            if re.fullmatch(r"[-=_*#]+", line) or line.startswith("#"):
                line = "\\" + line  # not a heading or a rule
            elif re.match(r"^[0-9]+[.)]", line):
                line = line.replace(".", "\\.", 1).replace(")", "\\)", 1)
        # A list item or a quote followed by plain text (clippy: lazy continuation).
        if prev in ("list", "quote") and kind != prev and prev != "blank":
            lines.append("")
        lines.append(line)
        prev = kind
    while lines and not lines[-1]:
        lines.pop()
    return [line.rstrip() for line in lines]


def doc_block(paragraphs: list[list[str]], indent: str, marker: str = "///") -> list[str]:
    """Joins paragraphs (lists of Markdown lines) into doc-comment lines."""
    out: list[str] = []
    for para in paragraphs:
        if not para:
            continue
        if out:
            out.append(f"{indent}{marker}")
        out += [f"{indent}{marker} {line}" if line else f"{indent}{marker}" for line in para]
    return out


def list_item(label: str, text: str) -> list[str]:
    """A Markdown bullet whose continuation lines are indented under it."""
    body = markdown(text)
    if not body:
        return [f"- {label}"]
    if body[0].startswith(">") or LIST_ITEM.match(body[0]):
        first, rest = f"- {label}:", ["", *body]
    else:
        first, rest = f"- {label}: {body[0]}", body[1:]
    return [first, *(f"  {line}" if line else "" for line in rest)]


def summary_with(prefix: str, text: str) -> list[list[str]]:
    """`prefix: first paragraph` when the documentation starts with prose."""
    body = markdown(text)
    if not body or body[0].startswith((">", "-", "*", "+", "\\")) or LIST_ITEM.match(body[0]):
        return [[f"{prefix}."], body]
    end = body.index("") if "" in body else len(body)
    first = body[:end]
    first[0] = f"{prefix}: {first[0]}"
    return [first, body[end + 1 :]]


# --------------------------------------------------------------------------
# ecsnet-schema/src/attributes.rs (resource attribute tables)


class Expr:
    """A Rust expression laid out by `layout`: atoms, struct literals, calls, arrays."""

    def __init__(self, kind: str, head: str = "", items: list | None = None):
        self.kind = kind  # atom | struct | call | ref | array
        self.head = head  # atom text, struct/call path, or `&` for arrays
        self.items = items or []  # struct: [(field, Expr)], call/array: [Expr]

    def flat(self) -> str:
        if self.kind == "atom":
            return self.head
        if self.kind == "struct":
            return f"{self.head} {{ " + ", ".join(f"{k}: {v.flat()}" for k, v in self.items) + " }"
        if self.kind == "ref":
            return "&" + self.items[0].flat()
        if self.kind == "call":
            return f"{self.head}(" + ", ".join(v.flat() for v in self.items) + ")"
        return f"{self.head}[" + ", ".join(v.flat() for v in self.items) + "]"


def atom(text: str) -> Expr:
    return Expr("atom", text)


def layout(expr: Expr, indent: int, col: int) -> list[str]:
    """Lines of `expr`, the first starting at column `col`, the rest indented by `indent`."""
    flat = expr.flat()
    if col + len(flat) <= WIDTH - 2 or expr.kind == "atom" or (expr.kind == "array" and not expr.items):
        return [flat]
    pad = " " * (indent + 4)
    if expr.kind == "ref":
        inner = layout(expr.items[0], indent, col + 1)
        return ["&" + inner[0], *inner[1:]]
    if expr.kind == "call" and len(expr.items) == 1:
        head = f"{expr.head}("
        inner = layout(expr.items[0], indent, col + len(head))
        return [head + inner[0], *inner[1:-1], inner[-1] + ")"] if len(inner) > 1 else [head + inner[0] + ")"]
    if expr.kind == "struct":
        lines = [f"{expr.head} {{"]
        for key, value in expr.items:
            sub = layout(value, indent + 4, indent + 4 + len(key) + 2)
            lines.append(f"{pad}{key}: {sub[0]}")
            lines += sub[1:]
            lines[-1] += ","
        return [*lines, " " * indent + "}"]
    open_, close = (f"{expr.head}(", ")") if expr.kind == "call" else (f"{expr.head}[", "]")
    lines = [open_]
    for value in expr.items:
        sub = layout(value, indent + 4, indent + 4)
        lines.append(pad + sub[0])
        lines += sub[1:]
        lines[-1] += ","
    return [*lines, " " * indent + close]


def rust_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def shape_expr(shape: Shape) -> Expr:
    k = shape.kind
    if k == "string":
        return Expr("struct", "Shape::String", [("allowed", Expr("array", "&", [atom(rust_str(v)) for v in shape.allowed]))])
    if k == "integer":
        def opt(v: int | None) -> Expr:
            return atom("None") if v is None else atom(f"Some({rust_int(v)})")
        return Expr("struct", "Shape::Integer", [
            ("minimum", opt(shape.minimum)),
            ("maximum", opt(shape.maximum)),
            ("allowed", Expr("array", "&", [atom(rust_int(v)) for v in shape.allowed_ints])),
        ])
    simple = {"number": "Number", "boolean": "Boolean", "json": "Json", "timestamp": "Timestamp"}
    if k in simple:
        return atom(f"Shape::{simple[k]}")
    if k == "list":
        return Expr("call", "Shape::List", [Expr("ref", items=[shape_expr(shape.inner)])])
    if k == "map":
        return Expr("call", "Shape::Map", [Expr("ref", items=[shape_expr(shape.inner)])])
    if k == "struct":
        return atom(f"Shape::Struct(&{shape.struct.key})")
    if k == "union":
        return Expr("call", "Shape::Union", [Expr("array", "&", [shape_expr(m) for m in shape.members])])
    fail(f"unknown shape {k}")
    return atom("")


def rust_int(v: int) -> str:
    """Integer literal with `_` separators (clippy::unreadable_literal)."""
    sign, digits = ("-", str(-v)) if v < 0 else ("", str(v))
    if len(digits) > 5:
        groups = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = "_".join(groups)
    return sign + digits


def prop_expr(p: Prop) -> Expr:
    return Expr("struct", "Property", [
        ("name", atom(rust_str(p.name))),
        ("ident", atom(rust_str(p.ident))),
        ("shape", shape_expr(p.shape)),
        ("required", atom("true" if p.required else "false")),
        ("refers_to", Expr("array", "&", [
            Expr("struct", "Relation", [("type_name", atom(rust_str(t))), ("property", atom(rust_str(n)))])
            for t, n in p.refers_to
        ])),
    ])  # fmt: skip


def struct_expr(s: StructDef) -> Expr:
    return Expr("call", "Struct::from_static", [
        atom(rust_str(s.name)),
        atom(rust_str(s.core_path)),
        Expr("array", "&", [prop_expr(p) for p in s.props]),
    ])  # fmt: skip


def render_macro_table(gen: Generator) -> str:
    """The macro's own tables: which types `ecsnet::aws` documents, and the two
    policy attributes. Every resource type itself comes from `ecsnet-schema`."""
    out = [
        "//! The resource attributes' schemas, and which types `ecsnet::aws` documents:",
        "//! what the registry does not ship.",
        "//!",
        "//! @generated by `spec/generate.py` from the schemas vendored under `spec/`; do not edit.",
        "//! Regenerate with `python3 spec/generate.py`; CI runs `python3 spec/generate.py --check`.",
        "//!",
        "//! The resource types themselves are the artifact `data/resources.txt`.",
        "",
        *allow_attrs(["doc_markdown"]),
        "",
        "use crate::{Property, Shape, Struct};",
        "",
        "/// The resource types that have a documentation type in `ecsnet::aws`,",
        "/// sorted, with its path there.",
        "#[rustfmt::skip]",
        "pub static DOCUMENTED_TYPES: &[(&str, &str)] = &[",
    ]
    out += [f"    ({rust_str(r.name)}, {rust_str(r.core_path)})," for r in gen.resources]
    out += ["];"]
    for s in (gen.creation_policy, gen.update_policy):
        out += [
            "",
            f"/// The `{s.name}` resource attribute (<{s.docs_url}>).",
            "#[rustfmt::skip]",
        ]
        decl = f"pub static {s.key}: Struct = "
        lines = layout(struct_expr(s), 0, len(decl))
        lines[0] = decl + lines[0]
        lines[-1] += ";"
        out += lines
    rest = [*gen.creation_policy.nested, *gen.update_policy.nested]
    for s in sorted(rest, key=lambda s: s.key):
        out += ["", f"/// `{s.title}`.", "#[rustfmt::skip]"]
        decl = f"static {s.key}: Struct = "
        lines = layout(struct_expr(s), 0, len(decl))
        lines[0] = decl + lines[0]
        lines[-1] += ";"
        out += lines
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# ecsnet-core/src/aws (documentation types)


ALLOWS = {
    "doc_markdown": "the documentation is AWS's, with many CloudFormation names outside backticks",
    "struct_excessive_bools": "fields mirror CloudFormation properties one to one",
    "struct_field_names": "fields keep the CloudFormation property names",
    "upper_case_acronyms": "type names are verbatim CloudFormation names such as `VPC` and `EIP`",
}


def allow_attrs(lints: list[str]) -> list[str]:
    out = []
    for lint in lints:
        args = f'clippy::{lint}, reason = "{ALLOWS[lint]}"'
        if len(args) <= 70:  # rustfmt's attr_fn_like_width
            out.append(f"#![allow({args})]")
        else:
            out += ["#![allow(", f"    clippy::{lint},", f'    reason = "{ALLOWS[lint]}"', ")]"]
    return out


class CoreWriter:
    def __init__(self, gen: Generator):
        self.gen = gen
        self.boxed: set[tuple[str, str]] = self.recursive_fields()

    def recursive_fields(self) -> set[tuple[str, str]]:
        """Struct fields that contain their own struct without indirection (need `Box`)."""
        edges: dict[str, list[tuple[str, str]]] = {}
        structs = self.gen.all_structs()
        for s in structs:
            edges[s.key] = [(p.ident, p.shape.struct.key) for p in s.props if p.shape.kind == "struct"]
        boxed = set()
        for s in structs:
            for ident, target in edges[s.key]:
                # Does `target` reach `s` through direct (unboxed) fields?
                stack, seen = [target], set()
                while stack:
                    k = stack.pop()
                    if k == s.key:
                        boxed.add((s.key, ident))
                        break
                    if k in seen:
                        continue
                    seen.add(k)
                    stack += [t for _, t in edges.get(k, [])]
        return boxed

    def rust_type(self, shape: Shape, here: list[str], local: set[str]) -> str:
        """The field type for `shape`, written from module `here` (whose types are `local`)."""
        def std(name: str, path: str) -> str:
            return path if name in local else name

        k = shape.kind
        if k in ("string", "timestamp"):
            return std("String", "std::string::String")
        if k == "integer":
            return "i64"
        if k == "number":
            return "f64"
        if k == "boolean":
            return "bool"
        if k in ("json", "union"):
            return "crate::Value"
        if k == "list":
            return f"{std('Vec', 'std::vec::Vec')}<{self.rust_type(shape.inner, here, local)}>"
        if k == "map":
            key = std("String", "std::string::String")
            return f"std::collections::BTreeMap<{key}, {self.rust_type(shape.inner, here, local)}>"
        s = shape.struct
        if s.core_module == here:
            return s.name
        if s.core_module[: len(here)] == here:
            return "::".join([*s.core_module[len(here) :], s.name])
        return "::".join(["crate", "aws", *s.core_module, s.name])

    def field_lines(self, owner: StructDef | ResourceDef, key: str, p: Prop, here: list[str],
                    local: set[str], indent: str) -> list[str]:  # fmt: skip
        ty = self.rust_type(p.shape, here, local)
        if (key, p.ident) in self.boxed:
            ty = f"{'std::boxed::Box' if 'Box' in local else 'Box'}<{ty}>"
        if not p.required:
            ty = f"{'std::option::Option' if 'Option' in local else 'Option'}<{ty}>"
        paras: list[list[str]] = [[f"`{p.name}` ({'required' if p.required else 'optional'})."]]
        paras.append(markdown(p.doc))
        if p.source == "cdk":
            paras.append(["Known to the CDK service database only, not to the registry schema."])
        elif p.source == "registry":
            paras.append(["Known to the registry schema only, not to the CDK service database."])
        allowed = self.allowed_values(p.shape)
        if allowed:
            paras.append([allowed])
        bounds = self.bounds(p.shape)
        if bounds:
            paras.append([bounds])
        if p.refers_to:
            paras.append([
                "Refers to " + ", ".join(f"`{t}` (`{n}`)" for t, n in p.refers_to) + "."
            ])  # fmt: skip
        lines = doc_block(paras, indent)
        decl = f"{indent}pub {rust_ident(p.ident)}: {ty},"
        if len(decl) > WIDTH:  # rustfmt breaks after the colon
            return [*lines, f"{indent}pub {rust_ident(p.ident)}:", f"{indent}    {ty},"]
        return [*lines, decl]

    @staticmethod
    def allowed_values(shape: Shape) -> str:
        while shape.kind in ("list", "map"):
            shape = shape.inner
        if shape.kind != "string" or not shape.allowed:
            return ""
        values = shape.allowed
        listed = ", ".join(f"`{v}`" if "`" not in v else f"`` {v} ``" for v in values[:MAX_LISTED_VALUES])
        if len(values) > MAX_LISTED_VALUES:
            listed += f" and {len(values) - MAX_LISTED_VALUES} more"
        return f"Allowed values: {listed}."

    @staticmethod
    def bounds(shape: Shape) -> str:
        while shape.kind in ("list", "map"):
            shape = shape.inner
        if shape.kind == "integer" and shape.allowed_ints:
            return "Allowed values: " + ", ".join(f"`{v}`" for v in shape.allowed_ints) + "."
        if shape.kind != "integer" or (shape.minimum is None and shape.maximum is None):
            return ""
        if shape.minimum is not None and shape.maximum is not None:
            return f"Minimum `{shape.minimum}`, maximum `{shape.maximum}`."
        if shape.minimum is not None:
            return f"Minimum `{shape.minimum}`."
        return f"Maximum `{shape.maximum}`."

    def struct_item(self, s: StructDef | ResourceDef, key: str, title_doc: list[list[str]],
                    props: list[Prop], here: list[str], local: set[str], indent: str) -> list[str]:  # fmt: skip
        name = s.resource if isinstance(s, ResourceDef) else s.name
        out = doc_block(title_doc, indent)
        if not props:
            return [*out, f"{indent}pub struct {name} {{}}"]
        out.append(f"{indent}pub struct {name} {{")
        for i, p in enumerate(props):
            if i:
                out.append("")
            out += self.field_lines(s, key, p, here, local, indent + "    ")
        out.append(f"{indent}}}")
        return out

    def nested_doc(self, s: StructDef) -> list[list[str]]:
        return [*summary_with(f"`{s.title}`", s.doc), [f"See: <{s.docs_url}>"]]

    def resource_items(self, r: ResourceDef) -> list[str]:
        paras = summary_with(f"`{r.name}`", r.doc)
        paras.append([f"See: <{r.docs_url}>"])
        if r.ref_returns:
            paras.append([f"`Ref` returns `{r.ref_returns}`."])
        if r.attrs:
            paras.append(["# Attributes"])
            paras.append(["`Fn::GetAtt` attributes:"])
            items: list[str] = []
            for a in r.attrs:
                items += list_item(f"`{a.name}`", a.doc)
            paras.append(items)
        here = [r.module]
        local = {x.resource for x in self.gen.resources if x.module == r.module}
        out = self.struct_item(r, f"resource:{r.name}", paras, r.props, here, local, "")
        out += [
            "",
            f"impl crate::ResourceType for {r.resource} {{",
            f'    const TYPE_NAME: &\'static str = "{r.name}";',
            "}",
        ]
        if r.structs:
            out += [
                "",
                f"/// Property types of `{r.name}`.",
                f"pub mod {r.nested_module} {{",
            ]
            inner_here = [r.module, r.nested_module]
            inner_local = {s.name for s in r.structs}
            for i, s in enumerate(r.structs):
                if i:
                    out.append("")
                out += self.struct_item(s, s.key, self.nested_doc(s), s.props, inner_here, inner_local, "    ")
            out.append("}")
        return out

    def service_file(self, module: str, resources: list[ResourceDef]) -> str:
        service = resources[0].service
        lints = ["doc_markdown", "struct_excessive_bools", "struct_field_names"]
        names = [r.resource for r in resources] + [s.name for r in resources for s in r.structs]
        if any(re.fullmatch(r"[A-Z0-9]{2,}", n) for n in names):
            lints.append("upper_case_acronyms")
        out = [
            f"//! `AWS::{service}` resource types, for rustdoc and IDE hover.",
            "//!",
            "//! @generated by `spec/generate.py` from the schemas vendored under `spec/`; do not edit.",
            "",
            *allow_attrs(lints),
        ]
        for r in resources:
            out.append("")
            out += self.resource_items(r)
        return "\n".join(out) + "\n"

    def policy_file(self) -> str:
        out = [
            "//! The `CreationPolicy` and `UpdatePolicy` resource attributes, for rustdoc and IDE hover.",
            "//!",
            "//! @generated by `spec/generate.py` from `spec/attributes/creation_policy.json` and",
            "//! `spec/cfn-lint/update_policy.json`; do not edit.",
            "",
            *allow_attrs(["doc_markdown", "struct_excessive_bools", "struct_field_names"]),
        ]
        for s in (self.gen.creation_policy, self.gen.update_policy):
            here = [POLICY_MODULE]
            out.append("")
            paras = [*summary_with(f"The `{s.name}` resource attribute", s.doc), [f"See: <{s.docs_url}>"]]
            out += self.struct_item(s, s.key, paras, s.props, here, {"CreationPolicy", "UpdatePolicy"}, "")
            nested = s.nested
            if nested:
                module = snake(s.name)
                out += ["", f"/// Settings nested in the `{s.name}` attribute.", f"pub mod {module} {{"]
                inner_local = {n.name for n in nested}
                for i, n in enumerate(nested):
                    if i:
                        out.append("")
                    paras = [*summary_with(f"`{n.title}`", n.doc), [f"See: <{n.docs_url}>"]]
                    out += self.struct_item(n, n.key, paras, n.props, [POLICY_MODULE, module], inner_local, "    ")
                out.append("}")
        return "\n".join(out) + "\n"

    def mod_file(self, modules: list[str]) -> str:
        src = self.gen.sources
        out = [
            "//! Documentation types for the CloudFormation resource types ecsnet knows.",
            "//!",
            "//! One struct per resource type, with a field per property; nested property types live",
            "//! in a module named after their resource type. The types document the schemas for",
            "//! rustdoc and IDE hover; stacks are written with the `ecsnet` macros.",
            "//!",
            f"//! @generated by `spec/generate.py` from cfn-lint {src['cfn-lint']['version']} and",
            f"//! `{src['aws-service-spec']['package']}` {src['aws-service-spec']['version']}; do not edit.",
            "//!",
            "//! # Resource types",
            "//!",
        ]
        out += [f"//! - [`{r.name}`]({r.module}::{r.resource})" for r in self.gen.resources]
        out += ["", *allow_attrs(["doc_markdown"]), ""]
        out += [f"pub mod {m};" for m in modules]
        out.append("")
        out += self.struct_item(
            self.gen.tag, self.gen.tag.key, self.nested_doc(self.gen.tag), self.gen.tag.props, [], set(), ""
        )
        return "\n".join(out) + "\n"

    def files(self) -> dict[Path, str]:
        by_module: dict[str, list[ResourceDef]] = {}
        for r in self.gen.resources:
            by_module.setdefault(r.module, []).append(r)
        for module, rs in by_module.items():
            if len({r.service for r in rs}) > 1:
                fail(f"services {sorted({r.service for r in rs})} share the module `{module}`")
            names = [r.resource for r in rs]
            nested = [r.nested_module for r in rs]
            if len(set(names)) != len(names) or len(set(nested)) != len(nested):
                fail(f"module `{module}`: two resource types share a name")
        files = {CORE_DIR / f"{m}.rs": self.service_file(m, rs) for m, rs in sorted(by_module.items())}
        files[CORE_DIR / f"{POLICY_MODULE}.rs"] = self.policy_file()
        files[CORE_DIR / "mod.rs"] = self.mod_file(sorted([*by_module, POLICY_MODULE]))
        return files


# --------------------------------------------------------------------------
# Report


def render_report(gen: Generator) -> str:
    rep = gen.report
    c = gen.counts()
    out = ["# spec/generate.py merge report", ""]
    out += [f"- {k}: {v}" for k, v in c.items()]
    sections = [
        ("Properties only in the CDK database", rep.cdk_only),
        ("Properties only in the registry schema", rep.registry_only),
        ("CDK properties the registry marks read-only (kept)", rep.read_only_kept),
        ("Enumerations only in the registry schema", rep.enum_registry_only),
        ("Enumerations only in the CDK database", rep.enum_cdk_only),
        ("Enumerations that differ (registry used)", rep.enum_differs),
        ("`required` differs (registry used)", rep.required_differs),
        ("Constraints not representable / ignored", rep.ignored_constraints),
        ("Registry structure mismatches", rep.registry_mismatch),
        ("Attributes only in the CDK database", rep.attr_cdk_only),
        ("Attributes only in registry readOnlyProperties", rep.attr_registry_only),
        ("Identifiers that differ from the naive conversion", rep.idents),
        ("Relationships worth a look", rep.relations),
        ("`ref_returns` worth a look", rep.ref_returns),
    ]
    for title, items in sections:
        out += ["", f"## {title} ({len(items)})", ""]
        out += [f"- {item}" for item in sorted(set(items))]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------


def outputs(gen: Generator) -> dict[Path, str]:
    files = {MACRO_OUT: render_macro_table(gen)}
    files.update(CoreWriter(gen).files())
    return files


def stale_files(files: dict[Path, str]) -> list[Path]:
    core = ROOT / CORE_DIR
    if not core.is_dir():
        return []
    return sorted(p.relative_to(ROOT) for p in core.glob("*.rs") if p.relative_to(ROOT) not in files)


def main() -> int:
    parser = argparse.ArgumentParser(description="Generate ecsnet's Rust schema data from spec/.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="fail if the generated files are out of date")
    mode.add_argument("--report", action="store_true", help="print the merge report and write nothing")
    args = parser.parse_args()
    try:
        gen = Generator()
        files = outputs(gen)
    except GenerateError as e:
        print(f"generate.py: error: {e}", file=sys.stderr)
        return 2
    if args.report:
        sys.stdout.write(render_report(gen))
        return 0
    if args.check:
        stale = []
        for path, text in sorted(files.items()):
            target = ROOT / path
            if not target.is_file() or target.read_bytes() != text.encode("utf-8"):
                stale.append(str(path))
        stale += [f"{p} (no longer generated)" for p in stale_files(files)]
        if stale:
            print("generate.py: the generated files are out of date:", file=sys.stderr)
            for path in stale:
                print(f"  {path}", file=sys.stderr)
            print("run `python3 spec/generate.py` and commit the result", file=sys.stderr)
            return 1
        print(f"generate.py: {len(files)} generated files are up to date")
        return 0
    for path in stale_files(files):
        (ROOT / path).unlink()
    for path, text in sorted(files.items()):
        target = ROOT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != text.encode("utf-8"):
            target.write_bytes(text.encode("utf-8"))
    print(f"generate.py: wrote {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
