//! `#[repeat(for … in …)]`: one declaration, several resources.
//!
//! The stack macro sees its input before `macro_rules!` runs, so repetition
//! is part of the stack language: the declaration's attributes are copied
//! once per row of the loop with the loop variables substituted, and each
//! copy is parsed and checked like any other declaration. Every rule sees
//! every instance, and an error in a value that came from the loop points
//! at that value in the `for` list.
//!
//! Substitution, per row:
//! - a loop variable written as a value becomes its literal;
//! - `Name[var]` becomes the logical id of `Name`'s instance for the row's
//!   value of `var` (`PrivateRouteTable[zone]` → `PrivateRouteTableA`);
//! - `${var}` and `${Name[var]…}` inside any string literal are replaced
//!   the same way, so `"10.0.${index}.0/24"` is a literal CIDR block.
//!
//! Each instance's logical id is the struct's name followed by the first
//! variable's value in `UpperCamelCase` (`"a"` → `A`, `"us-east-1a"` →
//! `UsEast1a`, `7` → `7`).

use proc_macro2::{Delimiter, Group, Ident, Literal, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Token, bracketed, parenthesized};

/// A value a loop variable takes.
#[derive(Clone)]
pub struct Bound {
    /// The literal token as written in the `for` list (its span is where
    /// errors about the value point).
    pub literal: Literal,
    /// The value as text: the string's content, or the integer's digits.
    pub text: String,
}

/// One row of the loop: each variable with its value.
pub type Row = Vec<(Ident, Bound)>;

/// The most instances one `#[repeat]` declares: a template holds at most 500
/// resources (CloudFormation quotas), so a longer loop cannot deploy. The
/// limit is checked before any row is built.
pub const MAX_ROWS: usize = 500;

/// Parses `for var in [..]`, `for (a, b) in [(..), ..]` or `for i in 0..n`.
pub fn parse(input: ParseStream) -> syn::Result<Vec<Row>> {
    input.parse::<Token![for]>()?;
    let names: Vec<Ident> = if input.peek(syn::token::Paren) {
        let content;
        let parens = parenthesized!(content in input);
        let names: Vec<Ident> = content
            .parse_terminated(|input: ParseStream| input.parse::<Ident>(), Token![,])?
            .into_iter()
            .collect();
        if names.is_empty() {
            return Err(syn::Error::new(
                parens.span.join(),
                "expected loop variables: `for (zone, cidr) in [(\"a\", \"10.0.0.0/24\")]`",
            ));
        }
        names
    } else {
        vec![input.parse::<Ident>()?]
    };
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            return Err(syn::Error::new(
                name.span(),
                format!(
                    "the loop variable `{name}` is bound twice; give each variable its own name"
                ),
            ));
        }
    }
    input.parse::<Token![in]>()?;
    let rows = if input.peek(syn::token::Bracket) {
        let content;
        let brackets = bracketed!(content in input);
        let mut rows = Vec::new();
        while !content.is_empty() {
            crate::diag::step(1);
            if rows.len() == MAX_ROWS {
                return Err(syn::Error::new(content.span(), too_many_rows()));
            }
            let values = if names.len() == 1 {
                vec![bound(&content)?]
            } else {
                let tuple;
                let parens = parenthesized!(tuple in content);
                let values: Vec<Bound> = tuple
                    .parse_terminated(bound, Token![,])?
                    .into_iter()
                    .collect();
                if values.len() != names.len() {
                    return Err(syn::Error::new(
                        parens.span.join(),
                        format!("expected {} values, one per loop variable", names.len()),
                    ));
                }
                values
            };
            rows.push(names.iter().cloned().zip(values).collect());
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        if rows.is_empty() {
            return Err(syn::Error::new(
                brackets.span.join(),
                "the loop has no values, so it declares nothing; list at least one value",
            ));
        }
        rows
    } else {
        if names.len() != 1 {
            return Err(input.error("a range binds one variable: `for index in 0..3`"));
        }
        range_rows(input, &names[0])?
    };
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the loop"));
    }
    Ok(rows)
}

fn too_many_rows() -> String {
    format!(
        "`#[repeat]` declares at most {MAX_ROWS} instances, as a template holds at most 500 resources; \
         split the loop or the stack"
    )
}

/// The rows of `for i in a..b` or `a..=b`; the size is checked before any
/// row is made, with arithmetic that cannot overflow.
fn range_rows(input: ParseStream, name: &Ident) -> syn::Result<Vec<Row>> {
    let start: syn::LitInt = input.parse()?;
    let inclusive = input.peek(Token![..=]);
    if inclusive {
        input.parse::<Token![..=]>()?;
    } else if input.peek(Token![..]) {
        input.parse::<Token![..]>()?;
    } else {
        return Err(input.error("expected `..` or `..=` after the start of the range: `0..3`"));
    }
    let end: syn::LitInt = input.parse()?;
    let (from, to): (i64, i64) = (start.base10_parse()?, end.base10_parse()?);
    let count = i128::from(to) - i128::from(from) + i128::from(inclusive);
    let range_error = |message: String| crate::diag::range_error(start.span(), end.span(), message);
    if count <= 0 {
        let dots = if inclusive { "..=" } else { ".." };
        return Err(range_error(format!(
            "the range `{from}{dots}{to}` is empty, so the loop declares nothing; \
             a range counts up from its start"
        )));
    }
    if count > MAX_ROWS as i128 {
        return Err(range_error(too_many_rows()));
    }
    let count = i64::try_from(count).unwrap_or(0);
    Ok((0..count)
        .map(|offset| {
            let n = from + offset;
            let mut literal = Literal::i64_unsuffixed(n);
            literal.set_span(start.span());
            vec![(
                name.clone(),
                Bound {
                    literal,
                    text: n.to_string(),
                },
            )]
        })
        .collect())
}

fn bound(input: ParseStream) -> syn::Result<Bound> {
    if !input.peek(syn::Lit) && !input.peek(Token![-]) {
        return Err(input.error(
            "loop values are string or integer literals: the macro repeats the declaration when it compiles, before any parameter has a value",
        ));
    }
    let lit: syn::Lit = input.parse()?;
    let text = match &lit {
        syn::Lit::Str(s) => s.value(),
        syn::Lit::Int(i) => i.base10_digits().to_owned(),
        other => {
            return Err(syn::Error::new(
                other.span(),
                "loop values are strings or integers",
            ));
        }
    };
    let literal = match lit {
        syn::Lit::Str(s) => s.token(),
        syn::Lit::Int(i) => {
            // A negative literal is two tokens; the value it stands for is one.
            let mut literal: Literal = text.parse().unwrap_or_else(|_| i.token());
            literal.set_span(i.span());
            literal
        }
        _ => unreachable!("rejected above"),
    };
    Ok(Bound { literal, text })
}

/// The suffix of an instance's logical id (see `ecsnet_schema::repeat`).
pub fn suffix(text: &str) -> String {
    ecsnet_schema::repeat::suffix(text)
}

/// The tokens with a row's values substituted.
pub fn substitute(tokens: TokenStream, row: &Row) -> TokenStream {
    substitute_within(tokens, row, 0)
}

fn substitute_within(tokens: TokenStream, row: &Row, depth: usize) -> TokenStream {
    crate::diag::step(1);
    let value = |ident: &Ident| row.iter().find(|(name, _)| name == ident).map(|(_, b)| b);
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Ident(ident) => {
                // `Name[var]`: the instance of `Name` for this row.
                if let Some(TokenTree::Group(group)) = trees.get(i + 1)
                    && group.delimiter() == Delimiter::Bracket
                {
                    let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                    if let [TokenTree::Ident(var)] = inner.as_slice()
                        && let Some(bound) = value(var)
                    {
                        let name = format!("{}{}", ident.unraw(), suffix(&bound.text));
                        out.push(TokenTree::Ident(Ident::new(&name, ident.span())));
                        i += 2;
                        continue;
                    }
                }
                // A key (`name: …`) keeps its name even if a variable shares it.
                let is_key = matches!(
                    trees.get(i + 1),
                    Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == proc_macro2::Spacing::Alone
                );
                match value(ident) {
                    Some(bound) if !is_key => out.push(TokenTree::Literal(bound.literal.clone())),
                    _ => out.push(trees[i].clone()),
                }
            }
            // Deeper groups are copied as they are; parsing reports the depth.
            TokenTree::Group(group) if depth >= crate::parse::value::MAX_DEPTH => {
                out.push(trees[i].clone());
            }
            TokenTree::Group(group) => {
                let inner = substitute_within(group.stream(), row, depth + 1);
                let mut copy = Group::new(group.delimiter(), inner);
                copy.set_span(group.span());
                out.push(TokenTree::Group(copy));
            }
            TokenTree::Literal(literal) => {
                out.push(TokenTree::Literal(substitute_in_string(literal, row)));
            }
            TokenTree::Punct(_) => out.push(trees[i].clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

/// `${var}` and `${Name[var]…}` inside a string literal; text outside
/// `${…}` is never touched, so `"Logs[zone]"` stays as written.
fn substitute_in_string(literal: &Literal, row: &Row) -> Literal {
    let Ok(syn::Lit::Str(text)) =
        syn::parse2::<syn::Lit>(TokenTree::Literal(literal.clone()).into())
    else {
        return literal.clone();
    };
    let original = text.value();
    let mut result = String::with_capacity(original.len());
    let mut rest = original.as_str();
    while let Some(start) = rest.find("${") {
        let (before, after) = rest.split_at(start + 2);
        let Some(close) = after.find('}') else {
            break;
        };
        let placeholder = &after[..close];
        if let Some((_, bound)) = row.iter().find(|(name, _)| name == placeholder) {
            // `${var}` is the variable's value, without `${}`.
            result.push_str(&before[..start]);
            result.push_str(&bound.text);
            rest = &after[close + 1..];
        } else {
            result.push_str(before);
            result.push_str(&substitute_placeholder(placeholder, row));
            rest = &after[close..];
        }
    }
    result.push_str(rest);
    if result == original {
        return literal.clone();
    }
    let mut replaced = Literal::string(&result);
    replaced.set_span(literal.span());
    replaced
}

/// The text of one `${…}` with a row substituted: `Name[var]` (followed by
/// nothing or by an attribute) becomes the instance's logical id.
fn substitute_placeholder(text: &str, row: &Row) -> String {
    if let Some(open) = text.find('[')
        && let Some(close) = text[open..].find(']').map(|c| open + c)
    {
        let (resource, var) = (&text[..open], &text[open + 1..close]);
        if !resource.is_empty()
            && resource.chars().all(|c| c.is_ascii_alphanumeric())
            && let Some((_, bound)) = row.iter().find(|(name, _)| name == var)
        {
            return format!("{resource}{}{}", suffix(&bound.text), &text[close + 1..]);
        }
    }
    text.to_owned()
}

/// Parses the arguments of `#[repeat(…)]` on their own.
#[cfg(test)]
pub fn parse_attribute(tokens: TokenStream) -> syn::Result<Vec<Row>> {
    syn::parse::Parser::parse2(parse, tokens)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn suffixes_are_upper_camel_case() {
        assert_eq!(suffix("a"), "A");
        assert_eq!(suffix("us-east-1a"), "UsEast1a");
        assert_eq!(suffix("7"), "7");
    }

    #[test]
    fn substitutes_values_references_and_strings() {
        let rows = parse_attribute(quote!(for (zone, index) in [("a", 1), ("b", 2)])).unwrap();
        assert_eq!(rows.len(), 2);
        let tokens = quote!({
            zone: zone,
            table: PrivateRouteTable[zone],
            cidr: "10.0.${index}.0/24",
            name: sub!("${PrivateSubnet[zone]}-${AWS::Region}${zone}"),
        });
        let out = substitute(tokens, &rows[1]).to_string();
        assert!(out.contains("zone : \"b\""), "a key keeps its name: {out}");
        assert!(out.contains("PrivateRouteTableB"), "{out}");
        assert!(out.contains("\"10.0.2.0/24\""), "{out}");
        assert!(
            out.contains("\"${PrivateSubnetB}-${AWS::Region}b\""),
            "{out}"
        );
    }

    #[test]
    fn ranges_count_from_start() {
        let rows = parse_attribute(quote!(for i in 0..3)).unwrap();
        let texts: Vec<&str> = rows.iter().map(|r| r[0].1.text.as_str()).collect();
        assert_eq!(texts, ["0", "1", "2"]);
        assert_eq!(parse_attribute(quote!(for i in 1..=2)).unwrap().len(), 2);
    }
}
