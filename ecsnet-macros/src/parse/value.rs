//! The value language of property blocks: literals, lists, objects,
//! references (`Name`, `Name.Attribute`, `AWS::Region`) and intrinsic
//! functions (`sub!("…")`, `select(0, List)`, …).

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use std::fmt::Write as _;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Ident, LitStr, Token, braced, bracketed, parenthesized};

use crate::diag::{did_you_mean, range_error};
use syn::spanned::Spanned;

use crate::model::{
    AcknowledgedRule, Acknowledgment, Call, Entry, Function, Key, Object, PSEUDO_PARAMETERS,
    Placeholder, Sub, Value, ValueKind,
};

/// How deep values may nest: lists and objects inside each other, and the
/// arguments of functions. Real templates nest a dozen levels at most (an IAM
/// policy in a role in a list); the limit keeps the recursive parser, the
/// checks and the generated code far from the compiler's stack size.
pub const MAX_DEPTH: usize = 64;

thread_local! {
    /// The id the next acknowledgment parsed gets.
    static NEXT_ACKNOWLEDGMENT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts one level of nesting while alive.
struct Nesting;

impl Nesting {
    fn enter(input: ParseStream) -> syn::Result<Nesting> {
        let depth = DEPTH.with(|d| {
            d.set(d.get() + 1);
            d.get()
        });
        let guard = Nesting;
        if depth > MAX_DEPTH {
            return Err(input.error(format!(
                "values nest at most {MAX_DEPTH} levels deep; flatten this value, or load it from a file with `include_str!`"
            )));
        }
        Ok(guard)
    }
}

impl Drop for Nesting {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// Parses one value, with the `#[acknowledge(…)]` attributes before it.
pub fn parse_value(input: ParseStream) -> syn::Result<Value> {
    crate::diag::step(1);
    let _nesting = Nesting::enter(input)?;
    let attributes = input.call(syn::Attribute::parse_outer)?;
    let acknowledgments = attributes
        .iter()
        .map(parse_acknowledgment)
        .collect::<syn::Result<Vec<_>>>()?;
    let mut value = parse_bare_value(input)?;
    value.acknowledgments = acknowledgments;
    Ok(value)
}

/// `#[acknowledge(open_ingress, reason = "…")]`.
pub fn parse_acknowledgment(attribute: &syn::Attribute) -> syn::Result<Acknowledgment> {
    const FORM: &str = "expected `#[acknowledge(open_ingress, reason = \"…\")]`";
    if !attribute.path().is_ident("acknowledge") {
        return Err(syn::Error::new_spanned(
            attribute,
            format!("values take no attributes other than `#[acknowledge(…)]`; {FORM}"),
        ));
    }
    let syn::Meta::List(list) = &attribute.meta else {
        return Err(syn::Error::new_spanned(attribute, FORM));
    };
    let span = attribute.path().span();
    super::parse_delimited(
        list.tokens.clone(),
        list.delimiter.span().close(),
        |input: ParseStream| {
            let rule_ident = Ident::parse_any(input)?;
            let name = rule_ident.to_string();
            let Some(&(_, rule)) = AcknowledgedRule::ALL.iter().find(|(n, _)| *n == name) else {
                let names: Vec<&str> = AcknowledgedRule::ALL.iter().map(|(n, _)| *n).collect();
                let mut message = format!("`{name}` is not a rule that can be acknowledged");
                if let Some(close) = did_you_mean(&name, names.iter().copied()) {
                    let _ = write!(message, "; did you mean `{close}`?");
                } else {
                    let _ = write!(
                        message,
                        "; expected {}",
                        crate::diag::list_in_backticks(&names)
                    );
                }
                return Err(syn::Error::new(rule_ident.span(), message));
            };
            if !input.peek(Token![,]) {
                return Err(input.error(format!(
                    "an acknowledgment says why: `#[acknowledge({name}, reason = \"…\")]`"
                )));
            }
            input.parse::<Token![,]>()?;
            let key = Ident::parse_any(input)?;
            if key != "reason" {
                return Err(syn::Error::new(
                    key.span(),
                    format!("expected `reason`; {FORM}"),
                ));
            }
            input.parse::<Token![=]>()?;
            let reason: LitStr = input.parse()?;
            if reason.value().trim().is_empty() {
                return Err(syn::Error::new(
                    reason.span(),
                    "the reason of an acknowledgment is not empty",
                ));
            }
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
            if !input.is_empty() {
                return Err(input.error(FORM));
            }
            Ok(Acknowledgment {
                id: NEXT_ACKNOWLEDGMENT.with(|next| next.replace(next.get() + 1)),
                rule,
                span,
                reason,
            })
        },
    )
}

/// Parses one value without attributes.
fn parse_bare_value(input: ParseStream) -> syn::Result<Value> {
    let span = input.span();
    let value = |kind, end| Value::new(kind, span, end);

    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Ok(value(ValueKind::Str(lit.value()), span));
    }
    if input.peek(syn::LitInt) || input.peek(syn::LitFloat) || input.peek(Token![-]) {
        return parse_number(input);
    }
    if input.peek(syn::LitBool) {
        let lit: syn::LitBool = input.parse()?;
        return Ok(value(ValueKind::Bool(lit.value), span));
    }
    if input.peek(syn::Lit) {
        let lit: syn::Lit = input.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            "expected a string, a number, `true` or `false`; CloudFormation has no other literals",
        ));
    }
    if input.peek(syn::token::Bracket) {
        let content;
        let brackets = bracketed!(content in input);
        let mut items = Vec::new();
        while !content.is_empty() {
            items.push(parse_value(&content)?);
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        let group = brackets.span;
        return Ok(Value {
            acknowledgments: Vec::new(),
            kind: ValueKind::List(items),
            span: group.join(),
            end: group.close(),
        });
    }
    if input.peek(syn::token::Brace) {
        let object = parse_object(input)?;
        let span = object.span;
        return Ok(Value {
            acknowledgments: Vec::new(),
            kind: ValueKind::Object(object),
            span,
            end: span,
        });
    }
    if input.peek(Ident::peek_any) {
        return parse_word(input);
    }
    Err(input.error(
        "expected a value: a string, a number, `true`, `false`, a list `[…]`, an object `{…}`, \
         a reference such as `VpcId` or `ElasticIP.AllocationId`, or an intrinsic function",
    ))
}

/// Parses `{ key: value, … }`.
pub fn parse_object(input: ParseStream) -> syn::Result<Object> {
    let content;
    let braces = braced!(content in input);
    Ok(Object {
        entries: parse_entries(&content)?,
        span: braces.span.join(),
    })
}

/// Parses `key: value, …` up to the end of the stream.
pub fn parse_entries(input: ParseStream) -> syn::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    while !input.is_empty() {
        let key = if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            Key {
                name: lit.value(),
                span: lit.span(),
                quoted: true,
            }
        } else if input.peek(Ident::peek_any) {
            let ident = Ident::parse_any(input)?;
            Key {
                name: ident.unraw().to_string(),
                span: ident.span(),
                quoted: false,
            }
        } else {
            return Err(input.error("expected a key: a `snake_case` property name or a string"));
        };
        if !input.peek(Token![:]) || input.peek(Token![::]) {
            return Err(input.error(format!("expected `:` after `{}`", key.name)));
        }
        input.parse::<Token![:]>()?;
        let value = parse_value(input)?;
        entries.push(Entry { key, value });
        if input.is_empty() {
            break;
        }
        if !input.peek(Token![,]) {
            return Err(input.error("expected `,` between entries"));
        }
        input.parse::<Token![,]>()?;
    }
    Ok(entries)
}

fn parse_number(input: ParseStream) -> syn::Result<Value> {
    let span = input.span();
    let negative = if input.peek(Token![-]) {
        input.parse::<Token![-]>()?;
        true
    } else {
        false
    };
    let sign = if negative { "-" } else { "" };
    if input.peek(syn::LitInt) {
        let lit: syn::LitInt = input.parse()?;
        if !lit.suffix().is_empty() {
            return Err(syn::Error::new(
                lit.span(),
                "numbers in a stack take no type suffix",
            ));
        }
        let n: i64 = format!("{sign}{}", lit.base10_digits())
            .parse()
            .map_err(|_| {
                crate::diag::range_error(
                    span,
                    lit.span(),
                    "integer out of range; integers in a stack fit in 64 bits, from -9223372036854775808 to 9223372036854775807",
                )
            })?;
        return Ok(Value {
            acknowledgments: Vec::new(),
            kind: ValueKind::Int(n),
            span,
            end: lit.span(),
        });
    }
    if input.peek(syn::LitFloat) {
        let lit: syn::LitFloat = input.parse()?;
        if !lit.suffix().is_empty() {
            return Err(syn::Error::new(
                lit.span(),
                "numbers in a stack take no type suffix",
            ));
        }
        let n: f64 = format!("{sign}{}", lit.base10_digits())
            .parse()
            .map_err(|_| syn::Error::new(lit.span(), "invalid number"))?;
        if !n.is_finite() {
            return Err(crate::diag::range_error(
                span,
                lit.span(),
                "number out of range; a template's numbers are finite, and this one rounds to infinity",
            ));
        }
        return Ok(Value {
            acknowledgments: Vec::new(),
            kind: ValueKind::Float(n),
            span,
            end: lit.span(),
        });
    }
    Err(input.error("expected a number after `-`"))
}

/// A value that starts with a word: `true`, a reference, a pseudo
/// parameter, `sub!(…)`, a function call or a Rust macro.
fn parse_word(input: ParseStream) -> syn::Result<Value> {
    let written = Ident::parse_any(input)?;
    if input.peek(Token![!]) {
        return parse_macro(written, input);
    }
    // `r#type` names the logical id `type`.
    let ident = written.unraw();
    let span = ident.span();
    let word = ident.to_string();

    if input.peek(syn::token::Paren) {
        return parse_call(&ident, input);
    }
    if input.peek(Token![::]) {
        let mut path = word;
        let mut end = span;
        while input.peek(Token![::]) {
            input.parse::<Token![::]>()?;
            let segment = Ident::parse_any(input)?;
            end = segment.span();
            path.push_str("::");
            path.push_str(&segment.to_string());
        }
        if PSEUDO_PARAMETERS.contains(&path.as_str()) {
            return Ok(Value {
                acknowledgments: Vec::new(),
                kind: ValueKind::Pseudo(path),
                span,
                end,
            });
        }
        let mut message = format!("unknown pseudo parameter `{path}`");
        if let Some(close) = did_you_mean(&path, PSEUDO_PARAMETERS.iter().copied()) {
            let _ = write!(message, "; did you mean `{close}`?");
        } else if path.starts_with("AWS::") {
            let _ = write!(
                message,
                "; the pseudo parameters are {}",
                crate::diag::list_in_backticks(PSEUDO_PARAMETERS)
            );
        } else {
            message = format!(
                "unexpected path `{path}`; a value names a parameter or resource of this stack \
                 (`VpcId`), an attribute (`ElasticIP.AllocationId`) or a pseudo parameter (`AWS::Region`); \
                 to use another stack's declaration, declare both stacks in one `#[app]` module"
            );
        }
        return Err(range_error(span, end, message));
    }
    let literal = match word.as_str() {
        "true" => Some(ValueKind::Bool(true)),
        "false" => Some(ValueKind::Bool(false)),
        "null" => Some(ValueKind::Null),
        _ => None,
    };
    if let Some(kind) = literal {
        return Ok(Value::new(kind, span, span));
    }
    if input.peek(Token![.]) && !input.peek(Token![..]) {
        let mut attribute = Vec::new();
        while input.peek(Token![.]) && !input.peek(Token![..]) {
            input.parse::<Token![.]>()?;
            if !input.peek(Ident::peek_any) {
                return Err(input.error(format!(
                    "expected an attribute name after `{word}.`, such as `{word}.Arn`"
                )));
            }
            attribute.push(Ident::parse_any(input)?.unraw());
        }
        let end = attribute.last().map_or(span, Ident::span);
        return Ok(Value {
            acknowledgments: Vec::new(),
            kind: ValueKind::GetAtt(ident, attribute),
            span,
            end,
        });
    }
    Ok(Value {
        acknowledgments: Vec::new(),
        kind: ValueKind::Ref(ident),
        span,
        end: span,
    })
}

/// `sub!(…)`, or any other macro call, which is Rust evaluated at run time.
fn parse_macro(ident: Ident, input: ParseStream) -> syn::Result<Value> {
    // A Rust macro keeps its name as written: `r#type!` is a macro named
    // `type`, and `struct!` is no macro at all.
    if syn::parse2::<Ident>(quote::quote!(#ident)).is_err() {
        return Err(syn::Error::new(
            ident.span(),
            format!(
                "`{ident}` is a keyword, not a macro; write `r#{ident}!(…)` for a macro of that name"
            ),
        ));
    }
    let bang: Token![!] = input.parse()?;
    let group: proc_macro2::Group = match input.parse::<TokenTree>()? {
        TokenTree::Group(group) => group,
        other => {
            return Err(syn::Error::new(
                other.span(),
                format!("expected `(` after `{ident}!`"),
            ));
        }
    };
    let span = ident.span();
    let end = group.span_close();
    if ident == "sub" {
        let sub = super::parse_delimited(group.stream(), group.span_close(), parse_sub)?;
        return Ok(Value {
            acknowledgments: Vec::new(),
            kind: ValueKind::Sub(sub),
            span,
            end,
        });
    }
    if let Some((name, _)) = Function::ALL.iter().find(|(name, _)| ident == name) {
        return Err(syn::Error::new(
            bang.span,
            format!("`{name}` is an intrinsic function, written without `!`: `{name}(…)`"),
        ));
    }
    let mut tokens = TokenStream::new();
    tokens.extend([
        TokenTree::Ident(ident),
        TokenTree::Punct(proc_macro2::Punct::new('!', proc_macro2::Spacing::Alone)),
    ]);
    tokens.extend([TokenTree::Group(group)]);
    Ok(Value {
        acknowledgments: Vec::new(),
        kind: ValueKind::Rust(tokens),
        span,
        end,
    })
}

/// The inside of `sub!(…)`: a string literal, optionally `, { var: value }`.
fn parse_sub(input: ParseStream) -> syn::Result<Sub> {
    if !input.peek(LitStr) {
        return Err(input.error("`sub!` takes a string literal: `sub!(\"${AWS::StackName}-alb\")`"));
    }
    let template: LitStr = input.parse()?;
    let placeholders = placeholders(&template.value())
        .map_err(|message| syn::Error::new(template.span(), message))?;
    let variables = if input.is_empty() {
        None
    } else {
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            None
        } else {
            let object = parse_object(input)?;
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
            Some(object)
        }
    };
    if !input.is_empty() {
        return Err(
            input.error("`sub!` takes a template and an optional `{ variable: value }` map")
        );
    }
    let literal = placeholders
        .is_empty()
        .then(|| template.value().replace("${!", "${"));
    Ok(Sub {
        template,
        literal,
        placeholders,
        variables,
    })
}

/// The `${…}` placeholders of a `Fn::Sub` template; `${!Literal}` is an
/// escape for the literal text `${Literal}` and names nothing.
pub fn placeholders(template: &str) -> Result<Vec<Placeholder>, String> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(close) = after.find('}') else {
            return Err("unterminated `${` in `sub!` template; close it with `}`, or write `${!` for a literal `${`".to_string());
        };
        let text = &after[..close];
        if !text.starts_with('!') {
            found.push(Placeholder {
                text: text.to_owned(),
            });
        }
        rest = &after[close + 1..];
    }
    Ok(found)
}

/// `select(0, List)` and the other call-style intrinsic functions.
fn parse_call(ident: &Ident, input: ParseStream) -> syn::Result<Value> {
    let name = ident.to_string();
    let Some(&(_, function)) = Function::ALL.iter().find(|(n, _)| *n == name) else {
        let mut message = format!("unknown intrinsic function `{name}`");
        let names = Function::ALL.iter().map(|(n, _)| *n).chain(["sub"]);
        if let Some(close) = did_you_mean(&name, names) {
            let _ = write!(message, "; did you mean `{close}`?");
        } else {
            let _ = write!(
                message,
                "; expected one of `sub!`, {}",
                crate::diag::list_in_backticks(
                    &Function::ALL.iter().map(|(n, _)| *n).collect::<Vec<_>>()
                )
            );
        }
        return Err(syn::Error::new(ident.span(), message));
    };
    let content;
    let parens = parenthesized!(content in input);
    let mut args = Vec::new();
    while !content.is_empty() {
        args.push(parse_value(&content)?);
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    let (min, max) = function.arity();
    if args.len() < min || args.len() > max {
        let expected = if min == max {
            format!("{min} argument{}", if min == 1 { "" } else { "s" })
        } else {
            format!("{min} to {max} arguments")
        };
        return Err(range_error(
            ident.span(),
            parens.span.close(),
            format!(
                "`{name}` (`{}`) takes {expected}, found {}",
                function.cfn_name(),
                args.len()
            ),
        ));
    }
    // Where a condition or a mapping is expected, a bare name is one.
    match function {
        Function::And | Function::Or | Function::Not => args.iter_mut().for_each(name_condition),
        Function::If => {
            name_condition(&mut args[0]);
            if !matches!(args[0].kind, ValueKind::ConditionName(_)) {
                return Err(range_error(
                    args[0].span,
                    args[0].end,
                    "the first argument of `if_` (`Fn::If`) is the name of a declared condition: `if_(IsProduction, \"m5.large\", \"t3.micro\")`",
                ));
            }
        }
        Function::FindInMap => {
            if let ValueKind::Ref(name) = &args[0].kind {
                args[0].kind = ValueKind::MappingName(name.clone());
            } else {
                return Err(range_error(
                    args[0].span,
                    args[0].end,
                    "the first argument of `find_in_map` (`Fn::FindInMap`) is the name of a declared mapping: `find_in_map(RegionMap, AWS::Region, \"Ami\")`",
                ));
            }
        }
        _ => {}
    }
    Ok(Value {
        acknowledgments: Vec::new(),
        kind: ValueKind::Call(Call { function, args }),
        span: ident.span(),
        end: parens.span.close(),
    })
}

/// A bare name where a condition is expected names a condition.
pub fn name_condition(value: &mut Value) {
    if let ValueKind::Ref(name) = &value.kind {
        value.kind = ValueKind::ConditionName(name.clone());
    }
}

/// Whether a token tree is a `{…}` group; used to tell `#[metadata { … }]`
/// from `#[metadata(…)]`.
pub fn is_brace_group(tree: &TokenTree) -> bool {
    matches!(tree, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse::Parser;

    fn parse(text: &str) -> syn::Result<Value> {
        parse_value.parse_str(text)
    }

    #[test]
    fn parses_literals_lists_and_objects() {
        let value = parse(r#"{ cidr_block: "10.0.0.0/16", count: -1, on: true, list: [1, 2.5,] }"#)
            .unwrap();
        let ValueKind::Object(object) = value.kind else {
            panic!("not an object")
        };
        let keys: Vec<_> = object.entries.iter().map(|e| e.key.name.as_str()).collect();
        assert_eq!(keys, ["cidr_block", "count", "on", "list"]);
        assert!(matches!(object.entries[1].value.kind, ValueKind::Int(-1)));
    }

    #[test]
    fn parses_references() {
        assert!(matches!(parse("VpcId").unwrap().kind, ValueKind::Ref(_)));
        let ValueKind::GetAtt(resource, attribute) = parse("Db.Endpoint.Address").unwrap().kind
        else {
            panic!("not a GetAtt")
        };
        assert_eq!(resource, "Db");
        assert_eq!(attribute.len(), 2);
        assert!(
            matches!(parse("AWS::Region").unwrap().kind, ValueKind::Pseudo(p) if p == "AWS::Region")
        );
    }

    #[test]
    fn rejects_unknown_pseudo_parameters_with_a_suggestion() {
        let error = parse("AWS::Regoin").err().unwrap();
        assert_eq!(
            error.to_string(),
            "unknown pseudo parameter `AWS::Regoin`; did you mean `AWS::Region`?"
        );
    }

    #[test]
    fn finds_sub_placeholders_but_not_escapes() {
        let found = placeholders("${AWS::StackName}-${!Literal}-${Db.Endpoint.Address}").unwrap();
        let texts: Vec<_> = found.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["AWS::StackName", "Db.Endpoint.Address"]);
        assert!(placeholders("${oops").is_err());
    }

    #[test]
    fn checks_call_arity() {
        let error = parse("select(0)").err().unwrap();
        assert_eq!(
            error.to_string(),
            "`select` (`Fn::Select`) takes 2 arguments, found 1"
        );
    }
}
