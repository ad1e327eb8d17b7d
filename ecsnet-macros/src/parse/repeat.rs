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
use syn::parse::{ParseStream, Parser};
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

/// Parses `for var in [..]`, `for (a, b) in [(..), ..]` or `for i in 0..n`.
pub fn parse(input: ParseStream) -> syn::Result<Vec<Row>> {
    input.parse::<Token![for]>()?;
    let names: Vec<Ident> = if input.peek(syn::token::Paren) {
        let content;
        parenthesized!(content in input);
        content
            .parse_terminated(|input: ParseStream| input.parse::<Ident>(), Token![,])?
            .into_iter()
            .collect()
    } else {
        vec![input.parse::<Ident>()?]
    };
    if names.is_empty() {
        return Err(input.error("expected loop variables: `for zone in [\"a\", \"b\"]`"));
    }
    input.parse::<Token![in]>()?;
    let rows = if input.peek(syn::token::Bracket) {
        let content;
        bracketed!(content in input);
        let mut rows = Vec::new();
        while !content.is_empty() {
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
        rows
    } else {
        if names.len() != 1 {
            return Err(input.error("a range binds one variable: `for index in 0..3`"));
        }
        let start: syn::LitInt = input.parse()?;
        let inclusive = input.peek(Token![..=]);
        if inclusive {
            input.parse::<Token![..=]>()?;
        } else {
            input.parse::<Token![..]>()?;
        }
        let end: syn::LitInt = input.parse()?;
        let (from, to): (i64, i64) = (start.base10_parse()?, end.base10_parse()?);
        let to = if inclusive { to } else { to - 1 };
        (from..=to)
            .map(|n| {
                let mut literal = Literal::i64_unsuffixed(n);
                literal.set_span(start.span());
                vec![(
                    names[0].clone(),
                    Bound {
                        literal,
                        text: n.to_string(),
                    },
                )]
            })
            .collect()
    };
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the loop"));
    }
    if rows.is_empty() {
        return Err(input.error("the loop has no values, so it declares nothing"));
    }
    Ok(rows)
}

fn bound(input: ParseStream) -> syn::Result<Bound> {
    if !input.peek(syn::Lit) {
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
        syn::Lit::Int(i) => i.token(),
        _ => unreachable!("rejected above"),
    };
    Ok(Bound { literal, text })
}

/// The suffix of an instance's logical id: a value in `UpperCamelCase`, with
/// only ASCII letters and digits.
pub fn suffix(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// The tokens with a row's values substituted.
pub fn substitute(tokens: TokenStream, row: &Row) -> TokenStream {
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
                        let name = format!("{ident}{}", suffix(&bound.text));
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
            TokenTree::Group(group) => {
                let mut copy = Group::new(group.delimiter(), substitute(group.stream(), row));
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

/// `${var}` and `${Name[var]…}` inside a string literal.
fn substitute_in_string(literal: &Literal, row: &Row) -> Literal {
    let Ok(syn::Lit::Str(text)) =
        syn::parse2::<syn::Lit>(TokenTree::Literal(literal.clone()).into())
    else {
        return literal.clone();
    };
    let original = text.value();
    let mut result = original.clone();
    for (name, bound) in row {
        result = result.replace(&format!("${{{name}}}"), &bound.text);
        // `${Name[var]` keeps whatever follows: `}` or `.Attribute}`.
        let pattern = format!("[{name}]");
        while let Some(at) = result.find(&pattern) {
            let start = result[..at].rfind("${").map_or(0, |s| s + 2);
            let resource = &result[start..at];
            if resource.is_empty() || !resource.chars().all(|c| c.is_ascii_alphanumeric()) {
                break;
            }
            result.replace_range(at..at + pattern.len(), &suffix(&bound.text));
        }
    }
    if result == original {
        return literal.clone();
    }
    let mut replaced = Literal::string(&result);
    replaced.set_span(literal.span());
    replaced
}

/// Parses the arguments of `#[repeat(…)]`.
pub fn parse_attribute(tokens: TokenStream) -> syn::Result<Vec<Row>> {
    parse.parse2(tokens)
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
