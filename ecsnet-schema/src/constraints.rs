//! The constraints of one resource type (`V`, `D`, `X` and `M` lines of its
//! block, `spec/README.md` "Constraints"), compiled from JSON into a tree the
//! evaluator walks. Decoded on the first [`crate::validate()`] of the type.

use std::fmt;
use std::sync::OnceLock;

use crate::json::Json;

/// A JSON-schema subschema: `true`/`false`, or an object of keywords.
#[derive(Debug)]
pub(crate) enum Schema {
    Bool(bool),
    Keywords(Box<Keywords>),
}

/// A compiled `pattern`: the source, compiled on first use (see `validate::regex`).
#[derive(Debug)]
pub(crate) struct Pattern(pub(crate) &'static str);

/// The keywords the evaluator knows (JSON Schema draft 7 and 2019-09
/// validation vocabulary), each `None`/empty when absent.
#[derive(Debug, Default)]
pub(crate) struct Keywords {
    /// `$ref`: a definition of this type, by index.
    pub(crate) reference: Option<usize>,
    /// `type`: the allowed JSON types.
    pub(crate) types: Vec<&'static str>,
    /// `enum`, or `enum#` (an enumeration of the artifact's table).
    pub(crate) allowed: Option<Vec<Json>>,
    pub(crate) constant: Option<Json>,
    pub(crate) pattern: Option<Pattern>,
    pub(crate) min_length: Option<f64>,
    pub(crate) max_length: Option<f64>,
    pub(crate) minimum: Option<f64>,
    pub(crate) maximum: Option<f64>,
    pub(crate) exclusive_minimum: Option<f64>,
    pub(crate) exclusive_maximum: Option<f64>,
    pub(crate) multiple_of: Option<f64>,
    pub(crate) min_items: Option<f64>,
    pub(crate) max_items: Option<f64>,
    pub(crate) unique_items: bool,
    pub(crate) items: Option<Schema>,
    pub(crate) contains: Option<Schema>,
    pub(crate) min_properties: Option<f64>,
    pub(crate) max_properties: Option<f64>,
    pub(crate) required: Vec<&'static str>,
    pub(crate) properties: Vec<(&'static str, Schema)>,
    pub(crate) pattern_properties: Vec<(Pattern, Schema)>,
    pub(crate) additional_properties: Option<Schema>,
    pub(crate) property_names: Option<Schema>,
    /// `dependencies` with a list, and `dependentRequired`.
    pub(crate) dependent_required: Vec<(&'static str, Vec<&'static str>)>,
    /// `dependentExcluded` (cfn-lint's keyword: these keys may not be set with it).
    pub(crate) dependent_excluded: Vec<(&'static str, Vec<&'static str>)>,
    /// `dependencies` with a schema (`dependentSchemas`).
    pub(crate) dependent_schemas: Vec<(&'static str, Schema)>,
    pub(crate) all_of: Vec<Schema>,
    pub(crate) any_of: Vec<Schema>,
    pub(crate) one_of: Vec<Schema>,
    pub(crate) not: Option<Schema>,
    pub(crate) if_: Option<Schema>,
    pub(crate) then: Option<Schema>,
    pub(crate) else_: Option<Schema>,
    /// `"?"`: a keyword the evaluator does not know; the subschema is undecided.
    pub(crate) unsupported: Option<&'static str>,
}

/// One cfn-lint extension schema (or Lambda runtime rule) of a type.
pub(crate) struct Extension {
    pub(crate) error: bool,
    pub(crate) rule: &'static str,
    pub(crate) source: &'static str,
    /// Where it applies below `Properties`; `*` is every item of a list.
    pub(crate) path: Vec<&'static str>,
    /// Keys whose string value is lowercased before validating.
    pub(crate) lowercase: Vec<&'static str>,
    /// `(key, value)`: the schema is an `if` that requires `key` to be
    /// `value`, with no `else`, so where `key` is another known string it
    /// holds without being read.
    pub(crate) guard: Option<(&'static str, &'static str)>,
    /// The schema's JSON, compiled on first use: one of RDS's is 280 KB.
    text: &'static str,
    schema: OnceLock<Result<Schema, String>>,
    pub(crate) message: Option<&'static str>,
}

impl Extension {
    /// The schema, compiled on first use.
    pub(crate) fn schema(&self) -> Result<&Schema, &str> {
        self.schema
            .get_or_init(|| {
                let catalog = crate::decode::catalog().map_err(|e| e.to_string())?;
                let enums = |n: usize| catalog.enumeration(n).map_err(|e| e.to_string());
                let schema = compile(&Json::parse(self.text)?, &enums, 0)?;
                // Extensions are written self-contained: a `$ref` would name
                // another schema's definitions.
                let mut reference = false;
                each_keywords(&schema, &mut |k| reference |= k.reference.is_some());
                if reference {
                    return Err(format!("a `$ref` in extension {}", self.source));
                }
                Ok(schema)
            })
            .as_ref()
            .map_err(String::as_str)
    }
}

impl fmt::Debug for Extension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Extension")
            .field("rule", &self.rule)
            .field("source", &self.source)
            .field("path", &self.path)
            .field("guard", &self.guard)
            .finish_non_exhaustive()
    }
}

/// Everything a type's block says beyond its shapes.
#[derive(Debug, Default)]
pub(crate) struct TypeConstraints {
    pub(crate) root: Option<Schema>,
    pub(crate) definitions: Vec<Schema>,
    pub(crate) extensions: Vec<Extension>,
}

/// Looks up an enumeration of the artifact's table.
pub(crate) type Enumerations<'a> = &'a dyn Fn(usize) -> Result<&'static [&'static str], String>;

/// Decodes the constraint lines of a block (other lines are skipped).
pub(crate) fn decode(
    block: &'static str,
    enums: Enumerations<'_>,
) -> Result<TypeConstraints, String> {
    let mut out = TypeConstraints::default();
    for line in block.lines() {
        let (tag, rest) = line.split_at_checked(2).unwrap_or((line, ""));
        match tag {
            "V " => out.root = Some(compile(&Json::parse(rest)?, enums, 0)?),
            "D " => out
                .definitions
                .push(compile(&Json::parse(rest)?, enums, 0)?),
            "X " => out.extensions.push(extension(rest)?),
            "M " => match out.extensions.last_mut() {
                Some(e) => e.message = Some(rest),
                None => return Err("an `M` line before any `X` line".into()),
            },
            _ => {}
        }
    }
    let count = out.definitions.len();
    let mut bad = None;
    for_each_reference(&out, &mut |r| {
        if r >= count {
            bad = Some(r);
        }
    });
    if let Some(r) = bad {
        return Err(format!("`$ref` to definition #{r}, but there are {count}"));
    }
    Ok(out)
}

/// `X <E|W> <rule> <source> <path|.> <lowercased|-> <guard|-> <schema>`; the
/// schema is compiled when first used ([`Extension::schema`]).
fn extension(line: &'static str) -> Result<Extension, String> {
    let mut fields = line.splitn(7, ' ');
    let (Some(level), Some(rule), Some(source), Some(path), Some(lower), Some(guard), Some(text)) = (
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
    ) else {
        return Err(format!("bad `X` line {line:?}"));
    };
    let error = match level {
        "E" => true,
        "W" => false,
        _ => return Err(format!("bad level {level:?}")),
    };
    let guard = match guard {
        "-" => None,
        _ => Some(
            guard
                .split_once('=')
                .ok_or_else(|| format!("bad guard {guard:?}"))?,
        ),
    };
    Ok(Extension {
        error,
        rule,
        source,
        path: if path == "." {
            Vec::new()
        } else {
            path.split('/').collect()
        },
        lowercase: if lower == "-" {
            Vec::new()
        } else {
            lower.split(',').collect()
        },
        guard,
        text,
        schema: OnceLock::new(),
        message: None,
    })
}

const MAX_DEPTH: usize = 100;

fn number(v: &Json, key: &str) -> Result<f64, String> {
    match v {
        Json::Number(n) => Ok(*n),
        _ => Err(format!("`{key}` is not a number")),
    }
}

fn strings(v: &Json, key: &str) -> Result<Vec<&'static str>, String> {
    match v {
        Json::Array(items) => items
            .iter()
            .map(|i| match i {
                Json::String(s) => Ok(*s),
                _ => Err(format!("`{key}` holds a non-string")),
            })
            .collect(),
        Json::String(s) => Ok(vec![*s]),
        _ => Err(format!("`{key}` is not a list of strings")),
    }
}

fn members<'a>(v: &'a Json, key: &str) -> Result<&'a [(&'static str, Json)], String> {
    match v {
        Json::Object(m) => Ok(m),
        _ => Err(format!("`{key}` is not an object")),
    }
}

/// Compiles one subschema.
#[expect(
    clippy::too_many_lines,
    reason = "one match arm per keyword reads best as one list"
)]
pub(crate) fn compile(v: &Json, enums: Enumerations<'_>, depth: usize) -> Result<Schema, String> {
    if depth > MAX_DEPTH {
        return Err("schema nested too deeply".into());
    }
    let keywords = match v {
        Json::Bool(b) => return Ok(Schema::Bool(*b)),
        Json::Object(m) => m,
        _ => return Err("a subschema is neither an object nor a boolean".into()),
    };
    let sub = |v: &Json| compile(v, enums, depth + 1);
    let mut k = Keywords::default();
    for (key, value) in keywords {
        let key = *key;
        match key {
            "$ref" => {
                let n = number(value, key)?;
                if !(0.0..1e9).contains(&n) || n.fract() != 0.0 {
                    return Err("bad `$ref`".into());
                }
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "checked above"
                )]
                let index = n as usize;
                k.reference = Some(index);
            }
            "type" => k.types = strings(value, key)?,
            "enum" => match value {
                Json::Array(items) => k.allowed = Some(items.clone()),
                _ => return Err("`enum` is not a list".into()),
            },
            "enum#" => {
                let n = number(value, key)?;
                if !(0.0..1e9).contains(&n) || n.fract() != 0.0 {
                    return Err("bad `enum#`".into());
                }
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "checked above"
                )]
                let values = enums(n as usize)?;
                k.allowed = Some(values.iter().map(|s| Json::String(s)).collect());
            }
            "const" => k.constant = Some(value.clone()),
            "pattern" => match value {
                Json::String(s) => k.pattern = Some(Pattern(s)),
                _ => return Err("`pattern` is not a string".into()),
            },
            "minLength" => k.min_length = Some(number(value, key)?),
            "maxLength" => k.max_length = Some(number(value, key)?),
            "minimum" => k.minimum = Some(number(value, key)?),
            "maximum" => k.maximum = Some(number(value, key)?),
            "exclusiveMinimum" => k.exclusive_minimum = Some(number(value, key)?),
            "exclusiveMaximum" => k.exclusive_maximum = Some(number(value, key)?),
            "multipleOf" => k.multiple_of = Some(number(value, key)?),
            "minItems" => k.min_items = Some(number(value, key)?),
            "maxItems" => k.max_items = Some(number(value, key)?),
            "minProperties" => k.min_properties = Some(number(value, key)?),
            "maxProperties" => k.max_properties = Some(number(value, key)?),
            "uniqueItems" => k.unique_items = matches!(value, Json::Bool(true)),
            "items" => k.items = Some(sub(value)?),
            "contains" => k.contains = Some(sub(value)?),
            "required" => k.required = strings(value, key)?,
            "properties" => {
                for (name, s) in members(value, key)? {
                    k.properties.push((*name, sub(s)?));
                }
            }
            "patternProperties" => {
                for (pattern, s) in members(value, key)? {
                    k.pattern_properties.push((Pattern(pattern), sub(s)?));
                }
            }
            "additionalProperties" => k.additional_properties = Some(sub(value)?),
            "propertyNames" => k.property_names = Some(sub(value)?),
            "dependentRequired" => {
                for (name, keys) in members(value, key)? {
                    k.dependent_required.push((*name, strings(keys, key)?));
                }
            }
            "dependentExcluded" => {
                for (name, keys) in members(value, key)? {
                    k.dependent_excluded.push((*name, strings(keys, key)?));
                }
            }
            "dependencies" => {
                for (name, dep) in members(value, key)? {
                    let name = *name;
                    match dep {
                        Json::Array(_) => k.dependent_required.push((name, strings(dep, key)?)),
                        _ => k.dependent_schemas.push((name, sub(dep)?)),
                    }
                }
            }
            "allOf" | "anyOf" | "oneOf" => {
                let Json::Array(items) = value else {
                    return Err(format!("`{key}` is not a list"));
                };
                let list = items.iter().map(sub).collect::<Result<Vec<_>, _>>()?;
                match key {
                    "allOf" => k.all_of = list,
                    "anyOf" => k.any_of = list,
                    _ => k.one_of = list,
                }
            }
            "not" => k.not = Some(sub(value)?),
            "if" => k.if_ = Some(sub(value)?),
            "then" => k.then = Some(sub(value)?),
            "else" => k.else_ = Some(sub(value)?),
            "?" => {
                k.unsupported = Some(match value {
                    Json::String(s) => *s,
                    _ => "?",
                });
            }
            // A keyword this decoder does not know: undecided, like `?`.
            other => k.unsupported = Some(other),
        }
    }
    Ok(Schema::Keywords(Box::new(k)))
}

/// Calls `f` with every keyword set inside `schema`, `schema`'s own first.
pub(crate) fn each_keywords(schema: &Schema, f: &mut dyn FnMut(&Keywords)) {
    let Schema::Keywords(k) = schema else { return };
    f(k);
    let singles = [
        &k.items,
        &k.contains,
        &k.additional_properties,
        &k.property_names,
        &k.not,
        &k.if_,
        &k.then,
        &k.else_,
    ];
    for s in singles.into_iter().flatten() {
        each_keywords(s, f);
    }
    for s in k.all_of.iter().chain(&k.any_of).chain(&k.one_of) {
        each_keywords(s, f);
    }
    for (_, s) in k.properties.iter().chain(&k.dependent_schemas) {
        each_keywords(s, f);
    }
    for (_, s) in &k.pattern_properties {
        each_keywords(s, f);
    }
}

/// Calls `f` with every `$ref` index of the type's registry schemas.
fn for_each_reference(t: &TypeConstraints, f: &mut dyn FnMut(usize)) {
    for s in t.root.iter().chain(&t.definitions) {
        each_keywords(s, &mut |k| {
            if let Some(r) = k.reference {
                f(r);
            }
        });
    }
}

/// Every `pattern` and `patternProperties` key of a type's constraints,
/// extensions included (compiling them).
pub(crate) fn patterns(t: &TypeConstraints) -> Vec<&'static str> {
    let mut out = Vec::new();
    let extensions = t.extensions.iter().filter_map(|e| e.schema().ok());
    for s in t.root.iter().chain(&t.definitions).chain(extensions) {
        each_keywords(s, &mut |k| {
            out.extend(k.pattern.as_ref().map(|p| p.0));
            out.extend(k.pattern_properties.iter().map(|(p, _)| p.0));
        });
    }
    out
}
