//! A lenient JSON-schema evaluator with three-valued logic.
//!
//! Every keyword answers *yes*, *no* or *undecided*. A value known only at
//! deployment ([`Instance::Unknown`]) makes every keyword that looks at it
//! undecided; `not`, `anyOf`, `oneOf` and `if` report only what is decided
//! (JSON Schema Validation, draft 2020-12, sections 10.2.1 and 10.2.2, read
//! with "undecided" propagated). A "no" carries the findings that explain it;
//! `type` says "no" without a finding, since the value shapes are checked,
//! and reported, elsewhere. When in doubt the answer is "undecided", which
//! reports nothing: a stack that would deploy must never fail to compile.

use crate::ResourceType;
use crate::constraints::{Keywords, Schema};
use crate::json::Json;
use crate::naming::{self, and_list};
use crate::patterns;
use crate::validate::{Instance, PathItem};

/// Three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Truth {
    Yes,
    No,
    Undecided,
}

impl Truth {
    fn of(b: bool) -> Truth {
        if b { Truth::Yes } else { Truth::No }
    }

    /// Conjunction: "no" wins, then "undecided".
    fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::No, _) | (_, Truth::No) => Truth::No,
            (Truth::Undecided, _) | (_, Truth::Undecided) => Truth::Undecided,
            _ => Truth::Yes,
        }
    }
}

/// One definite violation, before it gets its level and source.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub(crate) path: Vec<PathItem>,
    pub(crate) keyword: &'static str,
    pub(crate) message: String,
}

/// The answer for one (sub)schema: the truth and, if "no", why.
pub(crate) struct Outcome {
    pub(crate) truth: Truth,
    pub(crate) findings: Vec<Finding>,
}

impl Outcome {
    fn yes() -> Outcome {
        Outcome {
            truth: Truth::Yes,
            findings: Vec::new(),
        }
    }

    fn undecided() -> Outcome {
        Outcome {
            truth: Truth::Undecided,
            findings: Vec::new(),
        }
    }

    fn absorb(&mut self, other: Outcome) {
        self.truth = self.truth.and(other.truth);
        if other.truth == Truth::No {
            self.findings.extend(other.findings);
        }
    }

    fn verdict(&mut self, truth: Truth, finding: impl FnOnce() -> Finding) {
        if truth == Truth::No {
            self.findings.push(finding());
        }
        self.truth = self.truth.and(truth);
    }
}

/// Beyond this nesting (of schemas or values) everything is undecided.
const MAX_DEPTH: usize = 48;

/// Enumerations longer than this are summarised in messages.
const LISTED_VALUES: usize = 8;

pub(crate) struct Evaluator<'a> {
    pub(crate) definitions: &'a [Schema],
    pub(crate) model: Option<&'static ResourceType>,
    /// How many `if` conditions are being decided: there only the truth
    /// counts, so evaluation stops at the first "no". An RDS extension has
    /// hundreds of conditions `Engine` is `…` and `EngineVersion` matches
    /// `…`; stopping at the engine spares compiling every version pattern.
    pub(crate) deciding: std::cell::Cell<u32>,
}

impl Evaluator<'_> {
    /// Whether only the truth of the current evaluation counts, and it is "no".
    fn decided_no(&self, out: &Outcome) -> bool {
        self.deciding.get() > 0 && out.truth == Truth::No
    }

    fn subject(&self, path: &[PathItem]) -> String {
        naming::subject(self.model, path)
    }

    fn key(&self, path: &[PathItem], key: &str) -> String {
        naming::key(self.model, path, key)
    }

    #[expect(
        clippy::unused_self,
        reason = "read as a sentence: self.finding(path, keyword, message)"
    )]
    fn finding(&self, path: &[PathItem], keyword: &'static str, message: String) -> Finding {
        Finding {
            path: path.to_vec(),
            keyword,
            message,
        }
    }

    /// Evaluates `schema` against `value` at `path`.
    pub(crate) fn eval(
        &self,
        schema: &Schema,
        value: &Instance,
        path: &mut Vec<PathItem>,
        depth: usize,
    ) -> Outcome {
        match schema {
            Schema::Bool(true) => Outcome::yes(),
            Schema::Bool(false) => {
                let message = match path.last() {
                    Some(PathItem::Key(_)) => format!("{} is not allowed here", self.subject(path)),
                    None => "these properties cannot be used together".to_string(),
                    _ => format!("{} is not allowed", self.subject(path)),
                };
                Outcome {
                    truth: Truth::No,
                    findings: vec![self.finding(path, "false", message)],
                }
            }
            Schema::Keywords(_) if depth > MAX_DEPTH => Outcome::undecided(),
            Schema::Keywords(k) => self.keywords(k, value, path, depth),
        }
    }

    fn keywords(
        &self,
        k: &Keywords,
        value: &Instance,
        path: &mut Vec<PathItem>,
        depth: usize,
    ) -> Outcome {
        let mut out = Outcome::yes();
        if k.unsupported.is_some() {
            out.truth = Truth::Undecided;
        }
        if let Some(r) = k.reference {
            match self.definitions.get(r) {
                Some(def) => out.absorb(self.eval(def, value, path, depth + 1)),
                None => out.truth = out.truth.and(Truth::Undecided),
            }
        }
        if !k.types.is_empty() {
            // Shapes are the macro's to report: "no" here only decides conditions.
            let truth = k
                .types
                .iter()
                .map(|t| type_matches(t, value))
                .fold(Truth::No, or);
            out.truth = out.truth.and(truth);
        }
        if self.decided_no(&out) {
            return out;
        }
        self.values(k, value, path, &mut out);
        if self.decided_no(&out) {
            return out;
        }
        self.strings(k, value, path, &mut out);
        self.numbers(k, value, path, &mut out);
        self.arrays(k, value, path, depth, &mut out);
        if self.decided_no(&out) {
            return out;
        }
        self.objects(k, value, path, depth, &mut out);
        if self.decided_no(&out) {
            return out;
        }
        self.combinators(k, value, path, depth, &mut out);
        out
    }

    /// `enum` and `const`.
    fn values(&self, k: &Keywords, value: &Instance, path: &[PathItem], out: &mut Outcome) {
        if let Some(allowed) = &k.allowed {
            let truth = allowed
                .iter()
                .map(|a| equal(a, value, 0))
                .fold(Truth::No, or);
            out.verdict(truth, || {
                let shown: Vec<String> =
                    allowed.iter().take(LISTED_VALUES).map(json_text).collect();
                let message = match (allowed.len(), naming::value(value)) {
                    (1, _) => format!("{} must be {}", self.subject(path), shown[0]),
                    (n, Some(v)) if n > LISTED_VALUES => format!(
                        "{} `{v}` is not one of the {n} allowed values ({}, ...)",
                        self.subject(path),
                        shown[..3].join(", ")
                    ),
                    _ => format!("{} must be one of {}", self.subject(path), or_list(&shown)),
                };
                self.finding(path, "enum", message)
            });
        }
        if let Some(constant) = &k.constant {
            out.verdict(equal(constant, value, 0), || {
                self.finding(
                    path,
                    "const",
                    format!("{} must be {}", self.subject(path), json_text(constant)),
                )
            });
        }
    }

    /// `pattern`, `minLength`, `maxLength`: strings only (JSON Schema ignores others).
    fn strings(&self, k: &Keywords, value: &Instance, path: &[PathItem], out: &mut Outcome) {
        if k.pattern.is_none() && k.min_length.is_none() && k.max_length.is_none() {
            return;
        }
        let text = match value {
            Instance::String(s) => s,
            Instance::Unknown => {
                out.truth = out.truth.and(Truth::Undecided);
                return;
            }
            _ => return,
        };
        if let Some(p) = &k.pattern {
            let truth = patterns::matches(p.0, text).map_or(Truth::Undecided, Truth::of);
            out.verdict(truth, || {
                self.finding(
                    path,
                    "pattern",
                    format!("{} must match the pattern `{}`", self.subject(path), p.0),
                )
            });
        }
        // JSON Schema counts characters (code points), not bytes.
        #[expect(clippy::cast_precision_loss, reason = "lengths far below 2^52")]
        let length = text.chars().count() as f64;
        if let Some(min) = k.min_length {
            out.verdict(Truth::of(length >= min), || {
                let message = if min <= 1.0 {
                    format!("{} must not be empty", self.subject(path))
                } else {
                    format!(
                        "{} must be at least {} characters long",
                        self.subject(path),
                        naming::number(min)
                    )
                };
                self.finding(path, "minLength", message)
            });
        }
        if let Some(max) = k.max_length {
            out.verdict(Truth::of(length <= max), || {
                let message = format!(
                    "{} must be at most {} characters long (it has {})",
                    self.subject(path),
                    naming::number(max),
                    naming::number(length)
                );
                self.finding(path, "maxLength", message)
            });
        }
    }

    /// `minimum`, `maximum`, their exclusive forms and `multipleOf`, on numbers
    /// and on strings that are numbers (CloudFormation converts those).
    fn numbers(&self, k: &Keywords, value: &Instance, path: &[PathItem], out: &mut Outcome) {
        let bounds = [
            (k.minimum, "minimum", "at least"),
            (k.maximum, "maximum", "at most"),
            (k.exclusive_minimum, "exclusiveMinimum", "greater than"),
            (k.exclusive_maximum, "exclusiveMaximum", "less than"),
        ];
        if bounds.iter().all(|b| b.0.is_none()) && k.multiple_of.is_none() {
            return;
        }
        let n = match value {
            Instance::Number(n) => *n,
            Instance::String(s) => match s.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => n,
                _ => return,
            },
            Instance::Unknown => {
                out.truth = out.truth.and(Truth::Undecided);
                return;
            }
            _ => return,
        };
        if !n.is_finite() {
            out.truth = out.truth.and(Truth::Undecided);
            return;
        }
        for (limit, keyword, words) in bounds {
            let Some(limit) = limit else { continue };
            let ok = match keyword {
                "minimum" => n >= limit,
                "maximum" => n <= limit,
                "exclusiveMinimum" => n > limit,
                _ => n < limit,
            };
            out.verdict(Truth::of(ok), || {
                self.finding(
                    path,
                    keyword,
                    format!(
                        "{} must be {words} {}",
                        self.subject(path),
                        naming::number(limit)
                    ),
                )
            });
        }
        if let Some(m) = k.multiple_of {
            let truth = multiple_of(n, m);
            out.verdict(truth, || {
                self.finding(
                    path,
                    "multipleOf",
                    format!(
                        "{} must be a multiple of {}",
                        self.subject(path),
                        naming::number(m)
                    ),
                )
            });
        }
    }

    /// `minItems`, `maxItems`, `uniqueItems`, `items`, `contains`.
    fn arrays(
        &self,
        k: &Keywords,
        value: &Instance,
        path: &mut Vec<PathItem>,
        depth: usize,
        out: &mut Outcome,
    ) {
        let items = match value {
            Instance::Array(items) => items,
            Instance::Unknown => {
                if k.min_items.is_some()
                    || k.max_items.is_some()
                    || k.unique_items
                    || k.items.is_some()
                    || k.contains.is_some()
                {
                    out.truth = out.truth.and(Truth::Undecided);
                }
                return;
            }
            _ => return,
        };
        #[expect(clippy::cast_precision_loss, reason = "lengths far below 2^52")]
        let count = items.len() as f64;
        if let Some(min) = k.min_items {
            out.verdict(Truth::of(count >= min), || {
                let message = if min <= 1.0 {
                    format!("{} must not be empty", self.subject(path))
                } else {
                    format!(
                        "{} must have at least {} items",
                        self.subject(path),
                        naming::number(min)
                    )
                };
                self.finding(path, "minItems", message)
            });
        }
        if let Some(max) = k.max_items {
            out.verdict(Truth::of(count <= max), || {
                self.finding(
                    path,
                    "maxItems",
                    format!(
                        "{} must have at most {} items (it has {})",
                        self.subject(path),
                        naming::number(max),
                        items.len()
                    ),
                )
            });
        }
        if k.unique_items {
            self.unique_items(items, path, out);
        }
        if let Some(schema) = &k.items {
            for (i, item) in items.iter().enumerate() {
                path.push(PathItem::Index(i));
                out.absorb(self.eval(schema, item, path, depth + 1));
                path.pop();
            }
        }
        if let Some(schema) = &k.contains {
            let mut truth = Truth::No;
            for (i, item) in items.iter().enumerate() {
                path.push(PathItem::Index(i));
                truth = or(truth, self.eval(schema, item, path, depth + 1).truth);
                path.pop();
            }
            out.verdict(truth, || {
                let what = match required_set(schema) {
                    Some(keys) if !keys.is_empty() => {
                        let mut item_path = path.clone();
                        item_path.push(PathItem::Index(0));
                        let names: Vec<String> =
                            keys.iter().map(|k| self.key(&item_path, k)).collect();
                        format!(" that sets {}", and_list(&names))
                    }
                    _ => " that satisfies its rule".to_string(),
                };
                self.finding(
                    path,
                    "contains",
                    format!(
                        "{} must contain at least one item{what}",
                        self.subject(path)
                    ),
                )
            });
        }
    }

    /// `uniqueItems`: only items known in full are compared.
    fn unique_items(&self, items: &[Instance], path: &mut Vec<PathItem>, out: &mut Outcome) {
        let mut truth = Truth::Yes;
        'outer: for (j, b) in items.iter().enumerate() {
            for (i, a) in items[..j].iter().enumerate() {
                match same(a, b, 0) {
                    Truth::Yes => {
                        path.push(PathItem::Index(j));
                        let message = format!(
                            "{} repeats item {i}; the items must be unique",
                            self.subject(path)
                        );
                        out.findings
                            .push(self.finding(path, "uniqueItems", message));
                        path.pop();
                        truth = Truth::No;
                        break 'outer;
                    }
                    Truth::Undecided => truth = truth.and(Truth::Undecided),
                    Truth::No => {}
                }
            }
        }
        out.truth = out.truth.and(truth);
    }

    /// The object keywords; keys are always known, values may not be.
    fn objects(
        &self,
        k: &Keywords,
        value: &Instance,
        path: &mut Vec<PathItem>,
        depth: usize,
        out: &mut Outcome,
    ) {
        let members = match value {
            Instance::Object(members) => members,
            Instance::Unknown => {
                if has_object_keywords(k) {
                    out.truth = out.truth.and(Truth::Undecided);
                }
                return;
            }
            _ => return,
        };
        let has = |key: &str| members.iter().any(|(k, _)| k == key);
        if !k.required.is_empty() {
            let missing: Vec<String> = k
                .required
                .iter()
                .filter(|r| !has(r))
                .map(|r| self.key(path, r))
                .collect();
            out.verdict(Truth::of(missing.is_empty()), || {
                let verb = if missing.len() == 1 { "is" } else { "are" };
                let message = if path.is_empty() {
                    format!("{} {verb} required", and_list(&missing))
                } else {
                    format!(
                        "{} {verb} required in {}",
                        and_list(&missing),
                        self.subject(path)
                    )
                };
                self.finding(path, "required", message)
            });
        }
        #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
        let count = members.len() as f64;
        if let Some(min) = k.min_properties {
            out.verdict(Truth::of(count >= min), || {
                self.finding(
                    path,
                    "minProperties",
                    format!(
                        "{} must have at least {} entries",
                        self.subject(path),
                        naming::number(min)
                    ),
                )
            });
        }
        if let Some(max) = k.max_properties {
            out.verdict(Truth::of(count <= max), || {
                self.finding(
                    path,
                    "maxProperties",
                    format!(
                        "{} must have at most {} entries",
                        self.subject(path),
                        naming::number(max)
                    ),
                )
            });
        }
        self.dependencies(k, value, members, path, depth, out);
        self.members(k, members, path, depth, out);
    }

    /// `dependentRequired`, `dependentExcluded` and schema `dependencies`
    /// (JSON Schema 2019-09, section 6.5.4 and 9.2.2.4; `dependentExcluded` is cfn-lint's).
    fn dependencies(
        &self,
        k: &Keywords,
        value: &Instance,
        members: &[(String, Instance)],
        path: &mut Vec<PathItem>,
        depth: usize,
        out: &mut Outcome,
    ) {
        let has = |key: &str| members.iter().any(|(k, _)| k == key);
        for (name, needs) in &k.dependent_required {
            if !has(name) {
                continue;
            }
            let missing: Vec<String> = needs
                .iter()
                .filter(|n| !has(n))
                .map(|n| self.key(path, n))
                .collect();
            path.push(PathItem::Key((*name).to_string()));
            out.verdict(Truth::of(missing.is_empty()), || {
                self.finding(
                    path,
                    "dependentRequired",
                    format!("{} requires {}", self.subject(path), and_list(&missing)),
                )
            });
            path.pop();
        }
        // Exclusions are usually written both ways (`a` excludes `b`, `b`
        // excludes `a`); a pair present together is reported once.
        let mut reported: Vec<(&str, &str)> = Vec::new();
        for (name, excluded) in &k.dependent_excluded {
            if !has(name) {
                continue;
            }
            for other in excluded.iter().filter(|o| has(o)) {
                if reported.contains(&(*other, *name)) {
                    continue;
                }
                reported.push((*name, *other));
                path.push(PathItem::Key((*other).to_string()));
                let message = format!(
                    "{} cannot be used with {}",
                    self.subject(path),
                    self.key(&path[..path.len() - 1], name)
                );
                out.verdict(Truth::No, || {
                    self.finding(path, "dependentExcluded", message)
                });
                path.pop();
            }
        }
        for (name, schema) in &k.dependent_schemas {
            if has(name) {
                out.absorb(self.eval(schema, value, path, depth + 1));
            }
        }
    }

    /// `properties`, `patternProperties`, `additionalProperties`, `propertyNames`.
    fn members(
        &self,
        k: &Keywords,
        members: &[(String, Instance)],
        path: &mut Vec<PathItem>,
        depth: usize,
        out: &mut Outcome,
    ) {
        for (key, member) in members {
            let mut matched = false;
            let mut undecided_match = false;
            path.push(PathItem::Key(key.clone()));
            if let Some((_, schema)) = k.properties.iter().find(|(name, _)| name == key) {
                matched = true;
                out.absorb(self.eval(schema, member, path, depth + 1));
            }
            for (pattern, schema) in &k.pattern_properties {
                match patterns::matches(pattern.0, key) {
                    Some(true) => {
                        matched = true;
                        out.absorb(self.eval(schema, member, path, depth + 1));
                    }
                    Some(false) => {}
                    None => undecided_match = true,
                }
            }
            if let (Some(schema), false) = (&k.additional_properties, matched) {
                if undecided_match {
                    out.truth = out.truth.and(Truth::Undecided);
                } else {
                    out.absorb(self.eval(schema, member, path, depth + 1));
                }
            }
            if self.decided_no(out) {
                path.pop();
                return;
            }
            if let Some(schema) = &k.property_names {
                // The value checked is the key itself, which the path names.
                let mut names = self.eval(schema, &Instance::String(key.clone()), path, depth + 1);
                let reserved = format!("must not be `{key}`");
                for f in &mut names.findings {
                    f.keyword = "propertyNames";
                    // "key `X` of `y` must not be `X`" says it twice.
                    if f.message.ends_with(&reserved) {
                        f.message = format!(
                            "{} must not have the key `{key}`",
                            self.subject(&path[..path.len() - 1])
                        );
                    }
                }
                out.absorb(names);
            }
            path.pop();
        }
    }

    /// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`.
    ///
    /// When a sibling keyword already explains why the value fails (an
    /// empty `key_schema` fails `minItems` and every branch of its `oneOf`),
    /// a failing `anyOf`/`oneOf` adds its "no" without a second sentence.
    fn combinators(
        &self,
        k: &Keywords,
        value: &Instance,
        path: &mut Vec<PathItem>,
        depth: usize,
        out: &mut Outcome,
    ) {
        let explained = !out.findings.is_empty();
        for schema in &k.all_of {
            out.absorb(self.eval(schema, value, path, depth + 1));
        }
        if !k.any_of.is_empty() {
            let branches: Vec<Outcome> = k
                .any_of
                .iter()
                .map(|s| self.eval(s, value, path, depth + 1))
                .collect();
            let truth = branches.iter().map(|b| b.truth).fold(Truth::No, or);
            if explained && truth == Truth::No {
                out.truth = Truth::No;
            } else {
                out.verdict(truth, || {
                    let message = match required_sets(&k.any_of) {
                        Some(sets) => self.choose(path, "at least one", &sets),
                        None => self.no_branch_message(path, &branches, "any"),
                    };
                    self.finding(path, "anyOf", message)
                });
            }
        }
        if !k.one_of.is_empty() {
            let branches: Vec<Outcome> = k
                .one_of
                .iter()
                .map(|s| self.eval(s, value, path, depth + 1))
                .collect();
            let yes: Vec<usize> = (0..branches.len())
                .filter(|&i| branches[i].truth == Truth::Yes)
                .collect();
            let open = branches
                .iter()
                .filter(|b| b.truth == Truth::Undecided)
                .count();
            let truth = match (yes.len(), open) {
                (2.., _) | (0, 0) => Truth::No,
                (1, 0) => Truth::Yes,
                _ => Truth::Undecided,
            };
            if explained && truth == Truth::No && yes.is_empty() {
                out.truth = Truth::No;
                return self.not_and_if(k, value, path, depth, out);
            }
            out.verdict(truth, || {
                let sets = required_sets(&k.one_of).map(|sets| without_common(&sets));
                let message = match (&sets, yes.as_slice()) {
                    (Some((common, sets)), []) if !common.is_empty() => {
                        let all: Vec<&'static str> =
                            common.iter().chain(sets.iter().flatten()).copied().collect();
                        if sets.len() < 2 {
                            format!("set {}", self.alternative_and(path, &all))
                        } else {
                            format!(
                                "set {}, and {}",
                                self.alternative_and(path, common),
                                self.choose(path, "exactly one", sets).trim_start_matches("set ")
                            )
                        }
                    }
                    (Some((_, sets)), []) => self.choose(path, "exactly one", sets),
                    (Some((_, sets)), [a, b, ..]) if sets[*a].is_empty() || sets[*b].is_empty() => {
                        let set = if sets[*a].is_empty() { &sets[*b] } else { &sets[*a] };
                        let names: Vec<String> = set.iter().map(|k| self.key(path, k)).collect();
                        match names.len() {
                            1 => format!("{} must not be set", names[0]),
                            _ => format!("{} cannot be set together", and_list(&names)),
                        }
                    }
                    (Some((_, sets)), [a, b, ..]) => format!(
                        "{} and {} cannot be set together; set exactly one of {}",
                        self.alternative(path, &sets[*a]),
                        self.alternative(path, &sets[*b]),
                        self.alternatives(path, sets)
                    ),
                    (None, []) => self.no_branch_message(path, &branches, "exactly one"),
                    (None, [a, b, ..]) => format!(
                        "{} must match exactly one of {} alternative forms, but matches forms {} and {}",
                        self.subject(path),
                        branches.len(),
                        a + 1,
                        b + 1
                    ),
                    _ => format!("{} must match exactly one of its alternative forms", self.subject(path)),
                };
                self.finding(path, "oneOf", message)
            });
        }
        self.not_and_if(k, value, path, depth, out);
    }

    /// `not` and `if`/`then`/`else`.
    fn not_and_if(
        &self,
        k: &Keywords,
        value: &Instance,
        path: &mut Vec<PathItem>,
        depth: usize,
        out: &mut Outcome,
    ) {
        if let Some(schema) = &k.not {
            let inner = self.eval(schema, value, path, depth + 1);
            let truth = match inner.truth {
                Truth::Yes => Truth::No,
                Truth::No => Truth::Yes,
                Truth::Undecided => Truth::Undecided,
            };
            out.verdict(truth, || {
                self.finding(path, "not", self.not_message(schema, value, path))
            });
        }
        if let Some(condition) = &k.if_ {
            self.deciding.set(self.deciding.get() + 1);
            let decided = self.eval(condition, value, path, depth + 1).truth;
            self.deciding.set(self.deciding.get() - 1);
            let (branch, word) = match decided {
                Truth::Yes => (&k.then, "when"),
                Truth::No => (&k.else_, "unless"),
                Truth::Undecided => {
                    // Neither branch is known to apply.
                    if k.then.is_some() || k.else_.is_some() {
                        out.truth = out.truth.and(Truth::Undecided);
                    }
                    return;
                }
            };
            if let Some(schema) = branch {
                let mut result = self.eval(schema, value, path, depth + 1);
                if let Some(why) = self.describe_condition(condition, value, path) {
                    for f in &mut result.findings {
                        if !f.message.contains(" when ") && !f.message.contains(" unless ") {
                            f.message = format!("{} {word} {why}", f.message);
                        }
                    }
                }
                out.absorb(result);
            }
        }
    }

    fn no_branch_message(&self, path: &[PathItem], branches: &[Outcome], how: &str) -> String {
        let example = branches
            .iter()
            .filter(|b| !b.findings.is_empty())
            .min_by_key(|b| b.findings.len())
            .map(|b| format!(" (for example: {})", b.findings[0].message))
            .unwrap_or_default();
        format!(
            "{} must match {how} of its {} alternative forms, but matches none{example}",
            self.subject(path),
            branches.len()
        )
    }

    fn alternative(&self, path: &[PathItem], set: &[&'static str]) -> String {
        let names: Vec<String> = set.iter().map(|k| self.key(path, k)).collect();
        match names.len() {
            0 => "none".to_string(),
            1 => names[0].clone(),
            _ => format!("({})", and_list(&names)),
        }
    }

    fn alternative_and(&self, path: &[PathItem], set: &[&'static str]) -> String {
        let names: Vec<String> = set.iter().map(|k| self.key(path, k)).collect();
        and_list(&names)
    }

    fn alternatives(&self, path: &[PathItem], sets: &[Vec<&'static str>]) -> String {
        let names: Vec<String> = sets.iter().map(|s| self.alternative(path, s)).collect();
        match names.as_slice() {
            [init @ .., last] if !init.is_empty() => format!("{} or {last}", init.join(", ")),
            _ => names.join(""),
        }
    }

    /// "set exactly one of `a` or (`b` and `c`)"; with a single set, "set
    /// `b` and `c`".
    fn choose(&self, path: &[PathItem], quantifier: &str, sets: &[Vec<&'static str>]) -> String {
        match sets {
            [only] => format!("set {}", self.alternative_and(path, only)),
            _ => format!("set {quantifier} of {}", self.alternatives(path, sets)),
        }
    }

    fn not_message(&self, schema: &Schema, value: &Instance, path: &[PathItem]) -> String {
        if let Some(keys) = required_set(schema) {
            let names: Vec<String> = keys.iter().map(|k| self.key(path, k)).collect();
            return match names.len() {
                1 => format!("{} must not be set", names[0]),
                _ => format!("{} cannot be set together", and_list(&names)),
            };
        }
        if let Schema::Keywords(k) = schema
            && (k.constant.is_some() || k.allowed.is_some())
            && let Some(v) = naming::value(value)
        {
            return format!("{} must not be `{v}`", self.subject(path));
        }
        format!(
            "{} must not match the form the schema excludes",
            self.subject(path)
        )
    }

    /// "`engine` is `mysql`" for an `if` made of `const`, `enum` and `required`.
    /// (`value` is the object the condition held for: a long enumeration is
    /// described by the value that matched it.)
    fn describe_condition(
        &self,
        condition: &Schema,
        value: &Instance,
        path: &[PathItem],
    ) -> Option<String> {
        let Schema::Keywords(k) = condition else {
            return None;
        };
        let mut parts = Vec::new();
        for (name, schema) in &k.properties {
            let Schema::Keywords(p) = schema else {
                return None;
            };
            let key = self.key(path, name);
            let actual = match value {
                Instance::Object(members) => members
                    .iter()
                    .find(|(k, _)| k == name)
                    .and_then(|(_, v)| naming::value(v)),
                _ => None,
            };
            if let Some(c) = &p.constant {
                parts.push(format!("{key} is {}", json_text(c)));
            } else if let Some(values) = p.allowed.as_ref().filter(|v| v.len() <= 4) {
                let shown: Vec<String> = values.iter().map(json_text).collect();
                parts.push(format!("{key} is {}", or_list(&shown)));
            } else if let (Some(_), Some(actual)) = (&p.allowed, &actual) {
                parts.push(format!("{key} is `{actual}`"));
            } else if let Some(pattern) = &p.pattern {
                parts.push(format!("{key} matches `{}`", pattern.0));
            } else if p.properties.is_empty()
                && p.not.is_none()
                && p.any_of.is_empty()
                && p.one_of.is_empty()
            {
                // Only a type check, which says nothing a reader needs.
            } else {
                return None;
            }
        }
        for name in &k.required {
            if !k.properties.iter().any(|(n, _)| n == name) {
                parts.push(format!("{} is set", self.key(path, name)));
            }
        }
        if parts.is_empty() || !k.one_of.is_empty() || !k.any_of.is_empty() || k.not.is_some() {
            return None;
        }
        Some(and_list(&parts))
    }
}

/// Disjunction: "yes" wins, then "undecided".
fn or(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Truth::Yes, _) | (_, Truth::Yes) => Truth::Yes,
        (Truth::Undecided, _) | (_, Truth::Undecided) => Truth::Undecided,
        _ => Truth::No,
    }
}

fn has_object_keywords(k: &Keywords) -> bool {
    !k.required.is_empty()
        || !k.properties.is_empty()
        || !k.pattern_properties.is_empty()
        || k.additional_properties.is_some()
        || k.property_names.is_some()
        || !k.dependent_required.is_empty()
        || !k.dependent_excluded.is_empty()
        || !k.dependent_schemas.is_empty()
        || k.min_properties.is_some()
        || k.max_properties.is_some()
}

/// The keys of a subschema that is only `required` (plus properties that
/// constrain nothing); `None` for any other subschema.
fn required_set(schema: &Schema) -> Option<Vec<&'static str>> {
    let Schema::Keywords(k) = schema else {
        return None;
    };
    let only_required = !has_value_keywords(k)
        && k.reference.is_none()
        && k.types.iter().all(|t| *t == "object")
        && k.allowed.is_none()
        && k.constant.is_none()
        && k.pattern_properties.is_empty()
        && k.additional_properties.is_none()
        && k.property_names.is_none()
        && k.dependent_required.is_empty()
        && k.dependent_excluded.is_empty()
        && k.dependent_schemas.is_empty()
        && k.all_of.is_empty()
        && k.any_of.is_empty()
        && k.one_of.is_empty()
        && k.not.is_none()
        && k.if_.is_none()
        && k.unsupported.is_none()
        && k.properties
            .iter()
            .all(|(_, s)| matches!(s, Schema::Bool(true)));
    // `{}` is the empty set: `oneOf: [{}, {required: [a, b]}]` says "not both".
    let empty = k.required.is_empty()
        && k.properties.is_empty()
        && k.types.is_empty()
        && !has_value_keywords(k);
    (only_required && (empty || !k.required.is_empty())).then(|| k.required.clone())
}

/// Whether any keyword about the value itself (not its members) is present.
fn has_value_keywords(k: &Keywords) -> bool {
    k.pattern.is_some()
        || k.min_length.is_some()
        || k.max_length.is_some()
        || k.minimum.is_some()
        || k.maximum.is_some()
        || k.exclusive_minimum.is_some()
        || k.exclusive_maximum.is_some()
        || k.multiple_of.is_some()
        || k.min_items.is_some()
        || k.max_items.is_some()
        || k.unique_items
        || k.items.is_some()
        || k.contains.is_some()
        || k.min_properties.is_some()
        || k.max_properties.is_some()
}

/// Splits off the keys every alternative requires (`Version` in
/// `{Name, Version} | {Id, Version}`), if each alternative keeps some.
fn without_common(sets: &[Vec<&'static str>]) -> (Vec<&'static str>, Vec<Vec<&'static str>>) {
    let common: Vec<&'static str> = sets
        .first()
        .map(|first| {
            first
                .iter()
                .copied()
                .filter(|k| sets.iter().all(|s| s.contains(k)))
                .collect()
        })
        .unwrap_or_default();
    let rest: Vec<Vec<&'static str>> = sets
        .iter()
        .map(|s| s.iter().copied().filter(|k| !common.contains(k)).collect())
        .collect();
    if rest.iter().any(Vec::is_empty) {
        (Vec::new(), sets.to_vec())
    } else {
        (common, rest)
    }
}

fn required_sets(branches: &[Schema]) -> Option<Vec<Vec<&'static str>>> {
    branches.iter().map(required_set).collect()
}

/// Whether `value` has JSON type `name`, leniently: CloudFormation converts
/// scalars, so `"5"` is a number and `5` a string (cfn-lint does the same).
fn type_matches(name: &str, value: &Instance) -> Truth {
    let yes = match (name, value) {
        (_, Instance::Unknown) => return Truth::Undecided,
        ("string", Instance::String(_) | Instance::Number(_) | Instance::Bool(_))
        | ("number", Instance::Number(_))
        | ("boolean", Instance::Bool(_))
        | ("object", Instance::Object(_))
        | ("array", Instance::Array(_))
        | ("null", Instance::Null) => true,
        ("integer", Instance::Number(n)) => n.fract() == 0.0,
        ("number", Instance::String(s)) => s.trim().parse::<f64>().is_ok_and(f64::is_finite),
        ("integer", Instance::String(s)) => s
            .trim()
            .parse::<f64>()
            .is_ok_and(|n| n.is_finite() && n.fract() == 0.0),
        ("boolean", Instance::String(s)) => {
            s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false")
        }
        ("string" | "number" | "integer" | "boolean" | "object" | "array" | "null", _) => false,
        _ => return Truth::Undecided,
    };
    Truth::of(yes)
}

/// Whether `n` is a multiple of `m`, allowing for binary fractions (`0.3` of `0.1`).
fn multiple_of(n: f64, m: f64) -> Truth {
    if !(m.is_finite() && m > 0.0) {
        return Truth::Undecided;
    }
    let q = n / m;
    if !q.is_finite() || q.abs() > 1e15 {
        return Truth::Undecided;
    }
    Truth::of((q - q.round()).abs() < 1e-9)
}

/// Whether a schema value equals an instance, with CloudFormation's scalar
/// conversions (`"5"` equals `5`, `"true"` equals `true`).
#[expect(
    clippy::float_cmp,
    reason = "JSON Schema compares numbers exactly (`enum`, `const`)"
)]
fn equal(a: &Json, b: &Instance, depth: usize) -> Truth {
    if depth > MAX_DEPTH {
        return Truth::Undecided;
    }
    match (a, b) {
        (_, Instance::Unknown) => Truth::Undecided,
        (Json::Null, Instance::Null) => Truth::Yes,
        (Json::Bool(x), Instance::Bool(y)) => Truth::of(x == y),
        (Json::Bool(x), Instance::String(s)) => {
            Truth::of(s.eq_ignore_ascii_case(if *x { "true" } else { "false" }))
        }
        (Json::Number(x), Instance::Number(y)) => Truth::of(x == y),
        (Json::Number(x), Instance::String(s)) => {
            Truth::of(s.trim().parse::<f64>().is_ok_and(|y| y == *x))
        }
        (Json::String(x), Instance::String(y)) => Truth::of(x == y),
        (Json::String(x), Instance::Number(y)) => {
            Truth::of(x.trim().parse::<f64>().is_ok_and(|x| x == *y))
        }
        (Json::String(x), Instance::Bool(y)) => {
            Truth::of(x.eq_ignore_ascii_case(if *y { "true" } else { "false" }))
        }
        (Json::Array(xs), Instance::Array(ys)) => {
            if xs.len() != ys.len() {
                return Truth::No;
            }
            xs.iter()
                .zip(ys)
                .fold(Truth::Yes, |t, (x, y)| t.and(equal(x, y, depth + 1)))
        }
        (Json::Object(xs), Instance::Object(ys)) => {
            if xs.len() != ys.len() {
                return Truth::No;
            }
            xs.iter().fold(Truth::Yes, |t, (k, x)| {
                t.and(match ys.iter().find(|(yk, _)| yk == k) {
                    Some((_, y)) => equal(x, y, depth + 1),
                    None => Truth::No,
                })
            })
        }
        _ => Truth::No,
    }
}

/// Whether two instances are equal (for `uniqueItems`); unknown parts undecided.
#[expect(
    clippy::float_cmp,
    reason = "JSON Schema compares numbers exactly (`uniqueItems`)"
)]
fn same(a: &Instance, b: &Instance, depth: usize) -> Truth {
    if depth > MAX_DEPTH {
        return Truth::Undecided;
    }
    match (a, b) {
        (Instance::Unknown, _) | (_, Instance::Unknown) => Truth::Undecided,
        (Instance::Null, Instance::Null) => Truth::Yes,
        (Instance::Bool(x), Instance::Bool(y)) => Truth::of(x == y),
        (Instance::Number(x), Instance::Number(y)) => Truth::of(x == y),
        (Instance::String(x), Instance::String(y)) => Truth::of(x == y),
        (Instance::Array(xs), Instance::Array(ys)) => {
            if xs.len() != ys.len() {
                return Truth::No;
            }
            xs.iter()
                .zip(ys)
                .fold(Truth::Yes, |t, (x, y)| t.and(same(x, y, depth + 1)))
        }
        (Instance::Object(xs), Instance::Object(ys)) => {
            if xs.len() != ys.len() {
                return Truth::No;
            }
            xs.iter().fold(Truth::Yes, |t, (k, x)| {
                t.and(match ys.iter().find(|(yk, _)| yk == k) {
                    Some((_, y)) => same(x, y, depth + 1),
                    None => Truth::No,
                })
            })
        }
        _ => Truth::No,
    }
}

/// A schema value as a message shows it: `` `mysql` ``, `` `5` ``.
fn json_text(v: &Json) -> String {
    match v {
        Json::String(s) => format!("`{s}`"),
        Json::Number(n) => format!("`{}`", naming::number(*n)),
        Json::Bool(b) => format!("`{b}`"),
        Json::Null => "`null`".to_string(),
        Json::Array(_) | Json::Object(_) => "the listed value".to_string(),
    }
}

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    //! One violating, one passing and one unknown value per keyword, on
    //! schemas written here (the real types are in `tests/constraints.rs`).

    use super::*;
    use crate::constraints::compile;

    fn schema(text: &str) -> Schema {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        compile(&Json::parse(text).unwrap(), &|_| Err("no table".into()), 0).unwrap()
    }

    fn run(text: &str, value: &Instance) -> Outcome {
        let s = schema(text);
        Evaluator {
            definitions: &[],
            model: None,
            deciding: std::cell::Cell::new(0),
        }
        .eval(&s, value, &mut Vec::new(), 0)
    }

    fn messages(text: &str, value: &Instance) -> Vec<String> {
        let o = run(text, value);
        assert_eq!(
            o.truth == Truth::No,
            !o.findings.is_empty(),
            "{text} on {value:?}"
        );
        o.findings.into_iter().map(|f| f.message).collect()
    }

    fn s(v: &str) -> Instance {
        Instance::String(v.to_string())
    }

    fn n(v: f64) -> Instance {
        Instance::Number(v)
    }

    fn obj(members: &[(&str, Instance)]) -> Instance {
        Instance::Object(
            members
                .iter()
                .map(|(k, v)| ((*k).to_string(), v.clone()))
                .collect(),
        )
    }

    fn arr(items: &[Instance]) -> Instance {
        Instance::Array(items.to_vec())
    }

    /// The schema fails `bad` with `message`, passes `good`, and is undecided on Unknown.
    fn check(text: &str, bad: &Instance, message: &str, good: &Instance) {
        assert_eq!(
            messages(text, bad),
            vec![message.to_string()],
            "{text} on {bad:?}"
        );
        assert_eq!(run(text, good).truth, Truth::Yes, "{text} on {good:?}");
        assert_eq!(
            run(text, &Instance::Unknown).truth,
            Truth::Undecided,
            "{text} on Unknown"
        );
    }

    #[test]
    fn pattern() {
        let p = r#"{"properties":{"Name":{"pattern":"^[a-z][a-z0-9-]*$"}}}"#;
        check(
            p,
            &obj(&[("Name", s("Web"))]),
            "`name` must match the pattern `^[a-z][a-z0-9-]*$`",
            &obj(&[("Name", s("web-1"))]),
        );
        assert_eq!(
            run(p, &obj(&[("Name", Instance::Unknown)])).truth,
            Truth::Undecided
        );
        assert_eq!(
            run(r#"{"pattern":"(?i)x"}"#, &s("y")).truth,
            Truth::Undecided,
            "uncompilable: skipped"
        );
    }

    #[test]
    fn lengths() {
        check(
            r#"{"minLength":3}"#,
            &s("ab"),
            "the properties must be at least 3 characters long",
            &s("abc"),
        );
        check(
            r#"{"maxLength":2}"#,
            &s("été"),
            "the properties must be at most 2 characters long (it has 3)",
            &s("ét"),
        );
        check(
            r#"{"minLength":1}"#,
            &s(""),
            "the properties must not be empty",
            &s("x"),
        );
    }

    #[test]
    fn number_bounds() {
        check(
            r#"{"minimum":0.5}"#,
            &n(0.25),
            "the properties must be at least 0.5",
            &n(0.5),
        );
        check(
            r#"{"maximum":10}"#,
            &s("11"),
            "the properties must be at most 10",
            &s("10"),
        );
        check(
            r#"{"exclusiveMinimum":0}"#,
            &n(0.0),
            "the properties must be greater than 0",
            &n(1e-9),
        );
        check(
            r#"{"exclusiveMaximum":1}"#,
            &n(1.0),
            "the properties must be less than 1",
            &n(0.5),
        );
        check(
            r#"{"multipleOf":0.1}"#,
            &n(0.35),
            "the properties must be a multiple of 0.1",
            &n(0.3),
        );
        assert_eq!(run(r#"{"maximum":1}"#, &n(f64::MAX)).truth, Truth::No);
        assert_eq!(
            run(r#"{"multipleOf":1}"#, &n(1e300)).truth,
            Truth::Undecided,
            "too big to tell"
        );
    }

    #[test]
    fn item_counts_and_uniqueness() {
        check(
            r#"{"minItems":2}"#,
            &arr(&[s("a")]),
            "the properties must have at least 2 items",
            &arr(&[s("a"), s("b")]),
        );
        check(
            r#"{"maxItems":1}"#,
            &arr(&[s("a"), s("b")]),
            "the properties must have at most 1 items (it has 2)",
            &arr(&[s("a")]),
        );
        check(
            r#"{"uniqueItems":true}"#,
            &arr(&[s("a"), s("b"), s("a")]),
            "item 2 of the properties repeats item 0; the items must be unique",
            &arr(&[s("a"), s("b")]),
        );
        // Only known items are compared.
        assert_eq!(
            run(
                r#"{"uniqueItems":true}"#,
                &arr(&[s("a"), Instance::Unknown])
            )
            .truth,
            Truth::Undecided
        );
        assert_eq!(
            run(
                r#"{"uniqueItems":true}"#,
                &arr(&[s("a"), Instance::Unknown, s("a")])
            )
            .truth,
            Truth::No
        );
        // An unknown item still counts.
        assert_eq!(
            run(r#"{"minItems":2}"#, &arr(&[s("a"), Instance::Unknown])).truth,
            Truth::Yes
        );
    }

    #[test]
    fn const_and_enum() {
        check(
            r#"{"const":"Image"}"#,
            &s("Zip"),
            "the properties must be `Image`",
            &s("Image"),
        );
        check(
            r#"{"enum":[1,2]}"#,
            &n(3.0),
            "the properties must be one of `1` or `2`",
            &s("2"),
        );
        check(
            r#"{"properties":{"Bb":{"enum":[true]}}}"#,
            &obj(&[("Bb", s("false"))]),
            "`bb` must be `true`",
            &obj(&[("Bb", s("True"))]),
        );
    }

    #[test]
    fn dependencies() {
        let req = r#"{"dependentRequired":{"Cpu":["Memory"]}}"#;
        check(
            req,
            &obj(&[("Cpu", n(256.0))]),
            "`cpu` requires `memory`",
            &obj(&[("Cpu", n(256.0)), ("Memory", n(512.0))]),
        );
        // Keys are known even when values are not.
        assert_eq!(
            run(req, &obj(&[("Cpu", Instance::Unknown)])).truth,
            Truth::No
        );
        let old = r#"{"dependencies":{"Cpu":["Memory"]}}"#;
        check(
            old,
            &obj(&[("Cpu", n(1.0))]),
            "`cpu` requires `memory`",
            &obj(&[]),
        );
        let exc = r#"{"dependentExcluded":{"Aa":["Bb"]}}"#;
        check(
            exc,
            &obj(&[("Aa", n(1.0)), ("Bb", n(1.0))]),
            "`bb` cannot be used with `aa`",
            &obj(&[("Aa", n(1.0))]),
        );
        let sch = r#"{"dependencies":{"Aa":{"required":["Cc"]}}}"#;
        check(
            sch,
            &obj(&[("Aa", n(1.0))]),
            "`cc` is required",
            &obj(&[("Bb", n(1.0))]),
        );
    }

    #[test]
    fn one_of_required_sets() {
        let one = r#"{"oneOf":[{"required":["Aa"]},{"required":["Bb","Cc"]}]}"#;
        check(
            one,
            &obj(&[]),
            "set exactly one of `aa` or (`bb` and `cc`)",
            &obj(&[("Aa", n(1.0))]),
        );
        assert_eq!(
            messages(one, &obj(&[("Aa", n(1.0)), ("Bb", n(1.0)), ("Cc", n(1.0))])),
            [
                "`aa` and (`bb` and `cc`) cannot be set together; set exactly one of `aa` or (`bb` and `cc`)"
            ]
        );
        // A branch that may still match keeps oneOf silent.
        let typed = r#"{"oneOf":[{"properties":{"Aa":{"const":"x"}},"required":["Aa"]},{"properties":{"Aa":{"const":"y"}},"required":["Aa"]}]}"#;
        assert_eq!(
            run(typed, &obj(&[("Aa", Instance::Unknown)])).truth,
            Truth::Undecided
        );
        assert_eq!(run(typed, &obj(&[("Aa", s("x"))])).truth, Truth::Yes);
        assert_eq!(run(typed, &obj(&[("Aa", s("z"))])).truth, Truth::No);
    }

    #[test]
    fn one_of_with_an_empty_branch_means_not_both() {
        let one = r#"{"oneOf":[{},{"required":["Aa","Bb"]}]}"#;
        check(
            one,
            &obj(&[("Aa", n(1.0)), ("Bb", n(1.0))]),
            "`aa` and `bb` cannot be set together",
            &obj(&[("Aa", n(1.0))]),
        );
    }

    #[test]
    fn any_of_and_all_of() {
        let any = r#"{"anyOf":[{"required":["Aa"]},{"required":["Bb"]}]}"#;
        check(
            any,
            &obj(&[("Cc", n(1.0))]),
            "set at least one of `aa` or `bb`",
            &obj(&[("Bb", n(1.0))]),
        );
        let all = r#"{"allOf":[{"minimum":1},{"maximum":3}]}"#;
        check(all, &n(4.0), "the properties must be at most 3", &n(2.0));
        let generic = r#"{"anyOf":[{"maxLength":1},{"pattern":"^a"}]}"#;
        check(
            generic,
            &s("bb"),
            "the properties must match any of its 2 alternative forms, but matches none (for example: the properties must be at most 1 characters long (it has 2))",
            &s("abc"),
        );
    }

    #[test]
    fn not() {
        check(
            r#"{"not":{"required":["Aa","Bb"]}}"#,
            &obj(&[("Aa", n(1.0)), ("Bb", n(1.0))]),
            "`aa` and `bb` cannot be set together",
            &obj(&[("Aa", n(1.0))]),
        );
        check(
            r#"{"not":{"const":"x"}}"#,
            &s("x"),
            "the properties must not be `x`",
            &s("y"),
        );
    }

    #[test]
    fn if_then_else() {
        let cond = r#"{"if":{"properties":{"Mode":{"const":"PROVISIONED"}},"required":["Mode"]},"then":{"required":["Throughput"]},"else":{"not":{"required":["Throughput"]}}}"#;
        check(
            cond,
            &obj(&[("Mode", s("PROVISIONED"))]),
            "`throughput` is required when `mode` is `PROVISIONED`",
            &obj(&[("Mode", s("PROVISIONED")), ("Throughput", n(1.0))]),
        );
        assert_eq!(
            messages(cond, &obj(&[("Mode", s("OTHER")), ("Throughput", n(1.0))])),
            ["`throughput` must not be set unless `mode` is `PROVISIONED`"]
        );
        // Undecided condition: neither branch applies.
        assert_eq!(
            run(cond, &obj(&[("Mode", Instance::Unknown)])).truth,
            Truth::Undecided
        );
        assert_eq!(
            run(
                cond,
                &obj(&[("Mode", Instance::Unknown), ("Throughput", n(1.0))])
            )
            .truth,
            Truth::Undecided
        );
    }

    #[test]
    fn property_names() {
        let names =
            r#"{"propertyNames":{"not":{"enum":["AWS_REGION","AWS_LAMBDA_FUNCTION_NAME"]}}}"#;
        check(
            names,
            &obj(&[("AWS_REGION", s("x"))]),
            "the properties must not have the key `AWS_REGION`",
            &obj(&[("MY_VAR", s("x"))]),
        );
    }

    #[test]
    fn contains_and_false() {
        let c = r#"{"contains":{"required":["Essential"]}}"#;
        check(
            c,
            &arr(&[obj(&[])]),
            "the properties must contain at least one item that sets `essential`",
            &arr(&[obj(&[]), obj(&[("Essential", Instance::Bool(true))])]),
        );
        let f = r#"{"properties":{"Aa":false}}"#;
        check(
            f,
            &obj(&[("Aa", Instance::Unknown)]),
            "`aa` is not allowed here",
            &obj(&[]),
        );
    }

    #[test]
    fn type_only_decides() {
        // `type` never reports (shapes are the macro's), but it decides conditions.
        let o = run(r#"{"type":"integer"}"#, &n(1.5));
        assert_eq!((o.truth, o.findings.len()), (Truth::No, 0));
        assert_eq!(run(r#"{"type":"integer"}"#, &s("2")).truth, Truth::Yes);
        assert_eq!(
            run(r#"{"type":["string","object"]}"#, &arr(&[])).truth,
            Truth::No
        );
    }

    #[test]
    fn unsupported_keywords_and_depth_are_undecided() {
        assert_eq!(run(r#"{"?":"format"}"#, &s("x")).truth, Truth::Undecided);
        assert_eq!(
            run(r#"{"not":{"?":"format"}}"#, &s("x")).truth,
            Truth::Undecided
        );
        let mut deep = String::new();
        for _ in 0..90 {
            deep.push_str(r#"{"items":"#);
        }
        deep.push_str(r#"{"maxLength":0}"#);
        deep.push_str(&"}".repeat(90));
        let mut value = s("x");
        for _ in 0..90 {
            value = arr(&[value]);
        }
        assert_eq!(
            run(&deep, &value).truth,
            Truth::Undecided,
            "bounded, not a panic"
        );
    }
}
