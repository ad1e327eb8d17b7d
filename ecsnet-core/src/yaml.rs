//! YAML output in CloudFormation's short form.
//!
//! The emitter is hand-written so that ecsnet-core needs no YAML crate, and
//! so that the output is exactly what a person would write: block style, two
//! spaces of indentation, keys in template order, and intrinsic functions as
//! tags (`!Ref Name`, `!GetAtt Database.Endpoint.Address`, `!Sub |`).
//!
//! Scalars are written plain only when every YAML 1.1 and 1.2 parser reads
//! them back as the same string. YAML 1.1 parsers (cfn-lint, the AWS CLI)
//! resolve `yes`, `on`, `1_000`, `0o7` or `2012-10-17` to booleans, numbers
//! and dates, so such strings are double-quoted, with JSON's escapes; so are
//! strings in flow sequences with `:` or `,[]{}`, as in AWS's own examples
//! (`!Select [0, !Ref "AWS::Region"]`). Strings with line breaks become
//! literal block scalars (`|`, `|-`, `|+`) unless a block scalar cannot carry
//! them exactly: carriage returns, control characters and Unicode line
//! separators need the escapes of a double-quoted scalar.
//!
//! A mapping key longer than YAML's limit for implicit keys (1024
//! characters) is written as an explicit key: `? key` on one line, then
//! `: value`.
//!
//! `tests/yaml_pyyaml_check.py` checks the output with Python's YAML
//! loaders, cfn-lint's included; the tests here write their templates out
//! for it when `ECSNET_YAML_DUMP_DIR` is set.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::template::Template;
use crate::value::{Intrinsic, Map, Value};

/// The widest line a flow sequence (`!Select [0, !GetAZs ""]`) may end at;
/// an intrinsic function whose arguments do not fit is written as a block
/// sequence instead.
const WIDTH: usize = 80;

/// The longest implicit key (`key: value`) YAML allows, in characters,
/// from the key's first character to the `:`. The written key's length is
/// compared in bytes, which is never less than its length in characters,
/// so that the key stays within the limit whichever a parser counts.
const MAX_IMPLICIT_KEY: usize = 1024;

impl Template {
    /// The template as YAML, with intrinsic functions in the short form
    /// (`!Ref`, `!Sub`), ending with a newline.
    #[must_use]
    pub fn to_yaml(&self) -> String {
        self.to_value().to_yaml()
    }
}

impl Value {
    /// The value as a YAML document, with intrinsic functions in the short
    /// form (`!Ref`, `!Sub`), ending with a newline.
    ///
    /// Non-finite numbers are written as `null`, as in the JSON output,
    /// since CloudFormation has no way to express them.
    #[must_use]
    pub fn to_yaml(&self) -> String {
        let mut emitter = Emitter { out: String::new() };
        emitter.root(&Node::from_value(self));
        emitter.out
    }
}

/// A value prepared for YAML: intrinsic functions have become tagged nodes.
struct Node<'a> {
    /// The short-form tag without its `!`, such as `Ref`; only ever set on
    /// strings, sequences and mappings (see [`Node::unary`]).
    tag: Option<&'static str>,
    kind: Kind<'a>,
}

enum Kind<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Cow<'a, str>),
    Seq(Vec<Node<'a>>),
    Map(Vec<(&'a str, Node<'a>)>),
}

impl<'a> Node<'a> {
    fn plain(kind: Kind<'a>) -> Node<'a> {
        Node { tag: None, kind }
    }

    fn tagged(tag: &'static str, kind: Kind<'a>) -> Node<'a> {
        Node {
            tag: Some(tag),
            kind,
        }
    }

    fn str(text: &'a str) -> Node<'a> {
        Node::plain(Kind::Str(Cow::Borrowed(text)))
    }

    fn map(map: &'a Map) -> Kind<'a> {
        Kind::Map(
            map.iter()
                .map(|(key, value)| (key.as_ref(), Node::from_value(value)))
                .collect(),
        )
    }

    fn from_value(value: &'a Value) -> Node<'a> {
        match value {
            Value::Null => Node::plain(Kind::Null),
            Value::Bool(b) => Node::plain(Kind::Bool(*b)),
            Value::Int(n) => Node::plain(Kind::Int(*n)),
            Value::Float(n) => Node::plain(Kind::Float(*n)),
            Value::String(s) => Node::str(s),
            Value::List(items) => {
                Node::plain(Kind::Seq(items.iter().map(Node::from_value).collect()))
            }
            Value::Object(map) => Node::plain(Node::map(map)),
            Value::Intrinsic(intrinsic) => Node::intrinsic(intrinsic),
        }
    }

    fn intrinsic(intrinsic: &'a Intrinsic) -> Node<'a> {
        let seq = |values: &[&'a Value]| {
            Kind::Seq(values.iter().map(|value| Node::from_value(value)).collect())
        };
        let named = |name: &'a str, value: &'a Value| {
            Kind::Seq(vec![Node::str(name), Node::from_value(value)])
        };
        match intrinsic {
            Intrinsic::Ref(name) => Node::tagged("Ref", Kind::Str(Cow::Borrowed(name))),
            Intrinsic::Condition(name) => Node::tagged("Condition", Kind::Str(Cow::Borrowed(name))),
            // The scalar form splits at the first dot, so it only works for
            // a resource name without dots; the attribute may have any.
            Intrinsic::GetAtt(resource, attribute) if !resource.contains('.') => Node::tagged(
                "GetAtt",
                Kind::Str(Cow::Owned(format!("{resource}.{attribute}"))),
            ),
            Intrinsic::GetAtt(resource, attribute) => Node::tagged(
                "GetAtt",
                Kind::Seq(vec![Node::str(resource), Node::str(attribute)]),
            ),
            Intrinsic::Sub(template, None) => {
                Node::tagged("Sub", Kind::Str(Cow::Borrowed(template)))
            }
            Intrinsic::Sub(template, Some(vars)) => Node::tagged(
                "Sub",
                Kind::Seq(vec![Node::str(template), Node::plain(Node::map(vars))]),
            ),
            Intrinsic::Select(index, list) => Node::tagged("Select", seq(&[index, list])),
            Intrinsic::Join(delimiter, list) => Node::tagged("Join", named(delimiter, list)),
            Intrinsic::Split(delimiter, text) => Node::tagged("Split", named(delimiter, text)),
            Intrinsic::Base64(value) => Node::unary("Fn::Base64", "Base64", value),
            Intrinsic::ImportValue(value) => Node::unary("Fn::ImportValue", "ImportValue", value),
            Intrinsic::GetAzs(value) => Node::unary("Fn::GetAZs", "GetAZs", value),
            Intrinsic::Cidr(block, count, bits) => Node::tagged("Cidr", seq(&[block, count, bits])),
            Intrinsic::FindInMap(map, top, second) => {
                Node::tagged("FindInMap", seq(&[map, top, second]))
            }
            Intrinsic::FindInMapWithDefault(map, top, second, default) => Node::tagged(
                "FindInMap",
                Kind::Seq(vec![
                    Node::from_value(map),
                    Node::from_value(top),
                    Node::from_value(second),
                    Node::plain(Kind::Map(vec![("DefaultValue", Node::from_value(default))])),
                ]),
            ),
            // No short form: the language extensions define only the long one.
            Intrinsic::Length(value) => {
                Node::plain(Kind::Map(vec![("Fn::Length", Node::from_value(value))]))
            }
            Intrinsic::ToJsonString(value) => Node::plain(Kind::Map(vec![(
                "Fn::ToJsonString",
                Node::from_value(value),
            )])),
            Intrinsic::If(condition, yes, no) => Node::tagged(
                "If",
                Kind::Seq(vec![
                    Node::str(condition),
                    Node::from_value(yes),
                    Node::from_value(no),
                ]),
            ),
            Intrinsic::Equals(a, b) => Node::tagged("Equals", seq(&[a, b])),
            Intrinsic::And(values) => Node::tagged("And", Node::plain_seq(values)),
            Intrinsic::Or(values) => Node::tagged("Or", Node::plain_seq(values)),
            Intrinsic::Not(value) => Node::tagged("Not", seq(&[value])),
        }
    }

    fn plain_seq(values: &'a [Value]) -> Kind<'a> {
        Kind::Seq(values.iter().map(Node::from_value).collect())
    }

    /// A function whose argument is a single value, such as `Fn::Base64`.
    fn unary(long: &'static str, short: &'static str, value: &'a Value) -> Node<'a> {
        let argument = Node::from_value(value);
        match (argument.tag, argument.kind) {
            (None, kind @ (Kind::Str(_) | Kind::Seq(_) | Kind::Map(_))) => {
                Node::tagged(short, kind)
            }
            // YAML allows one tag per node, so `!Base64 !Sub …` is not an
            // option, and a tag on a number or boolean would make it a string:
            // the long form `Fn::Base64: !Sub …` keeps the argument as it is.
            (tag, kind) => Node::plain(Kind::Map(vec![(long, Node { tag, kind })])),
        }
    }
}

/// How a node is laid out after `key:` or `- `.
enum Layout<'n, 'a> {
    /// On the same line, such as `!Ref Name` or `"yes"`.
    Line(String),
    /// A literal block scalar, with an optional tag before its header.
    Literal {
        tag: Option<&'static str>,
        text: &'n str,
    },
    /// A block sequence on the following lines.
    Seq {
        tag: Option<&'static str>,
        items: &'n [Node<'a>],
    },
    /// A block mapping on the following lines.
    Map {
        tag: Option<&'static str>,
        entries: &'n [(&'a str, Node<'a>)],
    },
}

/// Whether a node is written after `key:` or after `- `: a block collection
/// after a dash starts on the dash's line (`- - a`, `- Key: a`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    Key,
    Dash,
}

struct Emitter {
    out: String,
}

impl Emitter {
    /// The column the next character goes to.
    fn column(&self) -> usize {
        self.out.len() - self.out.rfind('\n').map_or(0, |i| i + 1)
    }

    fn indent(&mut self, indent: usize) {
        self.out.extend(std::iter::repeat_n(' ', indent));
    }

    fn root(&mut self, node: &Node<'_>) {
        match layout(node, WIDTH) {
            Layout::Line(text) => self.out.push_str(&text),
            // A block scalar at the root has no parent indentation for the
            // indentation indicator to count from; quoting is simpler.
            Layout::Literal { tag, text } => {
                self.out.push_str(&with_tag(tag, quote(text)));
            }
            Layout::Seq { tag, items } => {
                self.tag_line(tag);
                self.seq(items, 0, false);
                return;
            }
            Layout::Map { tag, entries } => {
                self.tag_line(tag);
                self.map(entries, 0, false);
                return;
            }
        }
        self.out.push('\n');
    }

    fn tag_line(&mut self, tag: Option<&'static str>) {
        if let Some(tag) = tag {
            self.out.push('!');
            self.out.push_str(tag);
            self.out.push('\n');
        }
    }

    /// Writes a node after `key:` or `- `; `indent` is the column of the key
    /// or the dash, and nested lines go two columns further in.
    fn value(&mut self, node: &Node<'_>, indent: usize, after: After) {
        let space = if after == After::Key { " " } else { "" };
        let room = WIDTH.saturating_sub(self.column() + space.len());
        match layout(node, room) {
            Layout::Line(text) => {
                self.out.push_str(space);
                self.out.push_str(&text);
                self.out.push('\n');
            }
            Layout::Literal { tag, text } => {
                self.out.push_str(space);
                if let Some(tag) = tag {
                    self.out.push('!');
                    self.out.push_str(tag);
                    self.out.push(' ');
                }
                self.literal(text, indent + 2);
            }
            Layout::Seq { tag: None, items } if after == After::Dash => {
                self.seq(items, indent + 2, true);
            }
            Layout::Map { tag: None, entries } if after == After::Dash => {
                self.map(entries, indent + 2, true);
            }
            Layout::Seq { tag, items } => {
                self.collection_header(space, tag);
                self.seq(items, indent + 2, false);
            }
            Layout::Map { tag, entries } => {
                self.collection_header(space, tag);
                self.map(entries, indent + 2, false);
            }
        }
    }

    fn collection_header(&mut self, space: &str, tag: Option<&'static str>) {
        if let Some(tag) = tag {
            self.out.push_str(space);
            self.out.push('!');
            self.out.push_str(tag);
        }
        self.out.push('\n');
    }

    /// A block sequence at column `indent`; `positioned` when the first dash
    /// goes where the output already is (after an outer `- `).
    fn seq(&mut self, items: &[Node<'_>], indent: usize, positioned: bool) {
        for (i, item) in items.iter().enumerate() {
            if i > 0 || !positioned {
                self.indent(indent);
            }
            self.out.push_str("- ");
            self.value(item, indent, After::Dash);
        }
    }

    /// A block mapping at column `indent`; `positioned` as for [`Emitter::seq`].
    fn map(&mut self, entries: &[(&str, Node<'_>)], indent: usize, positioned: bool) {
        for (i, (key, value)) in entries.iter().enumerate() {
            if i > 0 || !positioned {
                self.indent(indent);
            }
            let key: Cow<'_, str> = if needs_quotes(key, false) {
                Cow::Owned(quote(key))
            } else {
                Cow::Borrowed(key)
            };
            if key.len() > MAX_IMPLICIT_KEY {
                // A longer key is an explicit key, `? key` and then `: value`
                // at the same indentation: an implicit one does not parse.
                self.out.push_str("? ");
                self.out.push_str(&key);
                self.out.push('\n');
                self.indent(indent);
            } else {
                self.out.push_str(&key);
            }
            self.out.push(':');
            self.value(value, indent, After::Key);
        }
    }

    /// A literal block scalar whose lines start at column `indent`, two
    /// columns right of its parent, which the indentation indicator counts from.
    fn literal(&mut self, text: &str, indent: usize) {
        self.out.push('|');
        // Without an indicator the parser takes the first non-empty line's
        // indentation as the block's, so leading spaces there would be lost;
        // libyaml (cfn-lint) also rejects a leading tab there.
        if text
            .split('\n')
            .find(|line| !line.is_empty())
            .is_some_and(|line| line.starts_with([' ', '\t']))
        {
            self.out.push('2');
        }
        let body = match text.strip_suffix('\n') {
            // Strip: no final line break.
            None => {
                self.out.push('-');
                text
            }
            // Keep: the final line breaks are all content.
            Some(body) if body.ends_with('\n') => {
                self.out.push('+');
                body
            }
            // Clip: exactly one final line break.
            Some(body) => body,
        };
        self.out.push('\n');
        for line in body.split('\n') {
            // Empty lines carry no indentation, so the output has no
            // trailing spaces of its own.
            if !line.is_empty() {
                self.indent(indent);
                self.out.push_str(line);
            }
            self.out.push('\n');
        }
    }
}

/// Chooses the layout of a node; `room` is how many columns a one-line
/// flow sequence may take.
fn layout<'n, 'a>(node: &'n Node<'a>, room: usize) -> Layout<'n, 'a> {
    let tag = node.tag;
    let text = match &node.kind {
        Kind::Str(text) if literal_fits(text) => return Layout::Literal { tag, text },
        Kind::Seq(items) if !items.is_empty() => {
            // Intrinsic functions read best in flow style
            // (`!Join ["", [a, b]]`); plain lists stay in block style.
            if tag.is_some()
                && let Some(line) = flow(node).filter(|line| line.len() <= room)
            {
                return Layout::Line(line);
            }
            return Layout::Seq { tag, items };
        }
        Kind::Map(entries) if !entries.is_empty() => return Layout::Map { tag, entries },
        Kind::Seq(_) => "[]".to_owned(),
        Kind::Map(_) => "{}".to_owned(),
        Kind::Str(text) if needs_quotes(text, false) => quote(text),
        Kind::Str(text) => text.to_string(),
        Kind::Null => "null".to_owned(),
        Kind::Bool(b) => b.to_string(),
        Kind::Int(n) => n.to_string(),
        Kind::Float(n) => float(*n),
    };
    Layout::Line(with_tag(tag, text))
}

/// The node on one line in flow style, if it has no non-empty mapping.
fn flow(node: &Node<'_>) -> Option<String> {
    let text = match &node.kind {
        Kind::Seq(items) => {
            let items: Option<Vec<String>> = items.iter().map(flow).collect();
            format!("[{}]", items?.join(", "))
        }
        Kind::Map(entries) if entries.is_empty() => "{}".to_owned(),
        Kind::Map(_) => return None,
        Kind::Str(text) if needs_quotes(text, true) => quote(text),
        Kind::Str(text) => text.to_string(),
        Kind::Null => "null".to_owned(),
        Kind::Bool(b) => b.to_string(),
        Kind::Int(n) => n.to_string(),
        Kind::Float(n) => float(*n),
    };
    Some(with_tag(node.tag, text))
}

fn with_tag(tag: Option<&'static str>, text: String) -> String {
    match tag {
        Some(tag) => format!("!{tag} {text}"),
        None => text,
    }
}

/// A float that YAML 1.1 and 1.2 both read back as the same float: with a
/// decimal point, and with a signed exponent when there is one (`1.0e+20`;
/// YAML 1.1 reads `1e20` as a string).
fn float(n: f64) -> String {
    if !n.is_finite() {
        // serde_json writes `null` too.
        return "null".to_owned();
    }
    let magnitude = n.abs();
    if magnitude != 0.0 && !(1e-5..1e16).contains(&magnitude) {
        let exp = format!("{n:e}");
        let (mantissa, exponent) = exp.split_once('e').unwrap_or((&exp, "0"));
        let point = if mantissa.contains('.') { "" } else { ".0" };
        let sign = if exponent.starts_with('-') { "" } else { "+" };
        format!("{mantissa}{point}e{sign}{exponent}")
    } else if n.fract() == 0.0 {
        format!("{n:.1}")
    } else {
        // Display gives the shortest text that reads back as the same f64.
        n.to_string()
    }
}

/// Whether a string is written as a literal block scalar: it has several
/// lines, something visible on them, and nothing a block scalar cannot
/// hold: carriage returns, Unicode line separators and other control
/// characters need the escapes of a double-quoted scalar.
fn literal_fits(text: &str) -> bool {
    text.contains('\n')
        && text.chars().any(|c| c != '\n' && c != ' ')
        && !text
            .chars()
            .any(|c| c != '\n' && c != '\t' && needs_escape(c))
}

/// Whether a character must be escaped in a double-quoted scalar: it is
/// not printable in YAML, or YAML 1.1 takes it for a line break.
fn needs_escape(c: char) -> bool {
    c < ' '
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// Whether a string needs quotes to be read back as exactly that string,
/// inside a flow sequence (`flow`) or in block context.
///
/// This errs on the side of quoting: `"5fdbe62"` or `"1 minute"` would be
/// read back right unquoted, but telling them from `1_000` or
/// `2001-12-14 21:59:43.10 -5` is not worth the risk.
fn needs_quotes(text: &str, flow: bool) -> bool {
    let (Some(first), Some(last)) = (text.chars().next(), text.chars().last()) else {
        return true;
    };
    "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || first.is_whitespace()
        || last.is_whitespace()
        || last == ':'
        || text.contains(": ")
        || text.contains(" #")
        || text.chars().any(needs_escape)
        || (flow && text.contains([',', '[', ']', '{', '}', ':']))
        || is_reserved_word(text)
        || looks_numeric(text)
}

/// Booleans and nulls of YAML 1.1 and 1.2 in any case, the merge key `<<`
/// and the value key `=` of YAML 1.1.
fn is_reserved_word(text: &str) -> bool {
    const WORDS: [&str; 12] = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<", "=",
    ];
    WORDS.iter().any(|word| text.eq_ignore_ascii_case(word))
}

/// Anything that starts like a number (after an optional sign) and holds
/// nothing but the characters of YAML's numbers, sexagesimals, infinities,
/// NaNs and timestamps.
fn looks_numeric(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.:+- ".contains(c))
}

/// A double-quoted scalar with JSON's escapes, which YAML shares.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if needs_escape(c) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use indexmap::IndexMap;
    use serde_json::json;
    use yaml_rust2::parser::{Event, EventReceiver, Parser};
    use yaml_rust2::scanner::TScalarStyle;

    use super::*;
    use crate::template::{Output, Parameter, Resource};

    /// Strings that a careless emitter gets wrong.
    const TRICKY: &[&str] = &[
        "",
        " ",
        "  x",
        "x ",
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "off",
        "OFF",
        "y",
        "Y",
        "n",
        "N",
        "true",
        "True",
        "FALSE",
        "false",
        "null",
        "Null",
        "NULL",
        "nUlL",
        "~",
        "5.7",
        "8000",
        "-8000",
        "+8000",
        "0",
        "00",
        "007",
        "0x1F",
        "0X1f",
        "0o7",
        "0b101",
        "1_000",
        "1e3",
        "1E3",
        "1.0e+3",
        "1e-3",
        ".5",
        "5.",
        ".",
        "..",
        "...",
        ".inf",
        "-.inf",
        "+.Inf",
        ".NaN",
        ".nan",
        "NaN",
        "Infinity",
        "1:20",
        "190:20:30.15",
        "2012-10-17",
        "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5",
        "1.2.3.4",
        "5fdbe62",
        "1 minute",
        "-",
        "--",
        "---",
        "-x",
        "- x",
        "?",
        "? x",
        "?x",
        ":",
        ":x",
        "x:",
        "x::",
        "a: b",
        "a:b",
        "a :b",
        "a #b",
        "a#b",
        "#x",
        "&a",
        "*a",
        "!a",
        "!Ref x",
        "|",
        "|x",
        "> x",
        ">",
        "'q'",
        "it's",
        "\"d\"",
        "say \"hi\"",
        "%x",
        "@x",
        "`x",
        "[a]",
        "]",
        "{a}",
        "}",
        ",x",
        "a,b",
        "a[b]",
        "a{b}",
        "a}b",
        "arn:aws:s3:::bucket/*",
        "${AWS::StackName}-x",
        "Fn::GetAtt",
        "\tx",
        "a\tb",
        "a\\b",
        "\\",
        "é",
        "日本語",
        "emoji 😀",
        "\u{7f}",
        "a\u{85}b",
        "\u{a0}x",
        "a\u{2028}b",
        "\u{2029}",
        "\u{feff}x",
        "\u{1}",
        "\u{8}\u{c}\r",
        "<<",
        "=",
        "=x",
        "<<x",
        "10.0.0.0/16",
        "0.0.0.0/0",
        "ami-ec957491",
        "v1.0",
        "https://example.com/a?b=c#d",
        "C:\\path",
        "a  b",
        "x\u{fffe}",
    ];

    /// Multi-line strings: the block scalar cases and the ones that must fall
    /// back to double quotes.
    const MULTI_LINE: &[&str] = &[
        "a\nb",
        "a\nb\n",
        "a\nb\n\n",
        "a\nb\n\n\n",
        "\na",
        "\n\na\n",
        " a\nb",
        "  a\n b\n",
        "\n  a\nb",
        "a\n  b\n",
        "a \nb  \n",
        "a\n  \nb",
        "a\n  ",
        "a\n \n",
        "\ta\nb",
        "a\n\tb\n",
        "# not a comment\n---\n...\n- x\nkey: value\n",
        "\n",
        "\n\n",
        " \n ",
        "a\r\nb\r\n",
        "a\n\u{2028}b",
        "a\n\u{1}",
        "#!/bin/bash\nset -euo pipefail\necho \"${AWS::StackName}\" > /tmp/x\n",
    ];

    fn s(text: &'static str) -> Value {
        Value::from(text)
    }

    fn str_value(text: &str) -> Value {
        Value::String(Cow::Owned(text.to_owned()))
    }

    fn yaml(value: &Value) -> String {
        value.to_yaml()
    }

    // ---- scalars ----

    #[test]
    fn plain_strings_stay_plain() {
        for text in [
            "hello",
            "AWS::EC2::VPC",
            "ami-ec957491",
            "10.0.0.0/16",
            "arn:aws:s3:::bucket/*",
            "${AWS::StackName}-x",
            "it's",
            "a#b",
            "a:b",
            "v1.0",
            "日本語",
            "Fn::GetAtt",
            "a,b",
        ] {
            assert_eq!(yaml(&s(text)), format!("{text}\n"), "{text:?}");
        }
    }

    #[test]
    fn booleans_and_nulls_words_are_quoted_in_any_case() {
        for text in [
            "yes", "Yes", "YES", "no", "No", "on", "On", "off", "OFF", "y", "Y", "n", "N", "true",
            "True", "false", "FALSE", "null", "Null", "nUlL", "~",
        ] {
            assert_eq!(yaml(&s(text)), format!("\"{text}\"\n"), "{text:?}");
        }
    }

    #[test]
    fn numbers_and_dates_as_strings_are_quoted() {
        for text in [
            "5.7",
            "8000",
            "-8000",
            "+1",
            "0x1F",
            "1e3",
            ".inf",
            "-.inf",
            ".NaN",
            "0o7",
            "1_000",
            "2012-10-17",
            "1:20",
            "2001-12-14 21:59:43.10 -5",
            ".",
            "5fdbe62",
        ] {
            assert_eq!(yaml(&s(text)), format!("\"{text}\"\n"), "{text:?}");
        }
    }

    #[test]
    fn indicators_and_comment_markers_are_quoted() {
        for text in [
            "-", "-x", "? x", ":", "x:", "a: b", "a #b", "#x", "&a", "*a", "!a", "|", ">", "'q'",
            "%x", "@x", "`x", "[a]", "{a}", ",x", "<<", "=",
        ] {
            assert_eq!(yaml(&s(text)), format!("\"{text}\"\n"), "{text:?}");
        }
    }

    #[test]
    fn spaces_empty_and_control_characters_are_quoted_with_json_escapes() {
        assert_eq!(yaml(&s("")), "\"\"\n");
        assert_eq!(yaml(&s(" x")), "\" x\"\n");
        assert_eq!(yaml(&s("x ")), "\"x \"\n");
        assert_eq!(yaml(&s("a\tb")), "\"a\\tb\"\n");
        assert_eq!(yaml(&s("\u{1}\u{8}\u{c}\r")), "\"\\u0001\\b\\f\\r\"\n");
        assert_eq!(yaml(&s("say \"hi\" \\")), "say \"hi\" \\\n");
        assert_eq!(yaml(&s("\"hi\" \\")), "\"\\\"hi\\\" \\\\\"\n");
        assert_eq!(
            yaml(&s("a\u{2028}b\u{85}\u{7f}")),
            "\"a\\u2028b\\u0085\\u007f\"\n"
        );
        assert_eq!(yaml(&s("emoji 😀")), "emoji 😀\n");
    }

    #[test]
    fn numbers_booleans_and_null_are_plain() {
        assert_eq!(yaml(&Value::Int(8000)), "8000\n");
        assert_eq!(yaml(&Value::Int(-3)), "-3\n");
        assert_eq!(yaml(&Value::Bool(true)), "true\n");
        assert_eq!(yaml(&Value::Null), "null\n");
        assert_eq!(yaml(&Value::Float(5.7)), "5.7\n");
        assert_eq!(yaml(&Value::Float(1.0)), "1.0\n");
        assert_eq!(yaml(&Value::Float(-0.0)), "-0.0\n");
        assert_eq!(yaml(&Value::Float(1e20)), "1.0e+20\n");
        assert_eq!(yaml(&Value::Float(1.5e-7)), "1.5e-7\n");
        assert_eq!(yaml(&Value::Float(f64::NAN)), "null\n");
        assert_eq!(yaml(&Value::Float(f64::INFINITY)), "null\n");
    }

    #[test]
    fn flow_context_quotes_flow_indicators() {
        let value: Value = Intrinsic::Join(
            ",".into(),
            vec![s("a,b"), s("a:b"), s("[x]"), s("ok")].into(),
        )
        .into();
        assert_eq!(
            yaml(&value),
            "!Join [\",\", [\"a,b\", \"a:b\", \"[x]\", ok]]\n"
        );
    }

    #[test]
    fn keys_are_quoted_like_values() {
        let value = Value::object([
            ("yes", s("x")),
            ("a: b", s("why")),
            ("line\nbreak", s("z")),
            ("Plain", s("w")),
        ]);
        assert_eq!(
            yaml(&value),
            "\"yes\": x\n\"a: b\": why\n\"line\\nbreak\": z\nPlain: w\n"
        );
    }

    #[test]
    fn keys_longer_than_1024_characters_are_explicit() {
        let at_limit = "k".repeat(1024);
        assert_eq!(
            yaml(&Value::object([(at_limit.clone(), s("v"))])),
            format!("{at_limit}: v\n")
        );
        let long = "k".repeat(1025);
        assert_eq!(
            yaml(&Value::object([(long.clone(), s("v"))])),
            format!("? {long}\n: v\n")
        );
        // The quotes count: YAML's limit is on the key as written.
        let quoted = format!("yes{}", " ".repeat(1020));
        assert_eq!(
            yaml(&Value::object([(quoted.clone(), s("v"))])),
            format!("? \"{quoted}\"\n: v\n")
        );
        let nested = Value::object([(
            "Outer",
            vec![Value::object([
                (long.clone(), Value::object([("A", s("b"))])),
                (long.clone() + "2", s("x\ny")),
            ])]
            .into(),
        )]);
        assert_eq!(
            yaml(&nested),
            format!(
                "Outer:\n  - ? {long}\n    :\n      A: b\n    ? {long}2\n    : |-\n      x\n      y\n"
            )
        );
    }

    // ---- block scalars ----

    fn in_map(text: &'static str) -> String {
        yaml(&Value::object([("Key", s(text))]))
    }

    #[test]
    fn literal_block_chomping() {
        assert_eq!(in_map("a\nb"), "Key: |-\n  a\n  b\n");
        assert_eq!(in_map("a\nb\n"), "Key: |\n  a\n  b\n");
        assert_eq!(in_map("a\nb\n\n"), "Key: |+\n  a\n  b\n\n");
        assert_eq!(in_map("a\n\nb\n"), "Key: |\n  a\n\n  b\n");
    }

    #[test]
    fn literal_block_indentation_indicator_when_the_first_line_starts_with_a_space() {
        assert_eq!(in_map(" a\nb\n"), "Key: |2\n   a\n  b\n");
        assert_eq!(in_map("\n  a\nb"), "Key: |2-\n\n    a\n  b\n");
        assert_eq!(in_map("a\n  b\n"), "Key: |\n  a\n    b\n");
    }

    #[test]
    fn literal_block_keeps_tabs_and_trailing_spaces() {
        assert_eq!(in_map("\ta\nb \n"), "Key: |2\n  \ta\n  b \n");
        assert_eq!(in_map("a\n\tb"), "Key: |-\n  a\n  \tb\n");
    }

    #[test]
    fn strings_a_block_cannot_hold_are_double_quoted() {
        assert_eq!(in_map("a\r\nb"), "Key: \"a\\r\\nb\"\n");
        assert_eq!(in_map("a\n\u{2028}"), "Key: \"a\\n\\u2028\"\n");
        assert_eq!(in_map("\n\n"), "Key: \"\\n\\n\"\n");
        assert_eq!(in_map(" \n "), "Key: \" \\n \"\n");
        // At the root there is no parent indentation to count from.
        assert_eq!(yaml(&s("a\nb")), "\"a\\nb\"\n");
    }

    #[test]
    fn literal_block_in_sequences() {
        let value = Value::object([(
            "Items",
            vec![
                s(" a\nb\n"),
                Value::object([("Code", s("x\ny"))]),
                vec![s("p\nq\n")].into(),
            ]
            .into(),
        )]);
        assert_eq!(
            yaml(&value),
            "Items:\n  - |2\n     a\n    b\n  - Code: |-\n      x\n      y\n  - - |\n      p\n      q\n"
        );
    }

    // ---- collections and intrinsics ----

    #[test]
    fn empty_collections() {
        let value = Value::object([
            ("List", Value::List(vec![])),
            ("Map", Value::Object(Map::new())),
        ]);
        assert_eq!(yaml(&value), "List: []\nMap: {}\n");
    }

    #[test]
    fn nested_collections_are_block_style_with_two_spaces() {
        let value = Value::object([
            (
                "A",
                Value::object([(
                    "B",
                    vec![Value::Int(1), Value::object([("C", s("d")), ("E", s("f"))])].into(),
                )]),
            ),
            (
                "G",
                vec![vec![s("h"), s("i")].into(), Value::List(vec![])].into(),
            ),
        ]);
        assert_eq!(
            yaml(&value),
            "A:\n  B:\n    - 1\n    - C: d\n      E: f\nG:\n  - - h\n    - i\n  - []\n"
        );
    }

    #[test]
    fn short_forms() {
        let cases: Vec<(Value, &str)> = vec![
            (Value::reference("AWS::Region"), "!Ref AWS::Region"),
            (
                Value::get_att("Db", "Endpoint.Address"),
                "!GetAtt Db.Endpoint.Address",
            ),
            (Value::get_att("Odd.Name", "Arn"), "!GetAtt [Odd.Name, Arn]"),
            (
                Value::sub("${AWS::StackName}-db"),
                "!Sub ${AWS::StackName}-db",
            ),
            (
                Intrinsic::Select(Value::Int(0), Intrinsic::GetAzs(s("")).into()).into(),
                "!Select [0, !GetAZs \"\"]",
            ),
            (
                Intrinsic::Join(
                    String::new().into(),
                    vec![s("a"), Value::reference("B")].into(),
                )
                .into(),
                "!Join [\"\", [a, !Ref B]]",
            ),
            (
                Intrinsic::Split(",".into(), Value::reference("Subnets")).into(),
                "!Split [\",\", !Ref Subnets]",
            ),
            (Intrinsic::Base64(s("hello")).into(), "!Base64 hello"),
            (
                Intrinsic::ImportValue(s("shared-vpc")).into(),
                "!ImportValue shared-vpc",
            ),
            (
                Intrinsic::Cidr(s("10.0.0.0/16"), Value::Int(6), Value::Int(8)).into(),
                "!Cidr [10.0.0.0/16, 6, 8]",
            ),
            (
                Intrinsic::FindInMap(s("AMIs"), Value::reference("AWS::Region"), s("Id")).into(),
                // Like AWS's own examples, colons in flow sequences are quoted.
                "!FindInMap [AMIs, !Ref \"AWS::Region\", Id]",
            ),
            (
                Intrinsic::If(
                    "IsProd".into(),
                    Value::Int(3),
                    Value::reference("AWS::NoValue"),
                )
                .into(),
                "!If [IsProd, 3, !Ref \"AWS::NoValue\"]",
            ),
            (
                Intrinsic::Equals(Value::reference("Env"), s("prod")).into(),
                "!Equals [!Ref Env, prod]",
            ),
            (
                Intrinsic::And(vec![
                    Intrinsic::Condition("A".into()).into(),
                    Intrinsic::Condition("B".into()).into(),
                ])
                .into(),
                "!And [!Condition A, !Condition B]",
            ),
            (Intrinsic::Or(vec![]).into(), "!Or []"),
            (
                Intrinsic::Not(Intrinsic::Condition("A".into()).into()).into(),
                "!Not [!Condition A]",
            ),
            (Intrinsic::Condition("A".into()).into(), "!Condition A"),
            (Value::reference("yes"), "!Ref \"yes\""),
        ];
        for (value, expected) in cases {
            assert_eq!(
                yaml(&Value::object([("K", value)])),
                format!("K: {expected}\n")
            );
        }
    }

    #[test]
    fn sub_with_variables_is_a_block_sequence() {
        let mut vars = Map::new();
        vars.insert("Domain".into(), Value::reference("Domain"));
        let value = Value::object([(
            "K",
            Intrinsic::Sub("www.${Domain}".into(), Some(vars)).into(),
        )]);
        assert_eq!(
            yaml(&value),
            "K: !Sub\n  - www.${Domain}\n  - Domain: !Ref Domain\n"
        );
    }

    #[test]
    fn nested_tag_uses_the_long_form_outside() {
        let user_data: Value =
            Intrinsic::Base64(Value::sub("#!/bin/bash\necho ${AWS::Region}\n")).into();
        assert_eq!(
            yaml(&Value::object([("UserData", user_data)])),
            "UserData:\n  Fn::Base64: !Sub |\n    #!/bin/bash\n    echo ${AWS::Region}\n"
        );
        let import: Value = Intrinsic::ImportValue(Value::sub("${Network}-VpcId")).into();
        assert_eq!(
            yaml(&Value::object([("VpcId", import)])),
            "VpcId:\n  Fn::ImportValue: !Sub ${Network}-VpcId\n"
        );
        let azs: Value = Intrinsic::GetAzs(Value::reference("AWS::Region")).into();
        assert_eq!(
            yaml(&Value::List(vec![
                Intrinsic::Select(Value::Int(1), azs.clone()).into(),
                azs
            ])),
            "- !Select\n  - 1\n  - Fn::GetAZs: !Ref AWS::Region\n- Fn::GetAZs: !Ref AWS::Region\n"
        );
        // A tag on a number would turn it into a string.
        let number: Value = Intrinsic::Base64(Value::Int(1)).into();
        assert_eq!(yaml(&number), "Fn::Base64: 1\n");
    }

    #[test]
    fn long_flow_sequences_become_block_sequences() {
        let list: Vec<Value> = (0..12)
            .map(|i| str_value(&format!("element-{i}")))
            .collect();
        let value = Value::object([("K", Intrinsic::Join(",".into(), list.into()).into())]);
        let out = yaml(&value);
        assert!(
            out.starts_with("K: !Join\n  - \",\"\n  - - element-0\n    - element-1\n"),
            "{out}"
        );
        assert!(out.lines().all(|line| line.len() <= WIDTH));
    }

    #[test]
    fn tagged_block_collections_in_sequences() {
        let value: Value = vec![
            Intrinsic::Sub(
                "a ${X}".into(),
                Some(IndexMap::from([(Cow::Borrowed("X"), s("x"))])),
            )
            .into(),
        ]
        .into();
        assert_eq!(yaml(&value), "- !Sub\n  - a ${X}\n  - X: x\n");
    }

    // ---- round trip through a YAML parser that keeps tags ----

    /// Builds the JSON form of a YAML document from the parser's events,
    /// turning each short-form tag into its long form as CloudFormation
    /// does, and resolving plain scalars by YAML 1.2's core schema.
    #[derive(Default)]
    struct Reader {
        stack: Vec<(Option<String>, serde_json::Value, Option<String>)>,
        root: Option<serde_json::Value>,
        error: Option<String>,
    }

    fn long_form(tag: Option<String>, value: serde_json::Value) -> serde_json::Value {
        let Some(tag) = tag else { return value };
        let value = match (tag.as_str(), value) {
            ("GetAtt", serde_json::Value::String(text)) => {
                let (resource, attribute) = text.split_once('.').expect("`!GetAtt` has a dot");
                json!([resource, attribute])
            }
            (_, value) => value,
        };
        let name = if tag == "Ref" || tag == "Condition" {
            tag
        } else {
            format!("Fn::{tag}")
        };
        json!({ name: value })
    }

    fn core_schema(text: &str) -> serde_json::Value {
        match text {
            "" | "~" | "null" | "Null" | "NULL" => return serde_json::Value::Null,
            "true" | "True" | "TRUE" => return json!(true),
            "false" | "False" | "FALSE" => return json!(false),
            _ => {}
        }
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return json!(text.parse::<i64>().expect("an i64"));
        }
        assert!(
            !text.starts_with("0x")
                && !text.starts_with("0o")
                && !text.contains(".inf")
                && !text.contains(".nan"),
            "plain scalar {text:?} resolves to a number"
        );
        let mantissa = digits.split(['e', 'E']).next().unwrap_or_default();
        let exponent_ok = digits[mantissa.len()..].is_empty()
            || digits[mantissa.len() + 1..]
                .strip_prefix(['-', '+'])
                .unwrap_or(&digits[mantissa.len() + 1..])
                .bytes()
                .all(|b| b.is_ascii_digit());
        let mantissa_ok = mantissa.bytes().any(|b| b.is_ascii_digit())
            && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && mantissa.bytes().filter(|b| *b == b'.').count() <= 1;
        if mantissa_ok && exponent_ok {
            return json!(text.parse::<f64>().expect("an f64"));
        }
        serde_json::Value::String(text.to_owned())
    }

    impl Reader {
        fn push(&mut self, value: serde_json::Value) {
            match self.stack.last_mut() {
                None => self.root = Some(value),
                Some((_, serde_json::Value::Array(items), _)) => items.push(value),
                Some((_, serde_json::Value::Object(map), key)) => match key.take() {
                    None => match value {
                        serde_json::Value::String(text) => *key = Some(text),
                        other => self.error = Some(format!("key {other} is not a string")),
                    },
                    Some(k) => {
                        if map.insert(k.clone(), value).is_some() {
                            self.error = Some(format!("duplicate key {k}"));
                        }
                    }
                },
                Some(_) => unreachable!(),
            }
        }
    }

    impl EventReceiver for Reader {
        fn on_event(&mut self, event: Event) {
            let tag_of = |tag: Option<yaml_rust2::parser::Tag>| {
                tag.map(|tag| {
                    assert_eq!(tag.handle, "!", "only `!` tags");
                    tag.suffix
                })
            };
            match event {
                Event::Scalar(text, style, _, tag) => {
                    let tag = tag_of(tag);
                    let value = if tag.is_none() && style == TScalarStyle::Plain {
                        core_schema(&text)
                    } else {
                        serde_json::Value::String(text)
                    };
                    self.push(long_form(tag, value));
                }
                Event::SequenceStart(_, tag) => self.stack.push((tag_of(tag), json!([]), None)),
                Event::MappingStart(_, tag) => self.stack.push((tag_of(tag), json!({}), None)),
                Event::SequenceEnd | Event::MappingEnd => {
                    let (tag, value, _) = self.stack.pop().expect("balanced events");
                    self.push(long_form(tag, value));
                }
                Event::Alias(_) => self.error = Some("alias".to_owned()),
                _ => {}
            }
        }
    }

    fn read_back(text: &str) -> serde_json::Value {
        let mut reader = Reader::default();
        Parser::new_from_str(text)
            .load(&mut reader, false)
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(reader.error, None, "{text}");
        reader.root.expect("a document")
    }

    /// Checks that the YAML reads back as the JSON output, in the same order.
    fn assert_round_trip(name: &str, template: &Template) {
        let yaml = template.to_yaml();
        let expected = serde_json::to_value(template).expect("serializes");
        // Lets CI run tests/yaml_pyyaml_check.py on the same templates.
        if let Some(dir) = std::env::var_os("ECSNET_YAML_DUMP_DIR") {
            let dir = std::path::Path::new(&dir);
            std::fs::create_dir_all(dir).expect("dump directory");
            std::fs::write(dir.join(format!("{name}.yaml")), &yaml).expect("write yaml");
            std::fs::write(dir.join(format!("{name}.json")), template.to_json_pretty())
                .expect("write json");
        }
        let actual = read_back(&yaml);
        assert_eq!(
            serde_json::to_string_pretty(&actual).expect("serializes"),
            serde_json::to_string_pretty(&expected).expect("serializes"),
            "{name}:\n{yaml}"
        );
    }

    fn param(ty: &'static str) -> Parameter {
        Parameter {
            ty: ty.into(),
            ..Parameter::default()
        }
    }

    /// A realistic template with every intrinsic function.
    #[allow(clippy::too_many_lines)] // one template reads best in one piece
    fn application() -> Template {
        let mut t = Template::new();
        t.description = Some("Todobackend: application stack".into());
        t.parameters.insert(
            "Environment".into(),
            Parameter {
                allowed_values: vec![s("dev"), s("prod"), s("yes")],
                default: Some(s("dev")),
                ..param("String")
            },
        );
        t.parameters.insert(
            "ApplicationDesiredCount".into(),
            Parameter {
                min_value: Some(Value::Int(0)),
                max_value: Some(Value::Float(10.5)),
                ..param("Number")
            },
        );
        t.parameters.insert(
            "ApplicationSubnets".into(),
            param("List<AWS::EC2::Subnet::Id>"),
        );
        t.parameters.insert(
            "ApplicationImageTag".into(),
            Parameter {
                default: Some(s("5fdbe62")),
                description: Some("Git commit: 1e3".into()),
                no_echo: true,
                ..param("String")
            },
        );
        t.mappings.insert(
            "RegionMap".into(),
            Value::object([(
                "us-east-1",
                Value::object([("Ami", s("ami-ec957491")), ("On", Value::Bool(true))]),
            )]),
        );
        t.conditions.insert(
            "IsProd".into(),
            Intrinsic::Equals(Value::reference("Environment"), s("prod")).into(),
        );
        t.conditions.insert(
            "IsEverything".into(),
            Intrinsic::And(vec![
                Intrinsic::Condition("IsProd".into()).into(),
                Intrinsic::Or(vec![
                    Intrinsic::Not(Intrinsic::Condition("IsProd".into()).into()).into(),
                    Intrinsic::Equals(Value::reference("AWS::Region"), s("us-east-1")).into(),
                ])
                .into(),
            ])
            .into(),
        );
        let mut db = Resource::new("AWS::RDS::DBInstance");
        db.deletion_policy = Some(crate::DeletionPolicy::Snapshot);
        db.properties.insert("Engine".into(), s("MySQL"));
        db.properties.insert("EngineVersion".into(), s("5.7"));
        db.properties
            .insert("AllocatedStorage".into(), Value::Int(10));
        db.properties.insert(
            "MultiAZ".into(),
            Intrinsic::If("IsProd".into(), Value::Bool(true), Value::Bool(false)).into(),
        );
        db.properties.insert("Port".into(), s("3306"));
        t.resources.insert("ApplicationDatabase".into(), db);
        let mut instance = Resource::new("AWS::EC2::Instance");
        instance.depends_on = vec!["ApplicationDatabase".into()];
        instance.condition = Some("IsProd".into());
        instance.properties.insert(
            "ImageId".into(),
            Intrinsic::FindInMap(s("RegionMap"), Value::reference("AWS::Region"), s("Ami")).into(),
        );
        instance.properties.insert(
            "AvailabilityZone".into(),
            Intrinsic::Select(Value::Int(0), Intrinsic::GetAzs(s("")).into()).into(),
        );
        instance.properties.insert(
            "SubnetId".into(),
            Intrinsic::Select(
                Value::Int(1),
                Intrinsic::Split(
                    ",".into(),
                    Intrinsic::ImportValue(Value::sub("${Environment}-Subnets")).into(),
                )
                .into(),
            )
            .into(),
        );
        instance.properties.insert(
            "UserData".into(),
            Intrinsic::Base64(Value::sub(
                "#!/bin/bash\nset -euo pipefail\n/opt/aws/bin/cfn-init -v --stack ${AWS::StackName} \\\n    --resource ApplicationAutoscaling --region ${AWS::Region}\n# comment: yes\n\n  indented line\n",
            ))
            .into(),
        );
        instance.properties.insert(
            "Tags".into(),
            vec![
                Value::object([
                    ("Key", s("Name")),
                    (
                        "Value",
                        Intrinsic::Join(
                            "-".into(),
                            vec![Value::reference("AWS::StackName"), s("app")].into(),
                        )
                        .into(),
                    ),
                ]),
                Value::object([
                    ("Key", s("Cidr")),
                    (
                        "Value",
                        Intrinsic::Select(
                            Value::Int(0),
                            Intrinsic::Cidr(s("10.0.0.0/16"), Value::Int(6), Value::Int(8)).into(),
                        )
                        .into(),
                    ),
                ]),
            ]
            .into(),
        );
        let mut metadata = Map::new();
        metadata.insert(
            "AWS::CloudFormation::Init".into(),
            Value::object([(
                "config",
                Value::object([(
                    "files",
                    Value::object([(
                        "/etc/app.conf",
                        Value::object([
                            (
                                "content",
                                Intrinsic::Sub(
                                    "host=${Host}\nport=3306\n".into(),
                                    Some(IndexMap::from([(
                                        Cow::Borrowed("Host"),
                                        Value::get_att("ApplicationDatabase", "Endpoint.Address"),
                                    )])),
                                )
                                .into(),
                            ),
                            ("mode", s("000644")),
                        ]),
                    )]),
                )]),
            )]),
        );
        instance.metadata = metadata;
        t.resources.insert("ApplicationInstance".into(), instance);
        let mut function = Resource::new("AWS::Lambda::Function");
        function.properties.insert(
            "Code".into(),
            Value::object([(
                "ZipFile",
                s("import json\n\ndef handler(event, context):\n    return {\"ok\": True}\n"),
            )]),
        );
        function.properties.insert("Timeout".into(), Value::Int(30));
        function
            .properties
            .insert("MemorySize".into(), Value::Float(128.0));
        t.resources.insert("Function".into(), function);
        t.outputs.insert(
            "DatabaseAddress".into(),
            Output {
                value: Value::get_att("ApplicationDatabase", "Endpoint.Address"),
                description: Some("Where: the database".into()),
                export: Some(Value::sub("${AWS::StackName}-DatabaseAddress")),
                condition: Some("IsProd".into()),
            },
        );
        t
    }

    /// The tricky strings as keys, values, list items, intrinsic arguments
    /// and inside flow sequences.
    fn tricky() -> Template {
        let mut t = Template::new();
        let mut as_keys = Map::new();
        let mut as_values = Map::new();
        let mut as_tagged = Map::new();
        for (i, text) in TRICKY.iter().chain(MULTI_LINE).enumerate() {
            as_keys.insert(
                Cow::Owned((*text).to_owned()),
                Value::Int(i64::try_from(i).expect("small")),
            );
            as_values.insert(Cow::Owned(format!("V{i}")), str_value(text));
            as_tagged.insert(
                Cow::Owned(format!("S{i}")),
                Intrinsic::Sub(Cow::Owned((*text).to_owned()), None).into(),
            );
        }
        t.metadata.insert("Keys".into(), Value::Object(as_keys));
        t.metadata.insert("Values".into(), Value::Object(as_values));
        t.metadata.insert("Tagged".into(), Value::Object(as_tagged));
        let all: Vec<Value> = TRICKY
            .iter()
            .chain(MULTI_LINE)
            .map(|text| str_value(text))
            .collect();
        t.metadata.insert("List".into(), Value::List(all.clone()));
        t.metadata.insert(
            "Nested".into(),
            Value::List(vec![
                Value::List(all.clone()),
                Value::List(vec![Value::object([("K", Value::List(all.clone()))])]),
            ]),
        );
        let flows: Vec<Value> = all
            .iter()
            .map(|text| {
                Intrinsic::Join(",".into(), vec![text.clone(), Value::reference("X")].into()).into()
            })
            .collect();
        t.metadata.insert("Flow".into(), Value::List(flows));
        let refs: Vec<Value> = TRICKY
            .iter()
            .map(|text| Value::reference(Cow::Owned((*text).to_owned())))
            .collect();
        t.metadata.insert("Refs".into(), Value::List(refs));
        t.metadata.insert(
            "Base64".into(),
            Value::List(
                all.iter()
                    .map(|v| Intrinsic::Base64(v.clone()).into())
                    .collect(),
            ),
        );
        t
    }

    /// Keys on both sides of YAML's 1024-character limit for implicit keys,
    /// plain and quoted, with values of every layout, in a mapping after a
    /// key and in one after a dash.
    fn long_keys() -> Template {
        // Each key gets two digits more below: 1024 and 1025 characters
        // plain, 1024 and 1025 quoted, and 1028 bytes in 344 characters.
        let keys = [
            "k".repeat(1022),
            "k".repeat(1023),
            format!(" {}", "q".repeat(1019)),
            format!(" {}", "q".repeat(1020)),
            "日".repeat(342),
            format!("{}\n{}", "a".repeat(600), "b".repeat(600)),
        ];
        let mut inner = Map::new();
        inner.insert("Inner".into(), s("x"));
        inner.insert(Cow::Owned("k".repeat(2000)), s("y"));
        let values = [
            s("v"),
            s("a\nb\n"),
            Value::Object(inner),
            vec![s("p"), Value::object([("Q", s("r"))])].into(),
            Value::List(vec![]),
            Value::sub("${AWS::StackName}-x"),
            Intrinsic::Select(Value::Int(0), Intrinsic::GetAzs(s("")).into()).into(),
        ];
        let mut map = Map::new();
        for (i, key) in keys.iter().enumerate() {
            for (j, value) in values.iter().enumerate() {
                map.insert(Cow::Owned(format!("{key}{i}{j}")), value.clone());
            }
        }
        let mut t = Template::new();
        t.metadata
            .insert("Block".into(), Value::Object(map.clone()));
        t.metadata.insert(
            "InList".into(),
            Value::List(vec![Value::Object(map), s("after")]),
        );
        t
    }

    fn numbers() -> Template {
        let mut t = Template::new();
        let values = vec![
            Value::Int(0),
            Value::Int(-1),
            Value::Int(i64::MAX),
            Value::Int(i64::MIN),
            Value::Float(0.0),
            Value::Float(-0.0),
            Value::Float(0.1),
            Value::Float(1.0),
            Value::Float(-2.5),
            Value::Float(1e15),
            Value::Float(1e16),
            Value::Float(123_456_789.125),
            Value::Float(1e300),
            Value::Float(-1.5e-7),
            Value::Float(1e-5),
            Value::Float(f64::MAX),
            Value::Float(f64::MIN_POSITIVE),
            Value::Bool(true),
            Value::Bool(false),
            Value::Null,
            Value::List(vec![]),
            Value::Object(Map::new()),
        ];
        t.metadata
            .insert("Block".into(), Value::List(values.clone()));
        t.metadata.insert(
            "Flow".into(),
            Intrinsic::Join(",".into(), Value::List(values[..20].to_vec())).into(),
        );
        t.metadata.insert(
            "Tagged".into(),
            Value::List(
                values
                    .iter()
                    .map(|v| Intrinsic::Base64(v.clone()).into())
                    .collect(),
            ),
        );
        t
    }

    #[test]
    fn round_trip_application() {
        assert_round_trip("application", &application());
    }

    #[test]
    fn round_trip_tricky_strings() {
        assert_round_trip("tricky", &tricky());
    }

    #[test]
    fn round_trip_numbers() {
        assert_round_trip("numbers", &numbers());
    }

    #[test]
    fn round_trip_long_keys() {
        assert_round_trip("long_keys", &long_keys());
    }

    #[test]
    fn round_trip_empty_template() {
        assert_round_trip("empty", &Template::new());
    }

    #[test]
    fn application_reads_as_a_person_would_write_it() {
        let yaml = application().to_yaml();
        for expected in [
            "AWSTemplateFormatVersion: \"2010-09-09\"\n",
            "    Default: dev\n    AllowedValues:\n      - dev\n      - prod\n      - \"yes\"\n",
            "    Default: \"5fdbe62\"\n",
            "      \"On\": true\n",
            "  IsEverything: !And\n    - !Condition IsProd\n    - !Or [!Not [!Condition IsProd], !Equals [!Ref \"AWS::Region\", us-east-1]]\n",
            "      EngineVersion: \"5.7\"\n",
            "    DependsOn:\n      - ApplicationDatabase\n",
            "      AvailabilityZone: !Select [0, !GetAZs \"\"]\n",
            "      SubnetId: !Select\n        - 1\n        - !Split\n          - \",\"\n          - Fn::ImportValue: !Sub ${Environment}-Subnets\n",
            "      UserData:\n        Fn::Base64: !Sub |\n          #!/bin/bash\n",
            "          # comment: yes\n\n            indented line\n",
            "\n              content: !Sub\n                - |\n                  host=${Host}\n                  port=3306\n                - Host: !GetAtt ApplicationDatabase.Endpoint.Address\n              mode: \"000644\"\n",
            "        - Key: Name\n          Value: !Join [\"-\", [!Ref \"AWS::StackName\", app]]\n",
            "    Value: !GetAtt ApplicationDatabase.Endpoint.Address\n    Export:\n      Name: !Sub ${AWS::StackName}-DatabaseAddress\n",
            "    Description: \"Where: the database\"\n",
        ] {
            assert!(yaml.contains(expected), "missing {expected:?} in\n{yaml}");
        }
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(application().to_yaml(), application().to_yaml());
        assert!(application().to_yaml().ends_with('\n'));
        assert!(
            !application()
                .to_yaml()
                .lines()
                .any(|line| line.ends_with(' '))
        );
    }
}
