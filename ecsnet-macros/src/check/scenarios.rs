//! The assignments of a stack's conditions that its parameters make
//! possible, and the stack as CloudFormation sees it under each one.
//!
//! CloudFormation evaluates the conditions once the parameters are known,
//! then drops the resources and outputs whose condition is false and takes
//! one branch of every `Fn::If` ("Conditions",
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/conditions-section-structure.html>).
//! So does ecsnet, for every assignment of the conditions it can reach: the
//! rules then check plain stacks, one per assignment, and never need to know
//! about conditions.
//!
//! An assignment comes from values of the parameters a condition compares:
//! a parameter's `allowed_values`, or else each literal it is compared with
//! and one value that is none of them (any string is possible, within the
//! parameter's declared lengths). A pseudo parameter such as `AWS::Region`
//! takes each literal it is compared with, or another region. A comparison
//! ecsnet cannot evaluate (two references, a function) may be true or false:
//! the assignments that depend on it are *uncertain*.
//!
//! `find_in_map` with literal keys is replaced by the mapping's value in the
//! same pass, so the rules see a CIDR block read from a mapping.

use std::collections::{BTreeMap, HashMap};

use proc_macro2::Span;
use syn::Ident;

use crate::model::{DeclarationKind, Function, Mapping, Parameter, Stack, Value, ValueKind};

/// One assignment of the stack's conditions.
pub struct Scenario {
    /// Each condition's value, by name.
    pub truth: BTreeMap<String, bool>,
    /// Whether the assignment is known to be possible: it follows from
    /// parameter values the stack allows, without a comparison ecsnet
    /// cannot evaluate.
    pub certain: bool,
    /// The value of each parameter that a `find_in_map` takes as a key
    /// and whose allowed values the stack declares, by name.
    pub keys: BTreeMap<String, String>,
}

/// The most combinations of parameter values tried. The corpus's largest
/// case compares seven parameters, 128 combinations; beyond the limit the
/// first combinations in declaration order are checked.
const MAX_COMBINATIONS: usize = 1024;

/// The most comparisons ecsnet cannot evaluate whose assignments are tried
/// (2^6 = 64 per combination of parameter values); the others are false.
const MAX_UNDECIDED: usize = 6;

/// The scenarios to check, in a fixed order; `None` when the stack has
/// neither a condition nor a `find_in_map` to resolve, and is checked as
/// written.
pub fn scenarios(stack: &Stack) -> Option<Vec<Scenario>> {
    let conditions: Vec<(String, &Value)> = stack
        .declarations
        .iter()
        .filter_map(|d| Some((d.ident.to_string(), &d.as_condition()?.expression)))
        .collect();
    let mappings = mappings(stack);
    let mut comparisons = Comparisons::default();
    let expressions: HashMap<String, Expr> = conditions
        .iter()
        .map(|(name, value)| (name.clone(), comparisons.expr(value, &mappings)))
        .collect();
    let keys = key_parameters(stack);
    for name in &keys {
        comparisons.variable(Variable::Parameter(name));
    }
    if conditions.is_empty() && keys.is_empty() {
        return has_literal_lookup(stack, &mappings).then(|| {
            vec![Scenario {
                truth: BTreeMap::new(),
                certain: true,
                keys: BTreeMap::new(),
            }]
        });
    }
    let names: Vec<&String> = conditions.iter().map(|(name, _)| name).collect();
    let domains: Vec<Vec<String>> = comparisons
        .variables
        .iter()
        .map(|(variable, literals)| domain(stack, variable, literals))
        .collect();

    let mut found: Vec<Scenario> = Vec::new();
    let mut add =
        |truth: BTreeMap<String, bool>, certain: bool, keys: &BTreeMap<String, String>| match found
            .iter_mut()
            .find(|s| s.truth == truth && s.keys == *keys)
        {
            Some(existing) => existing.certain |= certain,
            None => found.push(Scenario {
                truth,
                certain,
                keys: keys.clone(),
            }),
        };
    let undecided = comparisons.opaque.min(MAX_UNDECIDED);
    for combination in combinations(&domains).take(MAX_COMBINATIONS) {
        let key_values: BTreeMap<String, String> = comparisons
            .variables
            .iter()
            .zip(&combination)
            .filter_map(|((variable, _), value)| match variable {
                Variable::Parameter(name) if keys.contains(name) => {
                    Some((name.to_string(), (*value).to_owned()))
                }
                _ => None,
            })
            .collect();
        let world = World {
            values: &combination,
            opaque: None,
        };
        let truth = evaluate_all(&names, &expressions, &world);
        if truth.values().all(Option::is_some) {
            add(
                truth
                    .into_iter()
                    .map(|(k, v)| (k, v == Some(true)))
                    .collect(),
                true,
                &key_values,
            );
            continue;
        }
        for bits in 0..(1usize << undecided) {
            let world = World {
                values: &combination,
                opaque: Some(bits),
            };
            let truth = evaluate_all(&names, &expressions, &world);
            add(
                truth
                    .into_iter()
                    .map(|(k, v)| (k, v == Some(true)))
                    .collect(),
                false,
                &key_values,
            );
        }
    }
    Some(found)
}

/// `(where IsProduction is false and Environment is prod)`, in backticks, for a
/// finding that holds under the scenarios `holds` only: what they all
/// share and the others do not all share. Empty for a finding that holds
/// under every scenario.
pub fn where_clause(holds: &[&Scenario], all: &[Scenario]) -> String {
    if holds.len() == all.len() || holds.is_empty() {
        return String::new();
    }
    let first = holds[0];
    let mut parts: Vec<String> = Vec::new();
    for (name, value) in &first.truth {
        if holds.iter().all(|s| s.truth.get(name) == Some(value))
            && !all.iter().all(|s| s.truth.get(name) == Some(value))
        {
            parts.push(format!("`{name}` is {value}"));
        }
    }
    for (name, value) in &first.keys {
        if holds.iter().all(|s| s.keys.get(name) == Some(value))
            && !all.iter().all(|s| s.keys.get(name) == Some(value))
        {
            parts.push(format!("`{name}` is `{value}`"));
        }
    }
    match parts.as_slice() {
        [] => String::new(),
        [one] => format!(" (where {one})"),
        [init @ .., last] => format!(" (where {} and {last})", init.join(", ")),
    }
}

/// The stack under one scenario: the resources and outputs whose condition
/// is false left out, each `if_` replaced by the branch it takes, each
/// `find_in_map` with literal keys by the value it finds. Returns the
/// names left out, each with its condition.
pub fn view(
    stack: &Stack,
    scenario: &Scenario,
    mappings: &HashMap<String, &Mapping>,
) -> (Stack, Vec<(Ident, Ident)>) {
    let mut out = stack.clone();
    let mut absent = Vec::new();
    out.declarations.retain(|declaration| {
        let Some(condition) = declaration.condition() else {
            return true;
        };
        if scenario.truth.get(&condition.to_string()) == Some(&false) {
            if !declaration.is_output() {
                absent.push((declaration.ident.clone(), condition.clone()));
            }
            return false;
        }
        true
    });
    let resolver = Resolver {
        truth: &scenario.truth,
        keys: &scenario.keys,
        mappings,
    };
    for declaration in &mut out.declarations {
        match &mut declaration.kind {
            DeclarationKind::Resource(resource) => {
                resolver.object(&mut resource.properties);
                for object in [
                    &mut resource.metadata,
                    &mut resource.creation_policy,
                    &mut resource.update_policy,
                ]
                .into_iter()
                .flatten()
                {
                    resolver.object(object);
                }
            }
            DeclarationKind::Output(output) => {
                resolver.value(&mut output.value);
                if let Some(export) = &mut output.export {
                    resolver.value(export);
                }
            }
            _ => {}
        }
    }
    (out, absent)
}

/// The mappings of the stack, by name; the first declaration of a name wins.
pub fn mappings(stack: &Stack) -> HashMap<String, &Mapping> {
    let mut found = HashMap::new();
    for declaration in &stack.declarations {
        if let Some(mapping) = declaration.as_mapping() {
            found
                .entry(declaration.ident.to_string())
                .or_insert(mapping);
        }
    }
    found
}

/// The value `find_in_map` finds when its keys are known (its default
/// where a key is missing), if any: literal keys, or parameters whose value
/// `keys` gives.
pub fn lookup<'a>(
    args: &'a [Value],
    mappings: &HashMap<String, &'a Mapping>,
    keys: &BTreeMap<String, String>,
) -> Option<&'a Value> {
    let ValueKind::MappingName(name) = &args.first()?.kind else {
        return None;
    };
    let mapping = mappings.get(&name.to_string())?;
    let key = |value: &Value| match &value.kind {
        ValueKind::Ref(name) => keys.get(&name.to_string()).cloned(),
        _ => literal_text(value),
    };
    let (top, second) = (key(args.get(1)?)?, key(args.get(2)?)?);
    let found = mapping
        .body
        .value(&top)
        .and_then(Value::as_object)
        .and_then(|keys| keys.value(&second));
    found.or_else(|| default_value(args))
}

/// The `default_value` of a `find_in_map`'s fourth argument.
pub fn default_value(args: &[Value]) -> Option<&Value> {
    args.get(3)?.as_object()?.value("default_value")
}

/// The text of a literal key or compared value: a string, a number or a
/// boolean as CloudFormation reads it.
pub fn literal_text(value: &Value) -> Option<String> {
    match &value.kind {
        ValueKind::Int(n) => Some(n.to_string()),
        ValueKind::Float(x) => Some(x.to_string()),
        ValueKind::Bool(b) => Some(b.to_string()),
        _ => value.as_str().map(str::to_owned),
    }
}

fn has_literal_lookup(stack: &Stack, mappings: &HashMap<String, &Mapping>) -> bool {
    let mut found = false;
    stack.walk_values(&mut |_, value| {
        if let ValueKind::Call(call) = &value.kind
            && call.function == Function::FindInMap
        {
            found |= lookup(&call.args, mappings, &BTreeMap::new()).is_some();
        }
    });
    found
}

/// The parameters with declared allowed values that a `find_in_map` takes
/// as a key, in order of appearance.
fn key_parameters(stack: &Stack) -> Vec<&Ident> {
    let mut found: Vec<&Ident> = Vec::new();
    stack.walk_values(&mut |_, value| {
        let ValueKind::Call(call) = &value.kind else {
            return;
        };
        if call.function != Function::FindInMap {
            return;
        }
        for key in call.args.iter().skip(1).take(2) {
            if let ValueKind::Ref(name) = &key.kind
                && !found.contains(&name)
                && stack.declarations.iter().any(|d| {
                    d.ident == *name && d.as_parameter().is_some_and(|p| p.allowed_values.is_some())
                })
            {
                found.push(name);
            }
        }
    });
    found
}

/// Replaces what a scenario decides.
struct Resolver<'a> {
    truth: &'a BTreeMap<String, bool>,
    keys: &'a BTreeMap<String, String>,
    mappings: &'a HashMap<String, &'a Mapping>,
}

impl Resolver<'_> {
    fn object(&self, object: &mut crate::model::Object) {
        for entry in &mut object.entries {
            self.value(&mut entry.value);
        }
    }

    fn value(&self, value: &mut Value) {
        crate::diag::step(1);
        // `if_` inside a branch taken is decided too; each round takes one
        // branch, so this ends within the value's depth.
        while let Some(replacement) = self.replacement(value) {
            let acknowledgments = std::mem::take(&mut value.acknowledgments);
            *value = replacement;
            value.acknowledgments.extend(acknowledgments);
        }
        match &mut value.kind {
            ValueKind::List(items) => items.iter_mut().for_each(|item| self.value(item)),
            ValueKind::Object(object) => self.object(object),
            ValueKind::Sub(sub) => {
                if let Some(variables) = &mut sub.variables {
                    self.object(variables);
                }
            }
            ValueKind::Call(call) => call.args.iter_mut().for_each(|arg| self.value(arg)),
            _ => {}
        }
    }

    /// The branch an `if_` takes, or the value a `find_in_map` finds
    /// (underlined where the `find_in_map` is written).
    fn replacement(&self, value: &Value) -> Option<Value> {
        let ValueKind::Call(call) = &value.kind else {
            return None;
        };
        match call.function {
            Function::If => {
                let ValueKind::ConditionName(name) = &call.args.first()?.kind else {
                    return None;
                };
                let taken = *self.truth.get(&name.to_string())?;
                call.args.get(if taken { 1 } else { 2 }).cloned()
            }
            Function::FindInMap => {
                let mut found = lookup(&call.args, self.mappings, self.keys)?.clone();
                respan(&mut found, value.span, value.end);
                Some(found)
            }
            _ => None,
        }
    }
}

/// Puts `value` and everything inside it at `span`..`end`.
fn respan(value: &mut Value, span: Span, end: Span) {
    value.span = span;
    value.end = end;
    match &mut value.kind {
        ValueKind::List(items) => items.iter_mut().for_each(|v| respan(v, span, end)),
        ValueKind::Object(object) => {
            object.span = span;
            for entry in &mut object.entries {
                entry.key.span = span;
                respan(&mut entry.value, span, end);
            }
        }
        _ => {}
    }
}

/// A condition as a boolean formula over comparisons.
enum Expr {
    /// A comparison of literals, decided already.
    Const(bool),
    /// `variable == literal`: the variable's index and the literal.
    Equals(usize, String),
    /// A comparison ecsnet cannot evaluate: its index among those.
    Opaque(usize),
    /// Another condition, by name.
    Condition(String),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
}

/// The variables compared in the conditions and the comparisons that
/// cannot be evaluated.
#[derive(Default)]
struct Comparisons<'a> {
    /// Each variable (a parameter, `Ref`, or a pseudo parameter) with the
    /// literals it is compared with, in order of appearance.
    variables: Vec<(Variable<'a>, Vec<String>)>,
    /// How many comparisons cannot be evaluated.
    opaque: usize,
}

/// What a comparison reads.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Variable<'a> {
    Parameter(&'a Ident),
    Pseudo(&'a str),
}

impl<'a> Comparisons<'a> {
    fn expr(&mut self, value: &'a Value, mappings: &HashMap<String, &'a Mapping>) -> Expr {
        crate::diag::step(1);
        match &value.kind {
            ValueKind::ConditionName(name) => Expr::Condition(name.to_string()),
            ValueKind::Call(call) => match call.function {
                Function::And => {
                    Expr::And(call.args.iter().map(|a| self.expr(a, mappings)).collect())
                }
                Function::Or => {
                    Expr::Or(call.args.iter().map(|a| self.expr(a, mappings)).collect())
                }
                Function::Not => match call.args.first() {
                    Some(a) => Expr::Not(Box::new(self.expr(a, mappings))),
                    None => self.opaque(),
                },
                Function::Equals if call.args.len() == 2 => {
                    self.equals(&call.args[0], &call.args[1], mappings)
                }
                _ => self.opaque(),
            },
            _ => self.opaque(),
        }
    }

    /// The index of a variable, added if new.
    fn variable(&mut self, variable: Variable<'a>) -> usize {
        if let Some(index) = self.variables.iter().position(|(v, _)| *v == variable) {
            index
        } else {
            self.variables.push((variable, Vec::new()));
            self.variables.len() - 1
        }
    }

    fn opaque(&mut self) -> Expr {
        self.opaque += 1;
        Expr::Opaque(self.opaque - 1)
    }

    fn equals(
        &mut self,
        a: &'a Value,
        b: &'a Value,
        mappings: &HashMap<String, &'a Mapping>,
    ) -> Expr {
        let literal = |v: &'a Value| match &v.kind {
            ValueKind::Call(call) if call.function == Function::FindInMap => {
                lookup(&call.args, mappings, &BTreeMap::new()).and_then(literal_text)
            }
            _ => literal_text(v),
        };
        let variable = |v: &'a Value| match &v.kind {
            ValueKind::Ref(name) => Some(Variable::Parameter(name)),
            ValueKind::Pseudo(name) if name != "AWS::NoValue" => Some(Variable::Pseudo(name)),
            _ => None,
        };
        match (literal(a), literal(b), variable(a), variable(b)) {
            (Some(x), Some(y), ..) => Expr::Const(x == y),
            (Some(text), None, None, Some(var)) | (None, Some(text), Some(var), None) => {
                let index = self.variable(var);
                let literals = &mut self.variables[index].1;
                if !literals.contains(&text) {
                    literals.push(text.clone());
                }
                Expr::Equals(index, text)
            }
            _ => self.opaque(),
        }
    }
}

/// A value none of the literals is; it stands for every other value.
const OTHER: &str = "\u{0}other";

/// The values a variable can take that make a difference to the conditions.
fn domain(stack: &Stack, variable: &Variable, literals: &[String]) -> Vec<String> {
    let parameter = match variable {
        Variable::Parameter(name) => stack
            .declarations
            .iter()
            .find(|d| d.ident == **name)
            .and_then(|d| d.as_parameter()),
        Variable::Pseudo(_) => None,
    };
    if let Some(allowed) = parameter.and_then(|p| p.allowed_values.as_ref()) {
        let values: Vec<String> = match allowed.as_list() {
            Some(items) => items.iter().filter_map(literal_text).collect(),
            None => literal_text(allowed).into_iter().collect(),
        };
        if !values.is_empty() {
            return values;
        }
    }
    let mut values: Vec<String> = literals
        .iter()
        .filter(|text| parameter.is_none_or(|p| fits_lengths(p, text)))
        .cloned()
        .collect();
    values.push(OTHER.to_owned());
    values
}

/// Whether a parameter's declared lengths allow `text`.
fn fits_lengths(parameter: &Parameter, text: &str) -> bool {
    let length = i64::try_from(text.chars().count()).unwrap_or(i64::MAX);
    let min = parameter.min_length.as_ref().and_then(Value::as_int);
    let max = parameter.max_length.as_ref().and_then(Value::as_int);
    min.is_none_or(|min| length >= min) && max.is_none_or(|max| length <= max)
}

/// Every combination of one value per domain, the first domain varying
/// slowest.
fn combinations(domains: &[Vec<String>]) -> impl Iterator<Item = Vec<&str>> {
    let mut indices = vec![0usize; domains.len()];
    let mut done = domains.iter().any(Vec::is_empty);
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let current: Vec<&str> = indices
            .iter()
            .zip(domains)
            .map(|(&i, domain)| domain[i].as_str())
            .collect();
        // Advance like an odometer, the last domain fastest.
        done = true;
        for position in (0..indices.len()).rev() {
            indices[position] += 1;
            if indices[position] < domains[position].len() {
                done = false;
                break;
            }
            indices[position] = 0;
        }
        Some(current)
    })
}

/// Values for the variables, and for the comparisons that cannot be
/// evaluated (`None`: unknown).
struct World<'a> {
    values: &'a [&'a str],
    opaque: Option<usize>,
}

/// Every condition's value in one world; `None` where it depends on a
/// comparison the world leaves unknown.
fn evaluate_all(
    names: &[&String],
    expressions: &HashMap<String, Expr>,
    world: &World,
) -> BTreeMap<String, Option<bool>> {
    let mut memo: HashMap<String, Option<bool>> = HashMap::new();
    names
        .iter()
        .map(|name| {
            let value = condition(name, expressions, world, &mut memo, &mut Vec::new());
            ((*name).clone(), value)
        })
        .collect()
}

fn condition(
    name: &str,
    expressions: &HashMap<String, Expr>,
    world: &World,
    memo: &mut HashMap<String, Option<bool>>,
    visiting: &mut Vec<String>,
) -> Option<bool> {
    if let Some(value) = memo.get(name) {
        return *value;
    }
    // A cycle is reported by the `conditions` rule; here it is false.
    if visiting.iter().any(|v| v == name) {
        return Some(false);
    }
    let expression = expressions.get(name)?;
    visiting.push(name.to_owned());
    let value = evaluate(expression, expressions, world, memo, visiting);
    visiting.pop();
    memo.insert(name.to_owned(), value);
    value
}

fn evaluate(
    expression: &Expr,
    expressions: &HashMap<String, Expr>,
    world: &World,
    memo: &mut HashMap<String, Option<bool>>,
    visiting: &mut Vec<String>,
) -> Option<bool> {
    crate::diag::step(1);
    match expression {
        Expr::Const(b) => Some(*b),
        Expr::Equals(variable, text) => Some(world.values.get(*variable)? == text),
        Expr::Opaque(index) => world
            .opaque
            .map(|bits| *index < usize::BITS as usize && bits & (1 << index) != 0),
        Expr::Condition(name) => condition(name, expressions, world, memo, visiting),
        Expr::Not(inner) => evaluate(inner, expressions, world, memo, visiting).map(|b| !b),
        Expr::And(items) | Expr::Or(items) => {
            let is_and = matches!(expression, Expr::And(_));
            let mut unknown = false;
            for item in items {
                match evaluate(item, expressions, world, memo, visiting) {
                    Some(b) if b != is_and => return Some(b),
                    Some(_) => {}
                    None => unknown = true,
                }
            }
            if unknown { None } else { Some(is_and) }
        }
    }
}
