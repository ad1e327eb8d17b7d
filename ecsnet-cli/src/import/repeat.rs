//! Three or more resources whose logical ids differ only in a number suffix
//! (`PublicSubnet1`, `PublicSubnet2`, `PublicSubnet3`) and whose definitions
//! are equal once that suffix is a loop variable become one `#[repeat]`.
//!
//! Where the definitions differ:
//! - a reference to the same-numbered instance of another such group
//!   becomes `Name[n]` (`${Name[n]}` inside a `Fn::Sub` template);
//! - the suffix inside a string becomes `${n}` (`"10.0.${n}.0/24"`);
//! - other differing string or integer literals become further loop
//!   variables, named after their property (`the_cidr_block`).
//!
//! Anything else that differs leaves the resources as they are, and so
//! does a loop the `#[stack]` macro would not expand back into exactly
//! these resources: each instance is named after the first loop value
//! (`Subnet` and `1` make `Subnet1`, never `Subnet01`), and the row's
//! values replace `${var}` in every string and a variable's name wherever
//! the program writes an identifier.

use serde_json::{Map, Value};

use super::convert::LOOP_VARIABLE;
use super::render;

/// The loop variable that holds the suffix.
const VARIABLE: &str = "n";
/// At most this many further loop variables.
const MAX_EXTRA: usize = 4;

/// One `#[repeat]` declaration.
#[derive(Debug)]
pub struct Group {
    /// The struct's name: the logical ids without their suffix.
    pub base: String,
    /// The logical ids it declares, in template order.
    pub members: Vec<String>,
    /// `#[repeat(for … in …)]`.
    pub header: String,
    /// The resource with the loop variables in it.
    pub template: Value,
}

/// The groups among `resources`; `taken` are every logical id of the
/// template, which a group's name must not be.
pub fn groups(resources: &Map<String, Value>, taken: &[String]) -> Vec<Group> {
    let mut candidates: Vec<(String, Vec<String>, Vec<i64>)> = Vec::new();
    for id in resources.keys() {
        let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (base, suffix) = id.split_at(id.len() - digits);
        if digits == 0 || base.is_empty() || (suffix.starts_with('0') && suffix.len() > 1) {
            continue;
        }
        let Ok(number) = suffix.parse::<i64>() else {
            continue;
        };
        match candidates.iter_mut().find(|(b, _, _)| b == base) {
            Some((_, members, numbers)) => {
                members.push(id.clone());
                numbers.push(number);
            }
            None => candidates.push((base.to_owned(), vec![id.clone()], vec![number])),
        }
    }
    candidates.retain(|(base, members, _)| {
        members.len() >= 3
            && render::is_ident(base)
            && !taken.contains(base)
            && members
                .iter()
                .map(|m| resources[m].get("Type"))
                .all(|t| t == resources[&members[0]].get("Type"))
    });
    // Drop the groups that do not unify until every reference to a group
    // names one that stays.
    loop {
        let mut found = Vec::new();
        for (base, members, numbers) in &candidates {
            let others: Vec<(&str, &[i64])> = candidates
                .iter()
                .filter(|(_, _, n)| n == numbers)
                .map(|(b, _, n)| (b.as_str(), n.as_slice()))
                .collect();
            let mut unifier = Unifier {
                numbers,
                groups: &others,
                extra: Vec::new(),
            };
            let values: Vec<&Value> = members.iter().map(|m| &resources[m]).collect();
            if let Some(template) = unifier.unify(&values, "value", Mode::Value) {
                let rows = rows(numbers, &unifier.extra);
                if declares_exactly(base, members, &rows, &template, resources, taken) {
                    found.push(Group {
                        base: base.clone(),
                        members: members.clone(),
                        header: header(numbers, &unifier.extra),
                        template,
                    });
                }
            }
        }
        if found.len() == candidates.len() {
            return found;
        }
        candidates.retain(|(base, _, _)| found.iter().any(|g| g.base == *base));
    }
}

/// One row of the loop: each variable with its value.
type Row = Vec<(String, Value)>;

/// The rows of the loop: `n` first, then the further variables.
fn rows(numbers: &[i64], extra: &[(String, Vec<Value>)]) -> Vec<Row> {
    numbers
        .iter()
        .enumerate()
        .map(|(i, n)| {
            std::iter::once((VARIABLE.to_owned(), Value::from(*n)))
                .chain(
                    extra
                        .iter()
                        .map(|(name, values)| (name.clone(), values[i].clone())),
                )
                .collect()
        })
        .collect()
}

/// Whether `#[repeat]` with these rows and this template declares exactly
/// the members: the `#[stack]` macro names each instance `base` followed
/// by the suffix of the first variable's value, and substitutes the row
/// into every string's `${var}` and `${Name[var]…}` and into every
/// identifier it finds (`Name[var]`, a bare `var`). Each instance, as the
/// macro expands it, must be the member of that logical id, unchanged.
fn declares_exactly(
    base: &str,
    members: &[String],
    rows: &[Row],
    template: &Value,
    resources: &Map<String, Value>,
    taken: &[String],
) -> bool {
    // A variable named like a declaration is an error of the macro; one
    // that is also an identifier of the template would be substituted.
    let variables: Vec<&str> = rows[0].iter().map(|(name, _)| name.as_str()).collect();
    if variables.iter().any(|v| taken.iter().any(|t| t == v)) {
        return false;
    }
    let mut identifiers = Vec::new();
    identifiers_of(template, &mut identifiers);
    if identifiers.iter().any(|i| variables.contains(i)) {
        return false;
    }
    members.len() == rows.len()
        && members.iter().zip(rows).all(|(member, row)| {
            let instance = format!("{base}{}", suffix(&value_text(&row[0].1)));
            instance == *member && expand(template, row) == resources[member]
        })
}

/// A loop value as the macro reads it: a string's text, an integer's digits.
fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The suffix the `#[stack]` macro gives an instance's logical id.
fn suffix(text: &str) -> String {
    ecsnet_schema::repeat::suffix(text)
}

/// The template with a row substituted, as the macro substitutes it.
fn expand(template: &Value, row: &Row) -> Value {
    match template {
        Value::Object(object) => {
            if let Some(Value::String(variable)) = object.get(LOOP_VARIABLE)
                && object.len() == 1
            {
                return row
                    .iter()
                    .find(|(name, _)| name == variable)
                    .map_or(Value::Null, |(_, value)| value.clone());
            }
            let mut out = Map::new();
            for (key, value) in object {
                let value = match (key.as_str(), value) {
                    ("Ref" | "DependsOn", Value::String(name)) => {
                        Value::String(instance_name(name, row))
                    }
                    ("DependsOn", Value::Array(names)) => Value::Array(
                        names
                            .iter()
                            .map(|n| match n {
                                Value::String(name) => Value::String(instance_name(name, row)),
                                other => expand(other, row),
                            })
                            .collect(),
                    ),
                    ("Fn::GetAtt", Value::Array(args)) => {
                        let mut out: Vec<Value> = args.iter().map(|a| expand(a, row)).collect();
                        if let Some(Value::String(name)) = args.first() {
                            out[0] = Value::String(instance_name(name, row));
                        }
                        Value::Array(out)
                    }
                    _ => expand(value, row),
                };
                out.insert(in_string(key, row), value);
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(|i| expand(i, row)).collect()),
        Value::String(s) => Value::String(in_string(s, row)),
        other => other.clone(),
    }
}

/// A logical id, written as an identifier: `Name[var]` is the instance;
/// one that is not an identifier is a string literal.
fn instance_name(name: &str, row: &Row) -> String {
    if let Some((resource, rest)) = name.split_once('[')
        && let Some(variable) = rest.strip_suffix(']')
        && let Some((_, value)) = row.iter().find(|(n, _)| n == variable)
    {
        return format!("{resource}{}", suffix(&value_text(value)));
    }
    in_string(name, row)
}

/// `${var}` and `${Name[var]…}` substituted in a string literal (as
/// `substitute_in_string` in `ecsnet-macros/src/parse/repeat.rs`).
fn in_string(original: &str, row: &Row) -> String {
    let mut result = String::with_capacity(original.len());
    let mut rest = original;
    while let Some(start) = rest.find("${") {
        let (before, after) = rest.split_at(start + 2);
        let Some(close) = after.find('}') else {
            break;
        };
        let placeholder = &after[..close];
        if let Some((_, value)) = row.iter().find(|(name, _)| name == placeholder) {
            result.push_str(&before[..start]);
            result.push_str(&value_text(value));
            rest = &after[close + 1..];
        } else {
            result.push_str(before);
            result.push_str(&in_placeholder(placeholder, row));
            rest = &after[close..];
        }
    }
    result.push_str(rest);
    result
}

/// `Name[var]…` inside `${…}`: the instance's logical id.
fn in_placeholder(text: &str, row: &Row) -> String {
    if let Some(open) = text.find('[')
        && let Some(close) = text[open..].find(']').map(|c| open + c)
    {
        let (resource, variable) = (&text[..open], &text[open + 1..close]);
        if !resource.is_empty()
            && resource.chars().all(|c| c.is_ascii_alphanumeric())
            && let Some((_, value)) = row.iter().find(|(name, _)| name == variable)
        {
            return format!(
                "{resource}{}{}",
                suffix(&value_text(value)),
                &text[close + 1..]
            );
        }
    }
    text.to_owned()
}

/// The identifiers the program writes for the template's names (`Ref`,
/// `DependsOn`, `Fn::GetAtt`, condition and mapping names, policies, the
/// type), where the macro would put a loop value for a variable's name.
fn identifiers_of<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::Object(object) => {
            for (key, inner) in object {
                let names: Vec<&Value> = match (key.as_str(), inner) {
                    (
                        "Ref"
                        | "DependsOn"
                        | "Condition"
                        | "Type"
                        | "DeletionPolicy"
                        | "UpdateReplacePolicy"
                        | "Fn::GetAtt",
                        Value::String(_),
                    ) => vec![inner],
                    ("DependsOn" | "Fn::GetAtt", Value::Array(items)) => items.iter().collect(),
                    ("Fn::If" | "Fn::FindInMap", Value::Array(items)) => {
                        items.iter().take(1).collect()
                    }
                    _ => Vec::new(),
                };
                for name in names.iter().filter_map(|n| n.as_str()) {
                    // `Name[var]` is the importer's own: its variable is
                    // meant to be substituted.
                    let mut outside = name;
                    while !outside.is_empty() {
                        let (part, rest) = match outside.find('[') {
                            Some(open) => (
                                &outside[..open],
                                outside[open..]
                                    .find(']')
                                    .map_or("", |c| &outside[open + c + 1..]),
                            ),
                            None => (outside, ""),
                        };
                        out.extend(
                            part.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                                .filter(|word| !word.is_empty()),
                        );
                        outside = rest;
                    }
                }
                identifiers_of(inner, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| identifiers_of(i, out)),
        _ => {}
    }
}

/// `#[repeat(for n in 1..=3)]`, or with further variables
/// `#[repeat(for (n, the_cidr_block) in [(1, "…"), …])]`.
fn header(numbers: &[i64], extra: &[(String, Vec<Value>)]) -> String {
    let consecutive = numbers.windows(2).all(|w| w[1] == w[0] + 1);
    if extra.is_empty() {
        if consecutive {
            return format!(
                "#[repeat(for {VARIABLE} in {}..={})]",
                numbers[0],
                numbers[numbers.len() - 1]
            );
        }
        let list: Vec<String> = numbers.iter().map(i64::to_string).collect();
        return format!("#[repeat(for {VARIABLE} in [{}])]", list.join(", "));
    }
    let names: Vec<&str> = std::iter::once(VARIABLE)
        .chain(extra.iter().map(|(name, _)| name.as_str()))
        .collect();
    let rows: Vec<String> = numbers
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let values: Vec<String> = std::iter::once(n.to_string())
                .chain(extra.iter().map(|(_, values)| match &values[i] {
                    Value::String(s) => render::string(s),
                    other => other.to_string(),
                }))
                .collect();
            format!("({})", values.join(", "))
        })
        .collect();
    let one_line = format!(
        "#[repeat(for ({}) in [{}])]",
        names.join(", "),
        rows.join(", ")
    );
    if one_line.len() <= render::WIDTH {
        return one_line;
    }
    let mut text = format!("#[repeat(for ({}) in [\n", names.join(", "));
    for row in rows {
        text.push_str("    ");
        text.push_str(&row);
        text.push_str(",\n");
    }
    text.push_str("])]");
    text
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Any value: differing literals may become loop variables.
    Value,
    /// A `Fn::Sub` template: only `${n}` and `${Name[n]}`.
    Sub,
    /// Logical ids (`Ref`, `DependsOn`): only `Name[n]`.
    Name,
}

struct Unifier<'a> {
    numbers: &'a [i64],
    groups: &'a [(&'a str, &'a [i64])],
    extra: Vec<(String, Vec<Value>)>,
}

fn marker(name: &str) -> Value {
    let mut map = Map::new();
    map.insert(LOOP_VARIABLE.to_owned(), Value::String(name.to_owned()));
    Value::Object(map)
}

impl Unifier<'_> {
    /// The value with loop variables that gives each of `values` in its row.
    fn unify(&mut self, values: &[&Value], key: &str, mode: Mode) -> Option<Value> {
        if values.iter().all(|v| *v == values[0]) && !contains_variable(values[0]) {
            return Some(values[0].clone());
        }
        match values[0] {
            Value::Object(first) => {
                let objects: Vec<&Map<String, Value>> = values
                    .iter()
                    .map(|v| v.as_object())
                    .collect::<Option<_>>()?;
                if objects.iter().any(|o| !o.keys().eq(first.keys())) {
                    return None;
                }
                let mut out = Map::new();
                for name in first.keys() {
                    let inner: Vec<&Value> = objects.iter().map(|o| &o[name]).collect();
                    let mode = match name.as_str() {
                        "Ref" | "DependsOn" | "Fn::GetAtt" => Mode::Name,
                        "Fn::Sub" => Mode::Sub,
                        _ if mode == Mode::Value => Mode::Value,
                        _ => mode,
                    };
                    let inner_key = if name.starts_with("Fn::") || name == "Ref" {
                        key
                    } else {
                        name
                    };
                    out.insert(name.clone(), self.unify(&inner, inner_key, mode)?);
                }
                Some(Value::Object(out))
            }
            Value::Array(first) => {
                let arrays: Vec<&Vec<Value>> =
                    values.iter().map(|v| v.as_array()).collect::<Option<_>>()?;
                if arrays.iter().any(|a| a.len() != first.len()) {
                    return None;
                }
                let mut out = Vec::new();
                for i in 0..first.len() {
                    let inner: Vec<&Value> = arrays.iter().map(|a| &a[i]).collect();
                    out.push(self.unify(&inner, key, mode)?);
                }
                Some(Value::Array(out))
            }
            Value::String(_) => {
                let strings: Vec<&str> =
                    values.iter().map(|v| v.as_str()).collect::<Option<_>>()?;
                self.strings(&strings, key, mode)
            }
            Value::Number(_) if mode == Mode::Value => {
                let numbers: Vec<i64> = values.iter().map(|v| v.as_i64()).collect::<Option<_>>()?;
                if numbers == self.numbers {
                    return Some(marker(VARIABLE));
                }
                self.extra_variable(values, key)
            }
            _ => None,
        }
    }

    fn strings(&mut self, strings: &[&str], key: &str, mode: Mode) -> Option<Value> {
        if strings.iter().any(|s| s.contains("${n")) {
            return None;
        }
        if mode == Mode::Name {
            // `PublicSubnet1` in row 1: `PublicSubnet[n]`.
            let (base, ()) = self.group_of(strings)?;
            return Some(Value::String(format!("{base}[{VARIABLE}]")));
        }
        let templated: Vec<String> = strings
            .iter()
            .zip(self.numbers)
            .map(|(s, n)| self.template(s, *n))
            .collect();
        if templated.iter().all(|t| *t == templated[0]) {
            return Some(Value::String(templated[0].clone()));
        }
        if mode == Mode::Value {
            let owned: Vec<Value> = strings
                .iter()
                .map(|s| Value::String((*s).to_owned()))
                .collect();
            let refs: Vec<&Value> = owned.iter().collect();
            return self.extra_variable(&refs, key);
        }
        None
    }

    /// The group whose instance each string names in its row.
    fn group_of(&self, names: &[&str]) -> Option<(&str, ())> {
        self.groups.iter().find_map(|(base, _)| {
            names
                .iter()
                .zip(self.numbers)
                .all(|(name, n)| *name == format!("{base}{n}"))
                .then_some((*base, ()))
        })
    }

    /// `text` of row `n` with `${n}` for the suffix and `${Name[n]…}` for
    /// placeholders naming a group's instance.
    fn template(&self, text: &str, n: i64) -> String {
        let suffix = n.to_string();
        let mut out = String::new();
        let mut rest = text;
        loop {
            let (plain, placeholder) = match rest.find("${") {
                Some(start) => {
                    let after = &rest[start + 2..];
                    match after.find('}') {
                        Some(close) => (&rest[..start], Some(&after[..close])),
                        None => (rest, None),
                    }
                }
                None => (rest, None),
            };
            out.push_str(&replace_number(plain, &suffix));
            let Some(inner) = placeholder else {
                break;
            };
            let (name, attribute) = inner.split_once('.').map_or((inner, ""), |(a, b)| (a, b));
            let replaced = self.groups.iter().find_map(|(base, numbers)| {
                (numbers.contains(&n) && name == format!("{base}{n}")).then(|| {
                    if attribute.is_empty() {
                        format!("${{{base}[{VARIABLE}]}}")
                    } else {
                        format!("${{{base}[{VARIABLE}].{attribute}}}")
                    }
                })
            });
            if let Some(text) = replaced {
                out.push_str(&text);
            } else {
                out.push_str("${");
                out.push_str(inner);
                out.push('}');
            }
            rest = &rest[plain.len() + 2 + inner.len() + 1..];
        }
        out
    }

    /// A further loop variable with these values, named after `key`.
    fn extra_variable(&mut self, values: &[&Value], key: &str) -> Option<Value> {
        let owned: Vec<Value> = values.iter().map(|v| (*v).clone()).collect();
        let same_kind = owned.iter().all(Value::is_string) || owned.iter().all(Value::is_i64);
        if !same_kind {
            return None;
        }
        if let Some((name, _)) = self.extra.iter().find(|(_, v)| *v == owned) {
            return Some(marker(name));
        }
        if self.extra.len() >= MAX_EXTRA {
            return None;
        }
        let mut name = format!("the_{}", snake(key));
        while self.extra.iter().any(|(n, _)| *n == name) {
            name.push('_');
        }
        self.extra.push((name.clone(), owned));
        Some(marker(&name))
    }
}

/// `text` with each whole number equal to `suffix` replaced by `${n}`.
fn replace_number(text: &str, suffix: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with(suffix)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes
                .get(i + suffix.len())
                .is_none_or(|b| !b.is_ascii_digit())
        {
            out.push_str("${n}");
            i += suffix.len();
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn contains_variable(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains("${n"),
        Value::Array(items) => items.iter().any(contains_variable),
        Value::Object(map) => map.values().any(contains_variable),
        _ => false,
    }
}

/// `CidrBlock` as `cidr_block`, for a variable's name only.
fn snake(key: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = key.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower =
                i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let before_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if after_lower || (i > 0 && before_lower && chars[i - 1].is_ascii_uppercase()) {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(*c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbered_subnets_become_one_repeat() {
        let resources = json!({
            "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
            "Subnet1": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.1.0/24", "AvailabilityZone": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}}},
            "Subnet2": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.2.0/24", "AvailabilityZone": {"Fn::Select": [1, {"Fn::GetAZs": ""}]}}},
            "Subnet3": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.3.0/24", "AvailabilityZone": {"Fn::Select": [2, {"Fn::GetAZs": ""}]}}},
            "Assoc1": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {"SubnetId": {"Ref": "Subnet1"}, "RouteTableId": {"Ref": "Table"}}},
            "Assoc2": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {"SubnetId": {"Ref": "Subnet2"}, "RouteTableId": {"Ref": "Table"}}},
            "Assoc3": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {"SubnetId": {"Ref": "Subnet3"}, "RouteTableId": {"Ref": "Table"}}},
            "Other1": {"Type": "AWS::SNS::Topic"},
            "Other2": {"Type": "AWS::SQS::Queue"},
            "Other3": {"Type": "AWS::SQS::Queue"},
        });
        let groups = groups(resources.as_object().unwrap(), &[]);
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert_eq!(groups[0].base, "Subnet");
        assert_eq!(
            groups[0].header,
            "#[repeat(for (n, the_availability_zone) in [(1, 0), (2, 1), (3, 2)])]"
        );
        assert_eq!(
            groups[0].template["Properties"]["CidrBlock"],
            "10.0.${n}.0/24"
        );
        assert_eq!(groups[1].base, "Assoc");
        assert_eq!(groups[1].header, "#[repeat(for n in 1..=3)]");
        assert_eq!(
            groups[1].template["Properties"]["SubnetId"],
            json!({"Ref": "Subnet[n]"})
        );
    }

    #[test]
    fn two_or_unequal_resources_stay_apart() {
        let resources = json!({
            "A1": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 1}},
            "A2": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 2}},
            "B1": {"Type": "AWS::SQS::Queue", "Properties": {"FifoQueue": true}},
            "B2": {"Type": "AWS::SQS::Queue", "Properties": {"FifoQueue": false}},
            "B3": {"Type": "AWS::SQS::Queue", "Properties": {"FifoQueue": true}},
        });
        assert!(groups(resources.as_object().unwrap(), &[]).is_empty());
        assert_eq!(snake("VPCSecurityGroups"), "vpc_security_groups");
    }

    #[test]
    fn near_misses_stay_apart() {
        // The macro would name the instances `Queue1`, `Queue2`, `Queue3`.
        let zeros = json!({
            "Queue01": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 1}},
            "Queue02": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 2}},
            "Queue03": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 3}},
        });
        assert!(groups(zeros.as_object().unwrap(), &[]).is_empty());
        // A parameter named like the loop variable: the macro refuses it.
        let clash = json!({
            "Topic1": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "n"}, "DisplayName": "1"}},
            "Topic2": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "n"}, "DisplayName": "2"}},
            "Topic3": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "n"}, "DisplayName": "3"}},
        });
        assert!(groups(clash.as_object().unwrap(), &["n".to_owned()]).is_empty());
        // A string that names a further loop variable: the macro would
        // substitute `${the_bucket_name}`, which the template means as text.
        let text = json!({
            "Bucket1": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "a", "Tags": [{"Key": "k", "Value": "${the_bucket_name}"}]}},
            "Bucket2": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "b", "Tags": [{"Key": "k", "Value": "${the_bucket_name}"}]}},
            "Bucket3": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "c", "Tags": [{"Key": "k", "Value": "${the_bucket_name}"}]}},
        });
        assert!(groups(text.as_object().unwrap(), &[]).is_empty());
        // Without that text, the same buckets are one loop.
        let mut plain = text;
        for bucket in plain.as_object_mut().unwrap().values_mut() {
            bucket["Properties"]["Tags"][0]["Value"] = json!("v");
        }
        let found = groups(plain.as_object().unwrap(), &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].header,
            r#"#[repeat(for (n, the_bucket_name) in [(1, "a"), (2, "b"), (3, "c")])]"#
        );
    }

    #[test]
    fn instances_are_named_as_the_macro_names_them() {
        assert_eq!(suffix("7"), "7");
        assert_eq!(suffix("us-east-1a"), "UsEast1a");
        assert_eq!(suffix("-1"), "Minus1");
        assert_eq!(suffix("--"), "");
        let resources = json!({
            "Subnet1": {"Type": "AWS::EC2::Subnet", "Properties": {"CidrBlock": "10.0.1.0/24"}},
            "Subnet2": {"Type": "AWS::EC2::Subnet", "Properties": {"CidrBlock": "10.0.2.0/24"}},
            "Subnet3": {"Type": "AWS::EC2::Subnet", "Properties": {"CidrBlock": "10.0.3.0/24"}},
            "Route1": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "DependsOn": ["Subnet1"], "Properties": {"SubnetId": {"Fn::GetAtt": ["Subnet1", "SubnetId"]}, "RouteTableId": {"Fn::Sub": "${Subnet1}-1"}}},
            "Route2": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "DependsOn": ["Subnet2"], "Properties": {"SubnetId": {"Fn::GetAtt": ["Subnet2", "SubnetId"]}, "RouteTableId": {"Fn::Sub": "${Subnet2}-2"}}},
            "Route3": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "DependsOn": ["Subnet3"], "Properties": {"SubnetId": {"Fn::GetAtt": ["Subnet3", "SubnetId"]}, "RouteTableId": {"Fn::Sub": "${Subnet3}-3"}}},
        });
        let resources = resources.as_object().unwrap();
        let found = groups(resources, &[]);
        assert_eq!(found.len(), 2, "{found:?}");
        let route = &found[1];
        assert_eq!(
            route.template["Properties"]["RouteTableId"],
            json!({"Fn::Sub": "${Subnet[n]}-${n}"})
        );
        for (i, member) in route.members.iter().enumerate() {
            let row = vec![(VARIABLE.to_owned(), json!(i + 1))];
            assert_eq!(format!("Route{}", suffix(&value_text(&row[0].1))), *member);
            assert_eq!(expand(&route.template, &row), resources[member]);
        }
    }
}
