//! Rules on the arguments of intrinsic functions.

use super::Context;
use super::infer::{Produces, produces};
use crate::model::{Call, Function, Value, ValueKind};

// Rule `function-arguments`: each intrinsic function gets arguments of the
// kinds CloudFormation accepts (intrinsic function reference,
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html>):
// the delimiter of `Fn::Join` and `Fn::Split` is a literal string
// ("delimiter: The value that you want to occur between fragments"; no
// function is supported there); `Fn::Select` takes an index and a list, and a
// literal index must fall inside a literal list; `Fn::Join` joins a list;
// `Fn::Cidr` takes a count of 1 to 256 and a number of subnet bits.
pub fn check_function_arguments(cx: &Context) {
    cx.stack.walk_values(&mut |_, value| {
        if let ValueKind::Call(call) = &value.kind {
            check_call(cx, call);
        }
    });
}

#[allow(clippy::too_many_lines, reason = "one arm per intrinsic function")]
fn check_call(cx: &Context, call: &Call) {
    let errors = cx.errors;
    let arg = |i: usize| call.args.get(i);
    let expect_list = |value: &Value, function: &str| {
        if matches!(
            produces(cx, value),
            Produces::String
                | Produces::Integer
                | Produces::Number
                | Produces::Bool
                | Produces::Object
        ) {
            errors.push_range(
                value.span,
                value.end,
                format!(
                    "`{function}` takes a list here, found {}",
                    produces(cx, value).describe()
                ),
            );
        }
    };
    match call.function {
        Function::Join | Function::Split => {
            if let Some(delimiter) = arg(0)
                && !matches!(delimiter.kind, ValueKind::Str(_))
            {
                errors.push_range(
                    delimiter.span,
                    delimiter.end,
                    format!(
                        "the delimiter of `{}` is a string literal such as `\",\"`",
                        call.function.cfn_name()
                    ),
                );
            }
            if call.function == Function::Join
                && let Some(list) = arg(1)
            {
                expect_list(list, "join");
            }
        }
        Function::Select => {
            let (Some(index), Some(list)) = (arg(0), arg(1)) else {
                return;
            };
            expect_list(list, "select");
            match (&index.kind, &list.kind) {
                (ValueKind::Int(i), ValueKind::List(items))
                    if usize::try_from(*i).map_or(true, |i| i >= items.len()) =>
                {
                    errors.push_range(
                        index.span,
                        index.end,
                        format!("index `{i}` is out of bounds of a list of {}", items.len()),
                    );
                }
                (ValueKind::Int(i), _) if *i < 0 => {
                    errors.push_range(
                        index.span,
                        index.end,
                        "the index of `select` is not negative",
                    );
                }
                (ValueKind::Int(_) | ValueKind::Ref(_) | ValueKind::Call(_), _) => {}
                _ => errors.push_range(
                    index.span,
                    index.end,
                    "the index of `select` is an integer such as `0`",
                ),
            }
        }
        Function::Cidr => {
            if let Some(count) = arg(1)
                && matches!(count.kind, ValueKind::Int(n) if !(1..=256).contains(&n))
            {
                errors.push_range(count.span, count.end, "`cidr` makes 1 to 256 blocks");
            }
            if let Some(bits) = arg(2)
                && matches!(bits.kind, ValueKind::Int(n) if !(0..=128).contains(&n))
            {
                errors.push_range(
                    bits.span,
                    bits.end,
                    "the subnet bits of `cidr` are 0 to 128",
                );
            }
        }
        Function::Base64 | Function::ImportValue | Function::GetAzs => {
            if let Some(value) = arg(0)
                && matches!(
                    produces(cx, value),
                    Produces::List | Produces::Object | Produces::Bool
                )
            {
                errors.push_range(
                    value.span,
                    value.end,
                    format!(
                        "`{}` takes a string, found {}",
                        call.function.name(),
                        produces(cx, value).describe()
                    ),
                );
            }
        }
    }
}
