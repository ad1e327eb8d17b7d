"""The validation keywords of a registry schema that nothing else checks, as compact JSON.

`generate_data.py` writes what this module returns as the `V` and `D` lines of
a type's block (format: `spec/README.md`, "Constraints"). The shapes, the
top-level `required` lists and the enumerations of strings and integers are
carried elsewhere in the artifact; this module drops them so that nothing is
reported twice, and keeps every other keyword of JSON Schema draft 7 /
2019-09 that the evaluator (`ecsnet-schema/src/validate.rs`) understands.

Two contexts matter:

* a *shape position* is a property schema reached from the type's root
  through `properties`, `items` and `patternProperties`: the same places
  `generate.py` derives shapes from. There `type`, the object's `required`
  list, string and integer `enum`, integer bounds and `additionalProperties`
  are already checked by the shape, so they are dropped;
* a *condition* is anything inside `oneOf`, `anyOf`, `allOf`, `not`, `if`,
  `then`, `else`, `contains`, `propertyNames` or a schema-valued dependency.
  There every supported keyword is kept, `type` and `required` included:
  dropping one would make a branch match more than it does, and `oneOf`
  would then report two matching branches that are not.

A keyword the evaluator does not know is written as `"?": "<keyword>"` inside
conditions, which the evaluator treats as "cannot decide", never as a
violation; at shape positions it is simply dropped (it only narrows).
`$ref`s are resolved to per-type definitions numbered in order of first use
(`{"$ref": <k>}`, the k-th `D` line), so recursive definitions stay finite.
Long lists of strings in `enum` use the artifact's enumeration table
(`{"enum#": <n>}`).
"""

from __future__ import annotations

import json
from typing import Callable

# Keywords whose value is an annotation, or that cfn-lint or the registry use
# for something other than validating a value: never emitted.
ANNOTATIONS = {
    "description", "$comment", "title", "examples", "default", "$schema", "$id",
    "insertionOrder", "arrayType", "relationshipRef", "cfnLint", "awsType",
    "markdownDescription", "deprecated", "readOnly", "writeOnly", "tagging",
    "enumCaseInsensitive", "propertyTransform", "documentationUrl", "sourceUrl",
    "uniqueKeys", "maxUniqueItems", "patternError",
    # The registry's resource metadata (top level of a schema): not about values.
    "primaryIdentifier", "additionalIdentifiers", "readOnlyProperties", "createOnlyProperties",
    "writeOnlyProperties", "conditionalCreateOnlyProperties", "deprecatedProperties",
    "replacementStrategy", "taggable", "resourceLink", "lifecycle", "handlers", "typeName",
}  # fmt: skip

def required_either(schema: object) -> object:
    """cfn-lint's `requiredXor` ("only one of … is a required property", E3014)
    and `requiredOr` ("one of … is a required property", E3015), written in
    JSON Schema: a `oneOf`, or an `anyOf`, of `required` sets."""
    if not isinstance(schema, dict) or not ({"requiredXor", "requiredOr"} & set(schema)):
        return schema
    out = dict(schema)
    extra = []
    for key, combinator in (("requiredXor", "oneOf"), ("requiredOr", "anyOf")):
        names = out.pop(key, None)
        if isinstance(names, list) and names and all(isinstance(n, str) for n in names):
            extra.append({combinator: [{"required": [n]} for n in names]})
    if extra:
        out["allOf"] = [*out.get("allOf", []), *extra]
    return out


# Keywords whose value is one subschema.
ONE_SCHEMA = ("not", "if", "then", "else", "contains", "propertyNames", "items",
              "additionalProperties")  # fmt: skip
# Keywords whose value is a list of subschemas.
MANY_SCHEMAS = ("oneOf", "anyOf", "allOf")
# Keywords whose value is a map of subschemas.
SCHEMA_MAPS = ("properties", "patternProperties")
# Keywords copied as they are (after a shape check).
PLAIN = (
    "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "const",
    "enum", "required", "type", "minProperties", "maxProperties", "dependentRequired",
    "dependentExcluded",
)  # fmt: skip
CONDITIONS = {"not", "if", "then", "else", "contains", "propertyNames", "oneOf", "anyOf", "allOf"}

# `enum` lists of at least this many strings go to the shared enumeration table.
SHARED_ENUM_MIN = 6


def is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


class Emitter:
    """Turns one schema (and its local `$ref`s) into constraint subschemas.

    `enum_table(values) -> index` stores a long enumeration in the artifact's
    shared table. `unknown` collects `(where, keyword)` for the report.
    """

    def __init__(self, root: dict, enum_table: Callable[[list[str]], int], where: str) -> None:  # noqa: D107
        self.root = root
        self.enum_table = enum_table
        self.where = where
        self.defs: list[object] = []  # emitted definitions, by index
        self.def_ids: dict[tuple[str, str], int] = {}
        self.unknown: list[tuple[str, str, str]] = []  # (where, keyword, mode)
        self.read_only = set(root.get("readOnlyProperties", []))

    # -- public

    def type_constraints(self) -> tuple[dict | None, list[object]]:
        """The root constraint schema of the type, and its definitions."""
        root = {k: v for k, v in self.root.items() if k not in ("definitions", "typeName")}
        schema = self.emit(root, "shape", "")
        # Definitions that came out empty are dropped, and references to them
        # removed; repeat until nothing changes (a definition may only refer
        # to empty ones).
        defs = [simplify(d) for d in self.defs]
        schema = simplify(schema)
        while True:
            empty = {i for i, d in enumerate(defs) if d == {}}
            if not empty:
                break
            remap, kept = {}, []
            for i, d in enumerate(defs):
                if i not in empty:
                    remap[i] = len(kept)
                    kept.append(d)
            defs = [simplify(prune_refs(d, remap)) for d in kept]
            schema = simplify(prune_refs(schema, remap))
            if schema is None:
                schema = {}
        return (schema or None), defs

    # -- emitting

    def resolve_ref(self, ref: str) -> tuple[str, object]:
        if not ref.startswith("#/"):
            raise ValueError(f"{self.where}: non-local $ref {ref}")
        node: object = self.root
        for part in ref[2:].split("/"):
            if not isinstance(node, dict) or part not in node:
                raise ValueError(f"{self.where}: dangling $ref {ref}")
            node = node[part]
        return ref, node

    def ref(self, ref: str, mode: str) -> int:
        key = (ref, mode)
        if key not in self.def_ids:
            self.def_ids[key] = len(self.defs)
            self.defs.append({})  # placeholder: recursion finds the index
            name, node = self.resolve_ref(ref)
            self.defs[self.def_ids[key]] = self.emit(node, mode, name) or {}
        return self.def_ids[key]

    def emit(self, schema: object, mode: str, pointer: str) -> dict | bool | None:
        """The constraint part of `schema`; `None` if there is none.

        `mode` is where `schema` sits: `shape` (a shape position), `positive`
        (reached from one only through `allOf`, `then`, `else` and schema
        dependencies: a keyword dropped here only loosens) or `condition`
        (inside `if`, `not`, `oneOf`, `anyOf`, `contains`, `propertyNames`:
        a keyword dropped here could turn a "no" into a "yes").
        """
        shape = mode == "shape"
        schema = required_either(schema)
        if isinstance(schema, bool):
            return None if (shape or schema) else False
        if not isinstance(schema, dict):
            return None
        inner = "condition" if mode == "condition" else "positive"
        out: dict = {}
        for key in sorted(schema):
            value = schema[key]
            if key in ANNOTATIONS or key.startswith("x-"):
                continue
            if key == "format" and mode != "condition":
                continue  # a format only narrows; cfn-lint's formats are its own
            if key == "$ref":
                if isinstance(value, str):
                    out["$ref"] = self.ref(value, mode)
                continue
            if key == "definitions":
                continue
            if key in SCHEMA_MAPS:
                if not isinstance(value, dict):
                    continue
                emitted = {}
                for name in sorted(value):
                    if shape and key == "properties" and f"{pointer}/properties/{name}" in self.read_only:
                        continue
                    child_pointer = f"{pointer}/properties/{name}" if key == "properties" else f"{pointer}/*"
                    sub = self.emit(value[name], mode, child_pointer)
                    if sub is None and "additionalProperties" in schema and not shape:
                        sub = {}  # still a known key for `additionalProperties`
                    if sub is not None:
                        emitted[name] = sub
                if emitted:
                    out[key] = emitted
                continue
            if key in ONE_SCHEMA:
                if key in ("items", "additionalProperties"):
                    # A shape position continues into list items and map values;
                    # `additionalProperties: false` there is the unknown-property check.
                    if shape and key == "additionalProperties" and (
                        isinstance(value, bool) or "patternProperties" in schema or "properties" in schema
                    ):
                        continue
                    sub = self.emit(value, mode, f"{pointer}/*")
                elif key in ("then", "else"):
                    sub = self.emit(value, inner, pointer)
                else:
                    sub = self.emit(value, "condition", pointer)
                    if sub is None:
                        sub = {}
                if sub is not None:
                    out[key] = sub
                continue
            if key in MANY_SCHEMAS:
                if isinstance(value, list):
                    sub_mode = inner if key == "allOf" else "condition"
                    subs = [self.emit(v, sub_mode, pointer) for v in value]
                    subs = [{} if s is None else s for s in subs]
                    if key == "allOf":
                        subs = [s for s in subs if s != {}]
                    if subs:
                        out[key] = subs
                continue
            if key == "dependencies":
                if isinstance(value, dict):
                    deps = {}
                    for name in sorted(value):
                        dep = value[name]
                        if isinstance(dep, list):
                            deps[name] = dep
                        else:
                            sub = self.emit(dep, inner, pointer)
                            if sub is not None:
                                deps[name] = sub
                    if deps:
                        out[key] = deps
                continue
            if key in PLAIN:
                if shape and key in ("type", "required"):
                    continue
                if key == "required" and isinstance(value, list) and any(
                    f"{pointer}/properties/{name}" in self.read_only for name in value
                ):
                    # A read-only property is never in a template: the registry
                    # schema describes the model the handlers return here.
                    self.unknown.append((f"{self.where}{pointer}", "required (read-only property)", mode))
                    if mode == "condition":
                        out["?"] = "required"
                    continue
                if shape and key == "enum" and isinstance(value, list) and (
                    all(isinstance(v, str) for v in value) or all(is_int(v) for v in value)
                ):
                    continue
                if shape and key in ("minimum", "maximum") and is_int(value) and schema.get("type") == "integer":
                    continue
                if key == "enum" and isinstance(value, list) and len(value) >= SHARED_ENUM_MIN and all(
                    isinstance(v, str) for v in value
                ):
                    out["enum#"] = self.enum_table(value)
                    continue
                out[key] = value
                continue
            self.unknown.append((f"{self.where}{pointer}", key, mode))
            if mode == "condition":
                out["?"] = key
        if not out and mode != "condition":
            return None
        return out


def prune_refs(schema: object, remap: dict[int, int]) -> object:
    """Renumbers `$ref`s after definitions were dropped; drops refs to dropped ones."""
    if isinstance(schema, list):
        return [prune_refs(s, remap) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {}
    for k, v in schema.items():
        if k == "$ref" and isinstance(v, int):
            if v in remap:
                out[k] = remap[v]
            continue
        if k in ("enum", "const", "required", "dependentRequired", "dependentExcluded", "?", "enum#"):
            out[k] = v
            continue
        if k in SCHEMA_MAPS or k == "dependencies":
            sub = {n: prune_refs(s, remap) for n, s in v.items()}
            if k in SCHEMA_MAPS and "additionalProperties" not in schema:
                sub = {n: s for n, s in sub.items() if s != {}}
                if not sub:
                    continue
            out[k] = sub
            continue
        out[k] = prune_refs(v, remap)
    return out


# Keyword values that constrain nothing (JSON Schema validation vocabulary).
NO_OPS = {"uniqueItems": False, "minItems": 0, "minLength": 0, "minProperties": 0,
          "items": {}, "additionalProperties": {}, "allOf": [], "required": [],
          "properties": {}, "patternProperties": {}, "dependencies": {}}  # fmt: skip


def simplify(schema: object) -> object:
    """Drops keywords that constrain nothing, bottom-up, so empty subschemas vanish."""
    if not isinstance(schema, dict):
        return schema
    out = {}
    for k, v in schema.items():
        if k in SCHEMA_MAPS:
            v = {n: simplify(s) for n, s in v.items()}
            if "additionalProperties" not in schema:  # else the keys themselves matter
                v = {n: s for n, s in v.items() if s != {} and s is not True}
        elif k in ONE_SCHEMA or k == "dependencies":
            v = simplify(v) if k != "dependencies" else {n: simplify(s) for n, s in v.items()}
        elif k in MANY_SCHEMAS:
            v = [simplify(s) for s in v]
            if k == "allOf":
                v = [s for s in v if s != {}]
        if k == "additionalProperties" and v is True:
            continue
        if k in NO_OPS and v == NO_OPS[k] and not (k in SCHEMA_MAPS and "additionalProperties" in schema):
            continue
        out[k] = v
    return out


def dumps(value: object) -> str:
    """Compact JSON on one line (the artifact is line-based), keys sorted."""
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
