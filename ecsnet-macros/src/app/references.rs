//! References from one stack of an app to another, on tokens:
//! `network::PrivateSubnet`, `super::network::Vpc.CidrBlock`, and
//! `${network::Vpc.CidrBlock}` inside a string.

use proc_macro2::{Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::{Item, Meta};

use super::StackModule;

/// One reference to another stack's declaration.
pub struct Reference {
    /// The stack referred to, by index among the app's stacks.
    pub stack: usize,
    /// The declaration's name in that stack.
    pub name: Ident,
    /// The attribute read, `CidrBlock` or `Endpoint.Address`; empty for a `Ref`.
    pub attribute: Vec<String>,
    /// Where it is written: the stack's name, or the string.
    pub span: Span,
}

/// Every reference to another stack in the attributes of `items`, the items
/// of the stack `current`; `modules` are the app's stacks.
pub fn find(items: &[Item], modules: &[String], current: &str) -> Vec<Reference> {
    let mut found = Vec::new();
    for tokens in attribute_tokens(items) {
        visit(tokens, &mut |trees, i| {
            if let Some((matched, _)) = match_path(trees, i, modules, current) {
                found.push(matched);
            }
        });
        visit_strings(tokens, &mut |text, span| {
            for (stack, name, attribute) in string_references(text, modules, current) {
                found.push(Reference {
                    stack,
                    name: Ident::new(&name, span),
                    attribute,
                    span,
                });
            }
        });
    }
    found
}

/// `items` with each reference to another stack written as the name of the
/// copy the stack gets (`network__PrivateSubnet`); a reference to another
/// stack's output names what the output's value names.
pub fn rewrite_items(items: &[Item], stacks: &[StackModule], current: &str) -> Vec<Item> {
    let modules: Vec<String> = stacks.iter().map(|s| s.module.clone()).collect();
    items
        .iter()
        .map(|item| {
            let mut item = item.clone();
            let Item::Struct(structure) = &mut item else {
                return item;
            };
            for attribute in &mut structure.attrs {
                if let Meta::List(list) = &mut attribute.meta {
                    list.tokens = rewrite(list.tokens.clone(), stacks, &modules, current);
                }
            }
            item
        })
        .collect()
}

/// `Name` or `Name.Attribute…` as written in an output's value: the
/// declaration and the attribute (one string, dotted), if that is all the
/// value is.
pub fn declaration_path(value: &TokenStream) -> Option<(String, Vec<String>)> {
    let trees: Vec<TokenTree> = value.clone().into_iter().collect();
    let Some(TokenTree::Ident(first)) = trees.first() else {
        return None;
    };
    let mut parts = Vec::new();
    let mut rest = trees[1..].chunks(2);
    for pair in &mut rest {
        match pair {
            [TokenTree::Punct(dot), TokenTree::Ident(part)] if dot.as_char() == '.' => {
                parts.push(part.to_string());
            }
            _ => return None,
        }
    }
    let attribute = if parts.is_empty() {
        Vec::new()
    } else {
        vec![parts.join(".")]
    };
    Some((first.unraw().to_string(), attribute))
}

/// The token streams of the struct attributes of `items` that can hold
/// values (doc comments cannot).
fn attribute_tokens(items: &[Item]) -> impl Iterator<Item = &TokenStream> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Struct(structure) => Some(&structure.attrs),
            _ => None,
        })
        .flatten()
        .filter_map(|attribute| match &attribute.meta {
            Meta::List(list) => Some(&list.tokens),
            _ => None,
        })
}

/// Calls `at` at every position of every token list in `tokens`.
fn visit(tokens: &TokenStream, at: &mut impl FnMut(&[TokenTree], usize)) {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    for i in 0..trees.len() {
        at(&trees, i);
        if let TokenTree::Group(group) = &trees[i] {
            visit(&group.stream(), at);
        }
    }
}

/// Calls `at` with the text of every string literal in `tokens`.
fn visit_strings(tokens: &TokenStream, at: &mut impl FnMut(&str, Span)) {
    for tree in tokens.clone() {
        match tree {
            TokenTree::Group(group) => visit_strings(&group.stream(), at),
            TokenTree::Literal(literal) => {
                if let Some(text) = string_value(&literal)
                    && text.contains("${")
                    && text.contains("::")
                {
                    at(&text, literal.span());
                }
            }
            _ => {}
        }
    }
}

fn string_value(literal: &Literal) -> Option<String> {
    match syn::parse2::<syn::Lit>(TokenTree::Literal(literal.clone()).into()) {
        Ok(syn::Lit::Str(text)) => Some(text.value()),
        _ => None,
    }
}

/// A reference to another stack starting at `i`: `[super ::] stack :: Name
/// [. Attribute]*`, and how many tokens it takes. The name starts with a
/// capital, as declarations do, and is not followed by `::`, `!` or a
/// brace (a Rust path, a macro, a construct).
fn match_path(
    trees: &[TokenTree],
    i: usize,
    modules: &[String],
    current: &str,
) -> Option<(Reference, usize)> {
    let ident = |at: usize| match trees.get(at) {
        Some(TokenTree::Ident(ident)) => Some(ident),
        _ => None,
    };
    let punct =
        |at: usize, c: char| matches!(trees.get(at), Some(TokenTree::Punct(p)) if p.as_char() == c);
    let separator = |at: usize| punct(at, ':') && punct(at + 1, ':');
    // Not in the middle of a longer path.
    if i >= 2 && separator(i - 2) {
        return None;
    }
    let mut at = i;
    if ident(at).is_some_and(|s| s == "super") && separator(at + 1) {
        at += 3;
    }
    let stack_ident = ident(at)?;
    let stack_name = stack_ident.unraw().to_string();
    let stack = modules.iter().position(|m| *m == stack_name)?;
    if stack_name == current || !separator(at + 1) {
        return None;
    }
    let name = ident(at + 3)?;
    if !name
        .unraw()
        .to_string()
        .starts_with(|c: char| c.is_ascii_uppercase())
        || separator(at + 4)
        || punct(at + 4, '!')
        || matches!(trees.get(at + 4), Some(TokenTree::Group(g)) if g.delimiter() == proc_macro2::Delimiter::Brace)
    {
        return None;
    }
    let mut end = at + 4;
    let mut parts = Vec::new();
    while punct(end, '.')
        && let Some(part) = ident(end + 1)
    {
        parts.push(part.to_string());
        end += 2;
    }
    let attribute = if parts.is_empty() {
        Vec::new()
    } else {
        vec![parts.join(".")]
    };
    Some((
        Reference {
            stack,
            name: name.unraw(),
            attribute,
            span: stack_ident.span(),
        },
        // The attribute stays as written after the new name.
        at + 4 - i,
    ))
}

/// `${stack::Name}` and `${stack::Name.Attribute}` in a string's text.
fn string_references(
    text: &str,
    modules: &[String],
    current: &str,
) -> Vec<(usize, String, Vec<String>)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(close) = after.find('}') else {
            break;
        };
        let inner = &after[..close];
        if let Some((stack, path)) = inner.split_once("::")
            && let Some(index) = modules.iter().position(|m| m == stack)
            && stack != current
        {
            let (name, attribute) = path
                .split_once('.')
                .map_or((path, Vec::new()), |(n, a)| (n, vec![a.to_owned()]));
            // Only names that can be declarations and attributes: anything
            // else is left for the stack to report as written.
            let word = |w: &str| {
                w.starts_with(|c: char| c.is_ascii_alphabetic())
                    && w.chars().all(|c| c.is_ascii_alphanumeric())
            };
            if word(name) && attribute.iter().flat_map(|a| a.split('.')).all(word) {
                found.push((index, name.to_owned(), attribute));
            }
        }
        rest = &after[close + 1..];
    }
    found
}

/// `tokens` with the references to other stacks rewritten.
fn rewrite(
    tokens: TokenStream,
    stacks: &[StackModule],
    modules: &[String],
    current: &str,
) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(trees.len());
    let mut i = 0;
    while i < trees.len() {
        if let Some((reference, taken)) = match_path(&trees, i, modules, current) {
            out.extend(replacement(&reference, &stacks[reference.stack]));
            i += taken;
            continue;
        }
        match &trees[i] {
            TokenTree::Group(group) => {
                let mut copy = Group::new(
                    group.delimiter(),
                    rewrite(group.stream(), stacks, modules, current),
                );
                copy.set_span(group.span());
                out.push(TokenTree::Group(copy));
            }
            TokenTree::Literal(literal) => {
                out.push(TokenTree::Literal(rewrite_string(
                    literal, stacks, modules, current,
                )));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

/// The tokens a reference becomes: the copy's name, then the output's
/// attribute when it names another stack's output.
fn replacement(reference: &Reference, producer: &StackModule) -> Vec<TokenTree> {
    let span = reference.name.span();
    let name = reference.name.to_string();
    let output = producer.outputs.iter().find(|(o, _)| *o == name);
    let (id, attribute) = if let Some((_, value)) = output {
        let Some(path) = declaration_path(value) else {
            // Reported by `StackModule::resolve`; a string stands in, so the
            // stack adds no error of its own.
            let mut text = Literal::string(&format!("{}::{name}", producer.module));
            text.set_span(span);
            return vec![TokenTree::Literal(text)];
        };
        path
    } else {
        (name, Vec::new())
    };
    let mut out = vec![TokenTree::Ident(Ident::new(&producer.copy_name(&id), span))];
    for part in attribute.iter().flat_map(|a| a.split('.')) {
        let mut dot = Punct::new('.', Spacing::Alone);
        dot.set_span(span);
        out.push(TokenTree::Punct(dot));
        out.push(TokenTree::Ident(Ident::new(part, span)));
    }
    out
}

/// A string with `${stack::Name…}` written `${stack__Name…}`.
fn rewrite_string(
    literal: &Literal,
    stacks: &[StackModule],
    modules: &[String],
    current: &str,
) -> Literal {
    let Some(text) = string_value(literal) else {
        return literal.clone();
    };
    if !text.contains("${") || !text.contains("::") {
        return literal.clone();
    }
    let mut result = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find("${") {
        result.push_str(&rest[..start + 2]);
        let after = &rest[start + 2..];
        let Some(close) = after.find('}') else {
            rest = after;
            break;
        };
        let inner = &after[..close];
        match inner.split_once("::") {
            Some((stack, path)) if stack != current && modules.iter().any(|m| m == stack) => {
                let producer = &stacks[modules.iter().position(|m| m == stack).unwrap_or(0)];
                let (name, attribute) = path
                    .split_once('.')
                    .map_or((path, None), |(n, a)| (n, Some(a)));
                let resolved = producer
                    .outputs
                    .iter()
                    .find(|(o, _)| o == name)
                    .and_then(|(_, value)| declaration_path(value));
                // An output names what its value names.
                let (id, attribute) =
                    if let (Some((id, output_attribute)), None) = (resolved, attribute) {
                        (id, output_attribute.into_iter().next())
                    } else {
                        (name.to_owned(), attribute.map(str::to_owned))
                    };
                result.push_str(&producer.copy_name(&id));
                if let Some(a) = attribute {
                    result.push('.');
                    result.push_str(&a);
                }
            }
            _ => result.push_str(inner),
        }
        result.push('}');
        rest = &after[close + 1..];
    }
    result.push_str(rest);
    let mut copy = Literal::string(&result);
    copy.set_span(literal.span());
    copy
}
