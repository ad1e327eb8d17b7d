//! Instances: `#[construct(path { input: value, … })] struct Name;` in a
//! stack becomes the construct's declarations, each named `Name` followed
//! by its name in the construct (`PrivateA` + `Subnet` = `PrivateASubnet`),
//! with the inputs replaced by the arguments.
//!
//! Replacement is on tokens, as `#[repeat]` does, so every token keeps the
//! span it was written with: an argument's tokens point into the stack, the
//! construct's into the construct. In the construct's text:
//! - an input's name written as a value becomes the argument;
//! - a declaration's name becomes the instance's declaration;
//! - inside a string literal, `${Input}` becomes the argument (a string's
//!   text, or `${Name}` / `${Name.Attribute}` for a reference), and
//!   `${Declaration…}` the instance's declaration.
//!
//! A name after `.` or `::`, before `::`, or as a key before `:` is never
//! replaced: `AWS::EC2::Subnet` and `NatGateway.AllocationId` stay as they
//! are.

use std::fmt::Write as _;

use proc_macro2::{Delimiter, Group, Ident, Literal, Span, TokenStream, TokenTree};
use quote::quote;
use syn::ext::IdentExt;
use syn::{Attribute, Item, ItemMod, ItemStruct};

use super::{Definitions, path_text};
use crate::diag::{Errors, did_you_mean, list_in_backticks};

/// What expanding the known instances of a module gives.
pub enum Expanded {
    /// Every instance is expanded: the module, without instances.
    Done(TokenStream),
    /// An instance names a construct whose definition is not known yet:
    /// the module with the known ones expanded, and the path to ask.
    Pending(TokenStream, TokenStream),
}

/// An instance as written.
struct Instance {
    /// The instance's name, the prefix of its declarations' names.
    name: Ident,
    /// The construct's path, as written.
    path: TokenStream,
    /// `{ input: value, … }`, if given.
    args: Option<Group>,
    /// The `#[construct]` path's span, for errors about the instance.
    span: Span,
    /// `#[foreign(…)]`, when `#[app]` copied the instance from another
    /// stack: each declaration of the instance is a copy too.
    foreign: Option<Attribute>,
}

/// Expands, in `module`, every instance whose construct is in
/// `definitions`, and the instances those declare in turn, up to
/// [`super::MAX_ROUNDS`] levels deep.
///
/// The module is parsed once and printed once, however many rounds it
/// takes, and each construct's definition is read once, however many
/// instances it has: a stack of a hundred instances would otherwise pay
/// for a hundred readings of the same text.
pub fn expand_known(module: &TokenStream, definitions: &Definitions, errors: &Errors) -> Expanded {
    let Ok(mut parsed) = syn::parse2::<ItemMod>(module.clone()) else {
        // Not a module: `#[stack]` reports it.
        return Expanded::Done(module.clone());
    };
    let mut read = ReadDefinitions::default();
    for _ in 0..super::MAX_ROUNDS {
        let Some((_, items)) = parsed.content.as_mut() else {
            return Expanded::Done(module.clone());
        };
        let (pending, progress) = expand_once(items, definitions, &mut read, errors);
        if let Some(path) = pending {
            return Expanded::Pending(quote!(#parsed), path);
        }
        if !progress {
            return Expanded::Done(quote!(#parsed));
        }
    }
    errors.push_spanned(
        Span::call_site(),
        format!(
            "this stack's constructs instantiate constructs more than {} levels deep; a construct may not instantiate itself",
            super::MAX_ROUNDS
        ),
    );
    Expanded::Done(quote!(#parsed))
}

/// One pass of [`expand_known`] over the module's items: the path of a
/// construct whose definition is not known yet, if any, and `true` when an
/// instance was expanded.
fn expand_once(
    items: &mut Vec<Item>,
    definitions: &Definitions,
    read: &mut ReadDefinitions,
    errors: &Errors,
) -> (Option<TokenStream>, bool) {
    let mut progress = false;
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut pending: Option<TokenStream> = None;
    for item in items.drain(..) {
        let Item::Struct(structure) = &item else {
            out.push(item);
            continue;
        };
        let Some(instance) = instance(structure, errors) else {
            out.push(item);
            continue;
        };
        let path = path_text(&instance.path);
        let Some(definition) = definitions.get(&path) else {
            pending.get_or_insert_with(|| instance.path.clone());
            out.push(item);
            continue;
        };
        out.extend(expand(
            &instance,
            read.get(path, definition, errors),
            errors,
        ));
        progress = true;
    }
    *items = out;
    (pending, progress)
}

/// The definitions read so far, by path.
#[derive(Default)]
struct ReadDefinitions {
    entries: Vec<(String, Definition)>,
}

impl ReadDefinitions {
    /// The definition at `path`, read from its tokens the first time.
    fn get(&mut self, path: String, tokens: &TokenStream, errors: &Errors) -> &Definition {
        if let Some(at) = self.entries.iter().position(|(p, _)| *p == path) {
            return &self.entries[at].1;
        }
        self.entries.push((path, read_definition(tokens, errors)));
        &self.entries.last().expect("just pushed").1
    }
}

/// The instance a struct declares with `#[construct(…)]`, if any.
fn instance(structure: &ItemStruct, errors: &Errors) -> Option<Instance> {
    let attribute = structure
        .attrs
        .iter()
        .find(|a| a.path().is_ident("construct"))?;
    let syn::Meta::List(list) = &attribute.meta else {
        errors.push_spanned(
            attribute.path().get_ident().map_or_else(Span::call_site, Ident::span),
            "expected the construct and its inputs: `#[construct(constructs::private_subnet { vpc: Vpc, … })]`",
        );
        return None;
    };
    let mut path = TokenStream::new();
    let mut args = None;
    for tree in list.tokens.clone() {
        match tree {
            TokenTree::Group(group) if group.delimiter() == Delimiter::Brace && args.is_none() => {
                args = Some(group);
            }
            other if args.is_none() => path.extend([other]),
            other => {
                errors.push_spanned(
                    other.span(),
                    "unexpected tokens after the construct's inputs",
                );
                return None;
            }
        }
    }
    if path.is_empty() {
        errors.push_spanned(
            list.delimiter.span().join(),
            "expected the construct's path: `#[construct(constructs::private_subnet { … })]`",
        );
        return None;
    }
    Some(Instance {
        name: structure.ident.unraw(),
        path,
        args,
        span: attribute
            .path()
            .get_ident()
            .map_or_else(Span::call_site, Ident::span),
        foreign: structure
            .attrs
            .iter()
            .find(|a| a.path().is_ident(crate::parse::kw::FOREIGN))
            .cloned(),
    })
}

/// One input of a construct: `#[input(Type, default = value)] struct Name;`.
struct Input {
    name: Ident,
    /// The argument's key: the name in `snake_case`.
    key: String,
    default: Option<TokenStream>,
}

/// A construct's definition, read: its inputs and its declarations.
struct Definition {
    inputs: Vec<Input>,
    declarations: Vec<ItemStruct>,
}

/// The construct's items, split into inputs and the rest.
fn read_definition(definition: &TokenStream, errors: &Errors) -> Definition {
    let items = match syn::parse::Parser::parse2(
        |input: syn::parse::ParseStream| {
            let mut items = Vec::new();
            while !input.is_empty() {
                items.push(input.parse::<Item>()?);
            }
            Ok(items)
        },
        definition.clone(),
    ) {
        Ok(items) => items,
        Err(error) => {
            errors.push(error);
            return Definition {
                inputs: Vec::new(),
                declarations: Vec::new(),
            };
        }
    };
    let mut inputs = Vec::new();
    let mut declarations = Vec::new();
    for item in items {
        let Item::Struct(structure) = item else {
            continue;
        };
        match structure.attrs.iter().find(|a| a.path().is_ident("input")) {
            Some(attribute) => {
                let default = input_default(attribute);
                inputs.push(Input {
                    key: snake_case(&structure.ident.unraw().to_string()),
                    name: structure.ident.unraw(),
                    default,
                });
            }
            None => declarations.push(structure),
        }
    }
    Definition {
        inputs,
        declarations,
    }
}

/// The tokens after `default =` in `#[input(Type, default = value)]`.
fn input_default(attribute: &Attribute) -> Option<TokenStream> {
    let syn::Meta::List(list) = &attribute.meta else {
        return None;
    };
    let parts = split_commas(list.tokens.clone());
    parts.iter().skip(1).find_map(|part| {
        let mut trees = part.clone().into_iter();
        match (trees.next(), trees.next()) {
            (Some(TokenTree::Ident(key)), Some(TokenTree::Punct(eq)))
                if key == "default" && eq.as_char() == '=' =>
            {
                Some(trees.collect())
            }
            _ => None,
        }
    })
}

/// The instance's declarations.
fn expand(instance: &Instance, definition: &Definition, errors: &Errors) -> Vec<Item> {
    let (inputs, declarations) = (&definition.inputs, &definition.declarations);
    let construct = path_text(&instance.path);
    let _rule = errors.rule("construct-inputs");
    // The arguments, by input.
    let mut values: Vec<(Ident, TokenStream)> = Vec::new();
    let mut given: Vec<(String, Span)> = Vec::new();
    if let Some(args) = &instance.args {
        for part in split_commas(args.stream()) {
            let mut trees = part.into_iter();
            let (Some(TokenTree::Ident(key)), Some(TokenTree::Punct(colon))) =
                (trees.next(), trees.next())
            else {
                errors.push_spanned(
                    args.span_open(),
                    "expected the construct's inputs as `name: value`, separated by commas",
                );
                return Vec::new();
            };
            let value: TokenStream = trees.collect();
            if colon.as_char() != ':' || value.is_empty() {
                errors.push_spanned(key.span(), format!("expected `{key}: value`"));
                continue;
            }
            let key_text = key.unraw().to_string();
            if given.iter().any(|(k, _)| *k == key_text) {
                errors.push_spanned(key.span(), format!("input `{key_text}` is given twice"));
                continue;
            }
            given.push((key_text.clone(), key.span()));
            if let Some(input) = inputs.iter().find(|i| i.key == key_text) {
                values.push((input.name.clone(), value));
            } else {
                {
                    let keys: Vec<&str> = inputs.iter().map(|i| i.key.as_str()).collect();
                    let mut message = format!("construct `{construct}` has no input `{key_text}`");
                    if let Some(close) = did_you_mean(&key_text, keys.iter().copied()) {
                        let _ = write!(message, "; did you mean `{close}`?");
                    } else if keys.is_empty() {
                        message.push_str("; it takes none");
                    } else {
                        let _ = write!(message, "; its inputs are {}", list_in_backticks(&keys));
                    }
                    errors.push_spanned(key.span(), message);
                }
            }
        }
    }
    let mut missing = Vec::new();
    for input in inputs {
        if values.iter().any(|(name, _)| *name == input.name) {
            continue;
        }
        match &input.default {
            Some(default) => values.push((input.name.clone(), default.clone())),
            None => missing.push(input.key.as_str()),
        }
    }
    if !missing.is_empty() {
        errors.push_spanned(
            instance.span,
            format!(
                "instance `{}` of construct `{construct}` lacks the input{} {}",
                instance.name,
                if missing.len() == 1 { "" } else { "s" },
                list_in_backticks(&missing)
            ),
        );
        return Vec::new();
    }
    let renamed: Vec<(Ident, Ident)> = declarations
        .iter()
        .map(|d| {
            let name = d.ident.unraw();
            let new = Ident::new(&format!("{}{}", instance.name, name), name.span());
            (name, new)
        })
        .collect();
    let substitution = Substitution {
        values: &values,
        renamed: &renamed,
    };
    declarations
        .iter()
        .cloned()
        .zip(&renamed)
        .map(|(mut declaration, (_, new))| {
            declaration.ident = new.clone();
            for attribute in &mut declaration.attrs {
                if let syn::Meta::List(list) = &mut attribute.meta {
                    list.tokens = substitution.tokens(list.tokens.clone(), 0);
                }
            }
            let doc = format!(
                "Declared by instance `{}` of construct `{construct}`.",
                instance.name
            );
            declaration.attrs.push(doc_attribute(&doc));
            declaration.attrs.extend(instance.foreign.clone());
            Item::Struct(declaration)
        })
        .collect()
}

/// `#[doc = "text"]`, built rather than parsed: one per declaration of
/// every instance.
fn doc_attribute(text: &str) -> Attribute {
    Attribute {
        pound_token: syn::token::Pound::default(),
        style: syn::AttrStyle::Outer,
        bracket_token: syn::token::Bracket::default(),
        meta: syn::Meta::NameValue(syn::MetaNameValue {
            path: Ident::new("doc", Span::call_site()).into(),
            eq_token: syn::token::Eq::default(),
            value: syn::Expr::Lit(syn::ExprLit {
                attrs: Vec::new(),
                lit: syn::Lit::Str(syn::LitStr::new(text, Span::call_site())),
            }),
        }),
    }
}

/// The replacements of one instance (and, for `#[app]`, the renaming of a
/// stack's declarations in their copies).
pub struct Substitution<'a> {
    /// Inputs and their arguments.
    pub values: &'a [(Ident, TokenStream)],
    /// The construct's declarations and the instance's names for them.
    pub renamed: &'a [(Ident, Ident)],
}

impl Substitution<'_> {
    pub fn tokens(&self, tokens: TokenStream, depth: usize) -> TokenStream {
        crate::diag::step(1);
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out: Vec<TokenTree> = Vec::with_capacity(trees.len());
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Ident(ident) if Self::replaceable(&trees, i) => {
                    let name = ident.unraw();
                    if let Some((_, value)) = self.values.iter().find(|(n, _)| *n == name) {
                        out.extend(value.clone());
                    } else if let Some((_, new)) = self.renamed.iter().find(|(n, _)| *n == name) {
                        out.push(TokenTree::Ident(Ident::new(&new.to_string(), ident.span())));
                    } else {
                        out.push(tree.clone());
                    }
                }
                TokenTree::Group(group) if depth < crate::parse::value::MAX_DEPTH => {
                    let mut copy =
                        Group::new(group.delimiter(), self.tokens(group.stream(), depth + 1));
                    copy.set_span(group.span());
                    out.push(TokenTree::Group(copy));
                }
                TokenTree::Literal(literal) => out.push(TokenTree::Literal(self.string(literal))),
                other => out.push(other.clone()),
            }
        }
        out.into_iter().collect()
    }

    /// Whether the identifier at `i` names something: not an attribute
    /// after `.`, not a segment of a path (`AWS::EC2::Subnet`), not a key
    /// before a single `:`.
    fn replaceable(trees: &[TokenTree], i: usize) -> bool {
        let colon =
            |at: usize| matches!(trees.get(at), Some(TokenTree::Punct(p)) if p.as_char() == ':');
        let dot =
            |at: usize| matches!(trees.get(at), Some(TokenTree::Punct(p)) if p.as_char() == '.');
        let after_path_separator = i >= 2 && colon(i - 1) && colon(i - 2);
        let after_dot = i >= 1 && dot(i - 1);
        // `Name:` (a key) or `Name::` (a path's head).
        let before_colon = colon(i + 1);
        !(after_path_separator || after_dot || before_colon)
    }

    /// `${Input}` and `${Declaration…}` inside a string literal.
    fn string(&self, literal: &Literal) -> Literal {
        let Ok(syn::Lit::Str(text)) =
            syn::parse2::<syn::Lit>(TokenTree::Literal(literal.clone()).into())
        else {
            return literal.clone();
        };
        let value = text.value();
        if !value.contains("${") {
            return literal.clone();
        }
        let mut result = String::with_capacity(value.len());
        let mut rest = value.as_str();
        while let Some(start) = rest.find("${") {
            result.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(close) = after.find('}') else {
                result.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let inner = &after[..close];
            let (head, tail) = inner
                .split_once('.')
                .map_or((inner, None), |(h, t)| (h, Some(t)));
            let placeholder = |name: &str| match tail {
                Some(tail) => format!("${{{name}.{tail}}}"),
                None => format!("${{{name}}}"),
            };
            let replaced = if let Some((_, value)) = self.values.iter().find(|(n, _)| *n == head) {
                match (argument(value), tail) {
                    (Some(Argument::Text(text)), None) => Some(text),
                    (Some(Argument::Reference(name)), _) => Some(placeholder(&name)),
                    _ => None,
                }
            } else {
                self.renamed
                    .iter()
                    .find(|(n, _)| *n == head)
                    .map(|(_, new)| placeholder(&new.to_string()))
            };
            if let Some(text) = replaced {
                result.push_str(&text);
            } else {
                result.push_str("${");
                result.push_str(inner);
                result.push('}');
            }
            rest = &after[close + 1..];
        }
        result.push_str(rest);
        let mut out = Literal::string(&result);
        out.set_span(literal.span());
        out
    }
}

/// An argument as `${Input}` can take it.
enum Argument {
    /// A string or integer literal: its text replaces `${Input}`.
    Text(String),
    /// A reference (`Name`, `Name.Attribute`, `AWS::Region`): `${Input}`
    /// becomes `${Name}`, and `${Input.Attribute}` `${Name.Attribute}`.
    Reference(String),
}

/// The argument as a placeholder can take it; `None` for anything else,
/// which stays `${Input}` and is reported as an unknown name where it is
/// used.
fn argument(value: &TokenStream) -> Option<Argument> {
    let trees: Vec<TokenTree> = value.clone().into_iter().collect();
    if let [TokenTree::Literal(literal)] = trees.as_slice() {
        return match syn::parse2::<syn::Lit>(TokenTree::Literal(literal.clone()).into()) {
            Ok(syn::Lit::Str(text)) => Some(Argument::Text(text.value())),
            Ok(syn::Lit::Int(int)) => Some(Argument::Text(int.base10_digits().to_owned())),
            _ => None,
        };
    }
    let text = value.to_string().replace(' ', "");
    text.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == ':' || c == '_')
        .then_some(Argument::Reference(text))
}

/// Splits tokens at top-level commas.
fn split_commas(tokens: TokenStream) -> Vec<TokenStream> {
    let mut parts = vec![TokenStream::new()];
    for tree in tokens {
        match &tree {
            TokenTree::Punct(p) if p.as_char() == ',' => parts.push(TokenStream::new()),
            _ => parts.last_mut().expect("never empty").extend([tree]),
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// `CidrBlock` → `cidr_block`.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower =
                i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let before_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if i > 0 && (after_lower || before_lower && chars[i - 1].is_ascii_uppercase()) {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Substitution, snake_case};
    use proc_macro2::{Ident, Literal, Span, TokenStream};

    #[test]
    fn placeholders_take_the_argument() {
        let ident = |name: &str| Ident::new(name, Span::call_site());
        let values: Vec<(Ident, TokenStream)> = vec![
            (ident("Zone"), "\"b\"".parse().unwrap()),
            (ident("Bucket"), "Logs".parse().unwrap()),
        ];
        let renamed = vec![(ident("Queue"), ident("PrivateQueue"))];
        let substitution = Substitution {
            values: &values,
            renamed: &renamed,
        };
        let replaced = |text: &str| substitution.string(&Literal::string(text)).to_string();
        assert_eq!(replaced("${AWS::Region}${Zone}"), "\"${AWS::Region}b\"");
        assert_eq!(
            replaced("${Bucket}/${Bucket.Arn}"),
            "\"${Logs}/${Logs.Arn}\""
        );
        assert_eq!(replaced("${Queue.Arn}"), "\"${PrivateQueue.Arn}\"");
        // A literal has no attributes: the placeholder stays for the
        // references rule to report.
        assert_eq!(replaced("${Zone.Arn}"), "\"${Zone.Arn}\"");
    }

    #[test]
    fn input_names_become_snake_case_keys() {
        assert_eq!(snake_case("Vpc"), "vpc");
        assert_eq!(snake_case("CidrBlock"), "cidr_block");
        assert_eq!(snake_case("NATGateway"), "nat_gateway");
        assert_eq!(snake_case("Zone2"), "zone2");
    }
}
