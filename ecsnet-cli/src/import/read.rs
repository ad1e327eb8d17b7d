//! Reading a template: JSON with `serde_json`, YAML with `saphyr-parser`'s
//! event stream, short-form tags (`!Ref`, `!GetAtt a.b`, `!Sub`, …) turned
//! into the long form (`{"Ref": …}`, `{"Fn::GetAtt": ["a", "b"]}`,
//! `{"Fn::Sub": …}`), so the rest of the importer sees one JSON shape.

use saphyr_parser::{Event, Parser, ScalarStyle, Tag};
use serde_json::{Map, Number, Value};
use std::collections::HashMap;

/// The most YAML events a template may have: a template is at most 1 MB,
/// and an alias may not expand into more than this many values in total.
const MAX_VALUES: usize = 2_000_000;

/// Reads a template: JSON when it starts with `{`, YAML otherwise.
///
/// # Errors
///
/// A message naming the line when the text is neither.
pub fn template(text: &str) -> Result<Value, String> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        serde_json::from_str(trimmed).map_err(|e| format!("not valid JSON: {e}"))
    } else {
        yaml(trimmed)
    }
}

/// Reads one YAML document into JSON values, with CloudFormation's short
/// forms expanded.
///
/// # Errors
///
/// A message with the line and column of a YAML syntax error.
pub fn yaml(text: &str) -> Result<Value, String> {
    let mut reader = Reader {
        parser: Parser::new_from_str(text),
        anchors: HashMap::new(),
        values: 0,
    };
    loop {
        match reader.next()? {
            Event::StreamStart | Event::DocumentStart(_) => {}
            Event::StreamEnd => return Ok(Value::Null),
            event => return reader.node(event),
        }
    }
}

struct Reader<'a> {
    parser: Parser<'a, saphyr_parser::StrInput<'a>>,
    anchors: HashMap<usize, Value>,
    values: usize,
}

impl<'a> Reader<'a> {
    fn next(&mut self) -> Result<Event<'a>, String> {
        match self.parser.next_event() {
            Some(Ok((event, _))) => Ok(event),
            Some(Err(error)) => Err(format!("not valid YAML: {error}")),
            None => Err("not valid YAML: unexpected end".to_owned()),
        }
    }

    fn count(&mut self, n: usize) -> Result<(), String> {
        self.values += n;
        if self.values > MAX_VALUES {
            return Err(format!(
                "the template expands to more than {MAX_VALUES} values (through YAML aliases)"
            ));
        }
        Ok(())
    }

    /// The value that starts with `event`.
    fn node(&mut self, event: Event<'a>) -> Result<Value, String> {
        self.count(1)?;
        let (value, anchor, tag) = match event {
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.map(std::borrow::Cow::into_owned);
                let value = if style == ScalarStyle::Plain && tag.is_none() {
                    plain_scalar(&text)
                } else {
                    Value::String(text.into_owned())
                };
                (value, anchor, tag)
            }
            Event::SequenceStart(anchor, tag) => {
                let mut items = Vec::new();
                loop {
                    match self.next()? {
                        Event::SequenceEnd => break,
                        event => items.push(self.node(event)?),
                    }
                }
                (
                    Value::Array(items),
                    anchor,
                    tag.map(std::borrow::Cow::into_owned),
                )
            }
            Event::MappingStart(anchor, tag) => {
                let mut map = Map::new();
                loop {
                    let key = match self.next()? {
                        Event::MappingEnd => break,
                        event => self.node(event)?,
                    };
                    let key = match key {
                        Value::String(s) => s,
                        Value::Null => "null".to_owned(),
                        other => other.to_string(),
                    };
                    let event = self.next()?;
                    let value = self.node(event)?;
                    map.insert(key, value);
                }
                (
                    Value::Object(map),
                    anchor,
                    tag.map(std::borrow::Cow::into_owned),
                )
            }
            Event::Alias(id) => {
                let value = self
                    .anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| "not valid YAML: an alias names no anchor".to_owned())?;
                self.count(size(&value))?;
                return Ok(value);
            }
            other => return Err(format!("not valid YAML: unexpected {other:?}")),
        };
        let value = match tag {
            Some(tag) => tagged(&tag, value)?,
            None => value,
        };
        if anchor > 0 {
            self.anchors.insert(anchor, value.clone());
        }
        Ok(value)
    }
}

/// How many values a value holds, itself included.
fn size(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(size).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(size).sum::<usize>(),
        _ => 1,
    }
}

/// The long form of a tagged value: `!Ref x` is `{"Ref": "x"}`, `!GetAtt a.b`
/// is `{"Fn::GetAtt": ["a", "b"]}`, `!Condition c` is `{"Condition": "c"}`,
/// and any other `!Name v` is `{"Fn::Name": v}`. The core schema's `!!str`,
/// `!!int`, … convert the value.
fn tagged(tag: &Tag, value: Value) -> Result<Value, String> {
    if tag.handle == "!!" || tag.handle == "tag:yaml.org,2002:" {
        return Ok(match (tag.suffix.as_str(), value) {
            ("str", Value::String(s)) => Value::String(s),
            ("str", other) => Value::String(other.to_string()),
            ("int" | "float" | "bool" | "null", Value::String(s)) => plain_scalar(&s),
            (_, other) => other,
        });
    }
    if tag.handle != "!" {
        return Err(format!("unknown YAML tag `{}{}`", tag.handle, tag.suffix));
    }
    let name = tag.suffix.as_str();
    let long = match name {
        "Ref" | "Condition" => name.to_owned(),
        _ => format!("Fn::{name}"),
    };
    let value = match (name, value) {
        ("GetAtt", Value::String(path)) => match path.split_once('.') {
            Some((resource, attribute)) => Value::Array(vec![
                Value::String(resource.to_owned()),
                Value::String(attribute.to_owned()),
            ]),
            None => Value::String(path),
        },
        // `!GetAZs` with no value, as `!GetAZs ''` means.
        ("GetAZs", Value::Null) => Value::String(String::new()),
        (_, value) => value,
    };
    let mut map = Map::new();
    map.insert(long, value);
    Ok(Value::Object(map))
}

/// A plain (unquoted, untagged) scalar, resolved by the YAML 1.2 core schema:
/// `null`, `~` and nothing are null, `true`/`false` booleans, decimal,
/// octal (`0o`) and hexadecimal (`0x`) integers and decimals numbers; the rest
/// strings. One exception: CloudFormation reads YAML 1.1 booleans ("supports
/// the YAML Version 1.1 specification", as cfn-lint's reader does), so a
/// plain `Yes`, `No`, `On` or `Off` is a boolean, which CloudFormation turns
/// into `"true"` or `"false"` where a string belongs. AWS's own samples write
/// `AllowedValues: [Yes, No]` and compare with `Yes`: both read as `true`.
pub fn plain_scalar(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => {
            return Value::Bool(true);
        }
        "false" | "False" | "FALSE" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => {
            return Value::Bool(false);
        }
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = text.parse::<i64>() {
            return Value::Number(n.into());
        }
        if let Ok(n) = text.trim_start_matches('+').parse::<u64>() {
            return Value::Number(n.into());
        }
    }
    if let Some(hex) = text.strip_prefix("0x")
        && let Ok(n) = i64::from_str_radix(hex, 16)
    {
        return Value::Number(n.into());
    }
    if let Some(oct) = text.strip_prefix("0o")
        && let Ok(n) = i64::from_str_radix(oct, 8)
    {
        return Value::Number(n.into());
    }
    if is_decimal(text)
        && let Ok(n) = text.parse::<f64>()
        && let Some(n) = Number::from_f64(n)
    {
        return Value::Number(n);
    }
    Value::String(text.to_owned())
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
fn is_decimal(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(f) => all_digits(whole) && all_digits(f) && !(whole.is_empty() && f.is_empty()),
        None => !whole.is_empty() && all_digits(whole),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn short_forms_become_the_long_form() {
        let value = yaml(
            "a: !Ref X\nb: !GetAtt R.Endpoint.Address\nc: !Sub '${AWS::Region}a'\n\
             d: !Join [',', [x, !Ref Y]]\ne: !Equals [!Ref Env, prod]\nf: !Condition IsProd\n\
             g: !GetAZs ''\nh: !Select [0, !GetAZs '']\n",
        )
        .unwrap();
        assert_eq!(
            value,
            json!({
                "a": {"Ref": "X"},
                "b": {"Fn::GetAtt": ["R", "Endpoint.Address"]},
                "c": {"Fn::Sub": "${AWS::Region}a"},
                "d": {"Fn::Join": [",", ["x", {"Ref": "Y"}]]},
                "e": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
                "f": {"Condition": "IsProd"},
                "g": {"Fn::GetAZs": ""},
                "h": {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
            })
        );
    }

    #[test]
    fn scalars_follow_the_core_schema_and_quotes_keep_strings() {
        let value = yaml(
            "a: 8000\nb: '8000'\nc: 0.5\nd: true\ne: ~\nf: 2010-09-09\ng: -1\nh: |\n  line\n\
                  i: Yes\nj: 'No'\nk: off\nl: y\n",
        )
        .unwrap();
        assert_eq!(
            value,
            json!({"a": 8000, "b": "8000", "c": 0.5, "d": true, "e": null, "f": "2010-09-09", "g": -1, "h": "line\n",
                   "i": true, "j": "No", "k": false, "l": "y"})
        );
    }

    #[test]
    fn anchors_and_json() {
        assert_eq!(
            yaml("a: &x [1, 2]\nb: *x\n").unwrap(),
            json!({"a": [1, 2], "b": [1, 2]})
        );
        assert_eq!(template("{\"a\": [1]}").unwrap(), json!({"a": [1]}));
        assert!(template("a: [1\n").is_err());
    }
}
