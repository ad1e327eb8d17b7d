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
//! Anything else that differs leaves the resources as they are.

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
                found.push(Group {
                    base: base.clone(),
                    members: members.clone(),
                    header: header(numbers, &unifier.extra),
                    template,
                });
            }
        }
        if found.len() == candidates.len() {
            return found;
        }
        candidates.retain(|(base, _, _)| found.iter().any(|g| g.base == *base));
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
}
