//! Rules on the arguments of intrinsic functions, from one table.
//!
//! Each argument of each function-call intrinsic is a row of [`ARGUMENTS`]:
//! what kind of value it takes, whether it must be a literal, and which
//! functions may compute it. The rows come from the "Supported functions"
//! sections of the intrinsic function reference
//! (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html>),
//! widened where CloudFormation accepts more than the page lists (`Fn::GetAtt`
//! in `Fn::Cidr`, as in `!Cidr [!GetAtt Vpc.CidrBlock, 6, 8]`), because an
//! error means the template would fail to deploy. New functions add rows,
//! not code.

use super::infer::{Produces, produces};
use super::{Context, Symbol};
use crate::model::{Function, Value, ValueKind};

/// What computes a value: a literal, a reference, or an intrinsic function.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Literal,
    Ref,
    GetAtt,
    Sub,
    Call(Function),
    /// A Rust expression, known only when the template is built.
    Rust,
}

impl Source {
    fn of(value: &Value) -> Source {
        match &value.kind {
            ValueKind::Ref(_) | ValueKind::Pseudo(_) => Source::Ref,
            ValueKind::GetAtt(..) => Source::GetAtt,
            ValueKind::Sub(_) => Source::Sub,
            ValueKind::Call(call) => Source::Call(call.function),
            ValueKind::Rust(_) => Source::Rust,
            _ => Source::Literal,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Source::Literal => "a literal",
            Source::Ref => "a reference",
            Source::GetAtt => "an attribute",
            Source::Sub => "`sub!`",
            Source::Call(function) => match function {
                Function::Select => "`select`",
                Function::Join => "`join`",
                Function::Split => "`split`",
                Function::Base64 => "`base64`",
                Function::ImportValue => "`import_value`",
                Function::GetAzs => "`get_azs`",
                Function::Cidr => "`cidr`",
                Function::If => "`if_`",
                Function::Equals => "`equals`",
                Function::And => "`and`",
                Function::Or => "`or`",
                Function::Not => "`not`",
                Function::FindInMap => "`find_in_map`",
                Function::Length => "`length`",
                Function::ToJsonString => "`to_json_string`",
            },
            Source::Rust => "a Rust expression",
        }
    }
}

/// The kind of value an argument takes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Takes {
    /// A string.
    String,
    /// An integer (a string of digits too: CloudFormation converts it).
    Integer,
    /// A list of strings: a list literal's items are strings, not lists or objects.
    ListOfStrings,
}

impl Takes {
    fn describe(self) -> &'static str {
        match self {
            Takes::String => "a string",
            Takes::Integer => "an integer",
            Takes::ListOfStrings => "a list of strings",
        }
    }

    fn accepts(self, produces: Produces, value: &Value) -> bool {
        match (self, produces) {
            (_, Produces::Unknown)
            | (Takes::String, Produces::String)
            | (Takes::ListOfStrings, Produces::List)
            | (Takes::Integer, Produces::Integer) => true,
            // `"0"` is an index; a `Ref` to a `Number` parameter is a string
            // of digits at deployment.
            (Takes::Integer, Produces::String) => match &value.kind {
                ValueKind::Str(text) => text.trim().parse::<i64>().is_ok(),
                _ => true,
            },
            _ => false,
        }
    }
}

/// One argument of one function.
struct Argument {
    function: Function,
    /// Its place among the function's arguments.
    position: usize,
    /// How the message names it.
    name: &'static str,
    takes: Takes,
    /// Whether only a literal is accepted ("The delimiter … can't be a function").
    literal_only: bool,
    /// The functions that may compute it, besides literals and Rust expressions.
    sources: &'static [Source],
}

const STRING_SOURCES: &[Source] = &[
    Source::Ref,
    Source::GetAtt,
    Source::Sub,
    Source::Call(Function::Base64),
    Source::Call(Function::ImportValue),
    Source::Call(Function::Join),
    Source::Call(Function::Select),
    Source::Call(Function::FindInMap),
    Source::Call(Function::If),
];

const LIST_SOURCES: &[Source] = &[
    Source::Ref,
    Source::GetAtt,
    Source::Call(Function::GetAzs),
    Source::Call(Function::Split),
    Source::Call(Function::Cidr),
    Source::Call(Function::FindInMap),
    Source::Call(Function::If),
];

/// Every argument of every function-call intrinsic.
const ARGUMENTS: &[Argument] = &[
    // Fn::Base64: "Any function that returns a string".
    Argument {
        function: Function::Base64,
        position: 0,
        name: "value to encode",
        takes: Takes::String,
        literal_only: false,
        sources: STRING_SOURCES,
    },
    // Fn::Cidr: "Fn::Select, Ref" (and `Fn::GetAtt`, accepted in practice).
    Argument {
        function: Function::Cidr,
        position: 0,
        name: "address block",
        takes: Takes::String,
        literal_only: false,
        sources: &[Source::Ref, Source::GetAtt, Source::Call(Function::Select)],
    },
    Argument {
        function: Function::Cidr,
        position: 1,
        name: "count",
        takes: Takes::Integer,
        literal_only: false,
        sources: &[Source::Ref, Source::Call(Function::Select)],
    },
    Argument {
        function: Function::Cidr,
        position: 2,
        name: "subnet bits",
        takes: Takes::Integer,
        literal_only: false,
        sources: &[Source::Ref, Source::Call(Function::Select)],
    },
    // Fn::GetAZs: "You can use the Ref function in the Fn::GetAZs function".
    Argument {
        function: Function::GetAzs,
        position: 0,
        name: "region",
        takes: Takes::String,
        literal_only: false,
        sources: &[Source::Ref],
    },
    // Fn::ImportValue: "Fn::Base64, Fn::FindInMap, Fn::If, Fn::Join,
    // Fn::Select, Fn::Sub, Ref"; "the value of each function can't depend on
    // a resource" (checked below).
    Argument {
        function: Function::ImportValue,
        position: 0,
        name: "export name",
        takes: Takes::String,
        literal_only: false,
        sources: &[
            Source::Ref,
            Source::Sub,
            Source::Call(Function::Base64),
            Source::Call(Function::Join),
            Source::Call(Function::Select),
            Source::Call(Function::FindInMap),
            Source::Call(Function::If),
        ],
    },
    // Fn::Join: the delimiter is a literal; the list: "Fn::Base64,
    // Fn::FindInMap, Fn::GetAtt, Fn::GetAZs, Fn::If, Fn::ImportValue,
    // Fn::Join, Fn::Split, Fn::Select, Fn::Sub, Ref".
    Argument {
        function: Function::Join,
        position: 0,
        name: "delimiter",
        takes: Takes::String,
        literal_only: true,
        sources: &[],
    },
    Argument {
        function: Function::Join,
        position: 1,
        name: "list",
        takes: Takes::ListOfStrings,
        literal_only: false,
        sources: LIST_SOURCES,
    },
    // Fn::Select: the index: "Ref, Fn::FindInMap"; the list: "Fn::FindInMap,
    // Fn::GetAtt, Fn::GetAZs, Fn::If, Fn::Split, Ref" (and `Fn::Cidr`).
    Argument {
        function: Function::Select,
        position: 0,
        name: "index",
        takes: Takes::Integer,
        literal_only: false,
        sources: &[Source::Ref, Source::Call(Function::FindInMap)],
    },
    Argument {
        function: Function::Select,
        position: 1,
        name: "list",
        takes: Takes::ListOfStrings,
        literal_only: false,
        sources: LIST_SOURCES,
    },
    // Fn::Split: the delimiter is a literal; the source string: "Fn::Base64,
    // Fn::FindInMap, Fn::GetAtt, Fn::GetAZs, Fn::If, Fn::ImportValue,
    // Fn::Join, Fn::Select, Fn::Sub, Ref".
    Argument {
        function: Function::Split,
        position: 0,
        name: "delimiter",
        takes: Takes::String,
        literal_only: true,
        sources: &[],
    },
    Argument {
        function: Function::Split,
        position: 1,
        name: "string",
        takes: Takes::String,
        literal_only: false,
        sources: STRING_SOURCES,
    },
];

// Rule `function-arguments`: each argument of an intrinsic function is of
// the kind the function takes, computed only by the functions it supports
// (the table above); a literal `Fn::Select` index falls inside a literal
// list, and `Fn::Cidr` makes 1 to 256 blocks of 0 to 128 bits.
pub fn check_function_arguments(cx: &Context) {
    let _rule = cx.errors.rule("function-arguments");
    let mut check = |value: &Value| {
        if let ValueKind::Call(call) = &value.kind {
            for argument in ARGUMENTS.iter().filter(|a| a.function == call.function) {
                if let Some(value) = call.args.get(argument.position) {
                    check_argument(cx, argument, value);
                }
            }
            check_values(cx, call.function, &call.args);
        }
    };
    cx.stack.walk_values(&mut |_, value| check(value));
    cx.stack.walk_sections(&mut check);
}

fn check_argument(cx: &Context, argument: &Argument, value: &Value) {
    let function = argument.function;
    let at = |message: String| cx.errors.push_range(value.span, value.end, message);
    let source = Source::of(value);
    let what = format!(
        "the {} of `{}` (`{}`)",
        argument.name,
        function.name(),
        function.cfn_name()
    );
    if argument.literal_only {
        if !matches!(value.kind, ValueKind::Str(_)) {
            at(format!(
                "{what} is a string literal such as `\",\"`; no function is supported there"
            ));
        }
        return;
    }
    if !matches!(source, Source::Literal | Source::Rust) && !argument.sources.contains(&source) {
        let supported: Vec<&str> = argument.sources.iter().map(|s| s.name()).collect();
        at(format!(
            "{what} cannot be computed by {}; it takes {} written out, or computed by {}",
            source.name(),
            argument.takes.describe(),
            or_list(&supported),
        ));
        return;
    }
    let produced = produces(cx, value);
    if !argument.takes.accepts(produced, value) {
        at(format!(
            "{what} is {}, found {}",
            argument.takes.describe(),
            produced.describe()
        ));
        return;
    }
    if argument.takes == Takes::ListOfStrings
        && let ValueKind::List(items) = &value.kind
    {
        for item in items {
            let produced = produces(cx, item);
            if matches!(produced, Produces::List | Produces::Object) {
                cx.errors.push_range(
                    item.span,
                    item.end,
                    format!(
                        "an item of {what} is a string, found {}; lists do not nest here",
                        produced.describe()
                    ),
                );
            }
        }
    }
    // "Fn::ImportValue … can't depend on a resource".
    if function == Function::ImportValue {
        let mut depends = None;
        value.walk(&mut |inner| {
            for name in inner.referenced_names() {
                if matches!(cx.symbols.get(&name), Some(Symbol::Resource(..))) && depends.is_none()
                {
                    depends = Some((name, inner.span, inner.end));
                }
            }
        });
        if let Some((name, span, end)) = depends {
            cx.errors.push_range(
                span,
                end,
                format!(
                    "the export name of `import_value` cannot depend on a resource, and `{name}` is one; \
                     build it from parameters and pseudo parameters such as `AWS::StackName`"
                ),
            );
        }
    }
}

/// Checks on literal values that the table cannot state.
fn check_values(cx: &Context, function: Function, args: &[Value]) {
    let errors = cx.errors;
    match function {
        Function::Select => {
            let (Some(index), Some(list)) = (args.first(), args.get(1)) else {
                return;
            };
            let Some(i) = index.as_int() else {
                return;
            };
            if i < 0 {
                errors.push_range(
                    index.span,
                    index.end,
                    "the index of `select` is not negative",
                );
            } else if let ValueKind::List(items) = &list.kind
                && usize::try_from(i).map_or(true, |i| i >= items.len())
            {
                errors.push_range(
                    index.span,
                    index.end,
                    format!("index `{i}` is out of bounds of a list of {}", items.len()),
                );
            }
        }
        Function::Cidr => {
            if let Some(count) = args.get(1)
                && matches!(count.kind, ValueKind::Int(n) if !(1..=256).contains(&n))
            {
                errors.push_range(count.span, count.end, "`cidr` makes 1 to 256 blocks");
            }
            if let Some(bits) = args.get(2)
                && matches!(bits.kind, ValueKind::Int(n) if !(0..=128).contains(&n))
            {
                errors.push_range(
                    bits.span,
                    bits.end,
                    "the subnet bits of `cidr` are 0 to 128",
                );
            }
        }
        _ => {}
    }
}

/// `a, b or c`.
fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
