//! Parsing: the `#[stack]` module into a [`Stack`], with every ecsnet
//! attribute taken off the items it decorates.
//!
//! Parsing never stops at the first mistake: a declaration whose attribute
//! does not parse is reported, remembered as "broken" so references to it
//! raise no further errors, and the rest of the stack is still parsed.

mod attr;
pub mod kw;
mod repeat;
pub mod value;

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Item, ItemMod, ItemStruct, LitStr};

use crate::diag::Errors;
use crate::model::{Condition, Declaration, DeclarationKind, Mapping, Resource, Stack};
use crate::schema;

/// The parsed stack and the module to emit around the generated code.
pub struct Parsed {
    pub stack: Stack,
    /// The user's module with ecsnet's attributes removed.
    pub module: ItemMod,
    /// Declarations that did not parse; they still define their names.
    pub broken: Vec<Ident>,
    /// Structs that declare several instances with `#[repeat]`.
    pub repeated: Vec<Repeated>,
}

/// Parses `#[stack(args)] mod name { items }`.
///
/// Returns `Err` only when the item is not an inline module at all; every
/// other mistake goes into `errors`.
pub fn parse(args: TokenStream, item: &TokenStream, errors: &Errors) -> syn::Result<Parsed> {
    let mut module: ItemMod = syn::parse2(item.clone()).map_err(|_| not_a_module(item))?;
    if module.content.is_none() {
        return Err(not_a_module(item));
    }
    let options = match attr::parse_stack_options(args) {
        Ok(options) => options,
        Err(error) => {
            errors.push(error);
            attr::StackOptions::default()
        }
    };
    let description = options
        .description
        .or_else(|| docs(&module.attrs).map(|text| LitStr::new(&text, module.ident.span())));
    let crate_path = options
        .crate_path
        .unwrap_or_else(|| syn::parse_quote!(::ecsnet));

    let mut collected = Collected::default();
    let (_, items) = module.content.as_mut().expect("checked above");
    collected.struct_names = items
        .iter()
        .filter_map(|item| match item {
            Item::Struct(s) => Some(s.ident.unraw().to_string()),
            _ => None,
        })
        .collect();
    for item in items.iter_mut() {
        match item {
            Item::Struct(item) => parse_struct(item, errors, &mut collected),
            other => reject_misplaced_attributes(other, errors, &mut collected),
        }
    }

    Ok(Parsed {
        stack: Stack {
            description,
            transform: options.transform.unwrap_or_default(),
            metadata: options.metadata,
            rules: options.rules,
            crate_path,
            ident: module.ident.clone(),
            declarations: collected.declarations,
        },
        module,
        broken: collected.broken,
        repeated: collected.repeated,
    })
}

/// The facade crate's path a stack's arguments give (`crate = "…"`), or
/// `::ecsnet`; mistakes in the arguments are reported by [`parse`].
pub fn crate_path(args: &TokenStream) -> syn::Path {
    attr::parse_stack_options(args.clone())
        .ok()
        .and_then(|options| options.crate_path)
        .unwrap_or_else(|| syn::parse_quote!(::ecsnet))
}

/// How deep brackets, braces and parentheses may nest anywhere in a stack
/// module. `syn` builds its view of the tokens recursively, so a module
/// nested thousands of levels deep would overflow the compiler's stack
/// before any ecsnet check runs; values have their own, smaller limit
/// ([`value::MAX_DEPTH`]), and this one leaves room for the module,
/// the attribute and the property block around them.
pub const MAX_TOKEN_DEPTH: usize = value::MAX_DEPTH + 32;

/// The module with every group deeper than [`MAX_TOKEN_DEPTH`] emptied and
/// reported. Recurses at most that deep.
pub fn cut_deep_groups(tokens: TokenStream, errors: &Errors) -> TokenStream {
    fn cut(tokens: TokenStream, depth: usize, errors: &Errors) -> TokenStream {
        tokens
            .into_iter()
            .map(|tree| match tree {
                TokenTree::Group(group) => {
                    let inner = if depth + 1 >= MAX_TOKEN_DEPTH {
                        if !group.stream().is_empty() {
                            errors.push_spanned(
                                group.span_open(),
                                format!(
                                    "this nests more than {MAX_TOKEN_DEPTH} levels deep, and ecsnet reads \
                                     values at most {} levels deep; flatten it, or load it from a file with `include_str!`",
                                    value::MAX_DEPTH
                                ),
                            );
                        }
                        TokenStream::new()
                    } else {
                        cut(group.stream(), depth + 1, errors)
                    };
                    let mut copy = Group::new(group.delimiter(), inner);
                    copy.set_span(group.span());
                    TokenTree::Group(copy)
                }
                other => other,
            })
            .collect()
    }
    crate::diag::step(1);
    // Most modules are shallow: check before copying anything.
    let mut stack: Vec<(TokenStream, usize)> = vec![(tokens.clone(), 0)];
    let mut deepest = 0;
    while let Some((stream, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        if deepest >= MAX_TOKEN_DEPTH {
            return cut(tokens, 0, errors);
        }
        for tree in stream {
            crate::diag::step(1);
            if let TokenTree::Group(group) = tree {
                stack.push((group.stream(), depth + 1));
            }
        }
    }
    tokens
}

fn not_a_module(item: &TokenStream) -> syn::Error {
    let span = item
        .clone()
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |t| t.span());
    syn::Error::new(
        span,
        "`#[stack]` goes on an inline module: `#[stack] pub mod my_stack { … }`",
    )
}

/// What the structs of a stack module declare.
#[derive(Default)]
struct Collected {
    declarations: Vec<Declaration>,
    broken: Vec<Ident>,
    repeated: Vec<Repeated>,
    /// The name of every struct of the module, declarations or not.
    struct_names: Vec<String>,
    /// Instances declared by `#[repeat]` so far, against [`MAX_INSTANCES`].
    instances: usize,
}

/// The most instances all the `#[repeat]`s of a stack declare together: as
/// many as a template can hold, 500 resources and 200 outputs. Loops past it
/// are reported and not expanded, so a stack of many long loops costs no
/// more than one that fits.
const MAX_INSTANCES: usize = 700;

/// A struct with `#[repeat(…)]` and the instances it declares.
pub struct Repeated {
    /// The struct as written.
    pub base: Ident,
    /// One logical id per row of the loop.
    pub instances: Vec<Ident>,
    /// Whether the struct is a copy of another stack's (see `app`).
    pub foreign: bool,
}

/// Parses one struct's ecsnet attributes into `out`; a struct with none is
/// left alone. A struct `#[app]` copied from another stack (`#[foreign(…)]`)
/// declares copies.
fn parse_struct(item: &mut ItemStruct, errors: &Errors, out: &mut Collected) {
    let foreign = take_foreign(&mut item.attrs);
    let before = (out.declarations.len(), out.repeated.len());
    parse_declarations(item, errors, out);
    if let Some(foreign) = foreign {
        for declaration in &mut out.declarations[before.0..] {
            declaration.foreign = Some(foreign.clone());
        }
        for repeated in &mut out.repeated[before.1..] {
            repeated.foreign = true;
        }
    }
}

/// Removes `#[foreign(module = network, stack_name = "…")]`, which only
/// `#[app]` writes, and reads it.
fn take_foreign(attributes: &mut Vec<Attribute>) -> Option<crate::model::Foreign> {
    let index = attributes
        .iter()
        .position(|a| a.path().is_ident(kw::FOREIGN))?;
    let attribute = attributes.remove(index);
    let mut foreign = crate::model::Foreign {
        module: String::new(),
        stack_name: String::new(),
    };
    // Written by `#[app]`, so it parses; a hand-written one that does not
    // leaves the names empty, which only changes export names.
    let _ = attribute.parse_nested_meta(|meta| {
        if meta.path.is_ident("module") {
            foreign.module = meta.value()?.parse::<Ident>()?.to_string();
        } else if meta.path.is_ident("stack_name") {
            foreign.stack_name = meta.value()?.parse::<LitStr>()?.value();
        }
        Ok(())
    });
    Some(foreign)
}

fn parse_declarations(item: &mut ItemStruct, errors: &Errors, out: &mut Collected) {
    let ours = take_attributes(&mut item.attrs);
    if ours.is_empty() {
        return;
    }
    let ident = item.ident.clone();
    // `#[condition(…)]` declares a condition when it is alone, and makes a
    // resource conditional next to `#[resource(…)]`.
    let declares_other = ours
        .iter()
        .any(|a| is_one_of(a, kw::DECLARATION_ATTRIBUTES) && !a.path().is_ident(kw::CONDITION));
    let is_condition_attribute = |a: &Attribute| declares_other && a.path().is_ident(kw::CONDITION);
    let declaring: Vec<&Attribute> = ours
        .iter()
        .filter(|a| is_one_of(a, kw::DECLARATION_ATTRIBUTES) && !is_condition_attribute(a))
        .collect();
    let resource_attributes: Vec<&Attribute> = ours
        .iter()
        .filter(|a| is_one_of(a, kw::RESOURCE_ATTRIBUTES) || is_condition_attribute(a))
        .collect();
    let repeat: Vec<&Attribute> = ours
        .iter()
        .filter(|a| a.path().is_ident(kw::REPEAT))
        .collect();

    let Some(&declaring_attribute) = declaring.first() else {
        for attribute in resource_attributes.iter().chain(&repeat) {
            errors.push_spanned(
                attribute.path().span(),
                format!(
                    "`#[{}]` goes with a declaration; add `#[resource(…)]` to `{ident}` or remove it",
                    attribute_name(attribute)
                ),
            );
        }
        out.broken.push(ident);
        return;
    };
    for extra in &declaring[1..] {
        errors.push_spanned(
            extra.path().span(),
            format!(
                "`{ident}` is already declared with `#[{}]`; one struct declares one thing",
                attribute_name(declaring_attribute)
            ),
        );
    }
    for extra in repeat.iter().skip(1) {
        errors.push_spanned(extra.path().span(), "duplicate `#[repeat]`; one loop may bind several variables: `for (zone, cidr) in [...]`");
    }
    unit_struct_only(item, errors);
    let docs = docs(&item.attrs);
    if attribute_name(declaring_attribute) != kw::RESOURCE {
        for attribute in &resource_attributes {
            if attribute_name(declaring_attribute) == kw::OUTPUT
                && attribute.path().is_ident(kw::CONDITION)
            {
                errors.push_spanned(
                    attribute.path().span(),
                    format!(
                        "an output's condition is an option of `#[output]`: `#[output(…, condition = Name)]`, and `{ident}` is an output"
                    ),
                );
                continue;
            }
            errors.push_spanned(
                attribute.path().span(),
                format!(
                    "`#[{}]` only applies to resources, and `{ident}` is a {}",
                    attribute_name(attribute),
                    attribute_name(declaring_attribute)
                ),
            );
        }
    }

    let Some(&repeat) = repeat.first() else {
        match declaration(
            ident.clone(),
            docs,
            declaring_attribute,
            &resource_attributes,
            errors,
        ) {
            Some(declaration) => out.declarations.push(declaration),
            None => out.broken.push(ident),
        }
        return;
    };
    declare_repeated(
        ident,
        docs.as_ref(),
        repeat,
        declaring_attribute,
        &resource_attributes,
        errors,
        out,
    );
}

/// The instances of a declaration with `#[repeat(…)]`, one per row.
fn declare_repeated(
    ident: Ident,
    docs: Option<&String>,
    repeat: &Attribute,
    declaring_attribute: &Attribute,
    resource_attributes: &[&Attribute],
    errors: &Errors,
    out: &mut Collected,
) {
    let _rule = errors.rule("repeat");
    let declares = attribute_name(declaring_attribute);
    if declares != kw::RESOURCE && declares != kw::OUTPUT {
        errors.push_spanned(
            repeat.path().span(),
            format!(
                "`#[repeat]` declares resources and outputs; {declares}s are declared one by one"
            ),
        );
        out.broken.push(ident);
        return;
    }
    let rows = match parse_args(repeat, repeat::parse) {
        Ok(rows) => rows,
        Err(error) => {
            errors.push(error);
            out.broken.push(ident);
            return;
        }
    };
    if let Some(error) = loop_variable_clash(&rows[0], &out.struct_names) {
        errors.push(error);
        out.broken.push(ident);
        return;
    }
    out.instances += rows.len();
    if out.instances > MAX_INSTANCES {
        errors.push_spanned(
            repeat.path().span(),
            format!(
                "the `#[repeat]` loops of this stack declare more than {MAX_INSTANCES} instances, \
                 more than a template holds (500 resources and 200 outputs); split the stack"
            ),
        );
        out.broken.push(ident);
        return;
    }
    let base = ident.unraw();
    let mut instances: Vec<Ident> = Vec::new();
    for row in &rows {
        let (_, first) = &row[0];
        let suffix = repeat::suffix(&first.text);
        if suffix.is_empty() {
            errors.push_spanned(
                first.literal.span(),
                format!(
                    "the loop value `{}` has no ASCII letter or digit to name its instance; \
                     the first loop variable names each instance (`{base}A` for `\"a\"`)",
                    first.literal
                ),
            );
            out.broken.push(ident.clone());
            continue;
        }
        let instance = Ident::new(&format!("{base}{suffix}"), ident.span());
        if instances.contains(&instance) {
            errors.push_spanned(
                first.literal.span(),
                format!(
                    "the loop value `{}` names `{instance}` again; each row of `#[repeat]` needs a first value of its own",
                    first.literal
                ),
            );
            continue;
        }
        // The instance's own declaration is checked like any other.
        let _syntax = errors.rule(crate::diag::SYNTAX);
        let declaring = substituted(declaring_attribute, row);
        let others: Vec<Attribute> = resource_attributes
            .iter()
            .map(|a| substituted(a, row))
            .collect();
        let others: Vec<&Attribute> = others.iter().collect();
        match declaration(instance.clone(), docs.cloned(), &declaring, &others, errors) {
            Some(declaration) => out.declarations.push(declaration),
            None => out.broken.push(instance.clone()),
        }
        instances.push(instance);
    }
    out.repeated.push(Repeated {
        base: ident,
        instances,
        foreign: false,
    });
}

/// A loop variable named like a declaration of the stack would turn every
/// reference to that declaration into the loop's value.
fn loop_variable_clash(row: &repeat::Row, struct_names: &[String]) -> Option<syn::Error> {
    let (variable, _) = row
        .iter()
        .find(|(variable, _)| struct_names.contains(&variable.unraw().to_string()))?;
    Some(syn::Error::new(
        variable.span(),
        format!(
            "the loop variable `{variable}` has the name of a declaration of this stack, \
             which it would replace wherever the declaration is referenced; rename the variable"
        ),
    ))
}

/// A copy of an attribute with a loop row's values substituted.
fn substituted(attribute: &Attribute, row: &repeat::Row) -> Attribute {
    let mut copy = attribute.clone();
    if let syn::Meta::List(list) = &mut copy.meta {
        list.tokens = repeat::substitute(list.tokens.clone(), row);
    }
    copy
}

/// Parses one declaration; `None` (with the error recorded) if it does not parse.
fn declaration(
    ident: Ident,
    docs: Option<String>,
    declaring_attribute: &Attribute,
    resource_attributes: &[&Attribute],
    errors: &Errors,
) -> Option<Declaration> {
    let kind = match attribute_name(declaring_attribute).as_str() {
        kw::PARAMETER => {
            parse_args(declaring_attribute, attr::parse_parameter).map(DeclarationKind::Parameter)
        }
        kw::IMPORT => {
            parse_args(declaring_attribute, attr::parse_import).map(DeclarationKind::Parameter)
        }
        kw::OUTPUT => {
            parse_args(declaring_attribute, attr::parse_output).map(DeclarationKind::Output)
        }
        kw::CONDITION => parse_args(declaring_attribute, attr::parse_condition)
            .map(|(expression, name)| DeclarationKind::Condition(Condition { expression, name })),
        kw::MAPPING => {
            object_args(declaring_attribute).map(|body| DeclarationKind::Mapping(Mapping { body }))
        }
        _ => parse_args(declaring_attribute, attr::parse_resource)
            .map(|args| DeclarationKind::Resource(resource(args, resource_attributes, errors))),
    };
    match kind {
        Ok(kind) => Some(Declaration {
            ident: output_name(&kind, errors).unwrap_or_else(|| ident.unraw()),
            rust_ident: ident,
            docs,
            kind,
            foreign: None,
        }),
        Err(error) => {
            errors.push(error);
            None
        }
    }
}

/// The logical id an output's `name = "…"` gives it, if valid. A name is
/// written like a struct's name: ASCII letters and digits, starting with a
/// letter. CloudFormation allows a leading digit too, but the name becomes
/// a Rust identifier in the generated code.
fn output_name(kind: &DeclarationKind, errors: &Errors) -> Option<Ident> {
    let (name, what) = match kind {
        DeclarationKind::Output(output) => (output.name.as_ref()?, "output"),
        DeclarationKind::Condition(condition) => (condition.name.as_ref()?, "condition"),
        _ => return None,
    };
    let text = name.value();
    let _rule = errors.rule("logical-id");
    if text.is_empty() {
        errors.push_spanned(
            name.span(),
            format!("an {what}'s name is its logical id and cannot be empty; leave `name` out to use the struct's name")
        );
        return None;
    }
    if !text.chars().all(|c| c.is_ascii_alphanumeric()) {
        let suggestion: String = text.chars().filter(char::is_ascii_alphanumeric).collect();
        errors.push_spanned(
            name.span(),
            format!(
                "{what} name `{text}` is not alphanumeric; CloudFormation allows only `A-Z`, `a-z` and `0-9` in a logical id, as in `{suggestion}`"
            ),
        );
        return None;
    }
    if !text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        errors.push_spanned(
            name.span(),
            format!("{what} name `{text}` starts with a digit; ecsnet names {what}s like structs, so start it with a letter"),
        );
        return None;
    }
    Some(Ident::new(&text, name.span()))
}

/// Builds a resource from its `#[resource]` arguments and its resource
/// attributes; a resource attribute that does not parse is reported alone.
fn resource(args: attr::ResourceArgs, attributes: &[&Attribute], errors: &Errors) -> Resource {
    let is_extern = args.is_extern;
    let schema = if is_extern {
        None
    } else {
        schema::resource_type(&args.type_name)
    };
    let is_custom = !is_extern
        && (args.type_name == "AWS::CloudFormation::CustomResource"
            || args.type_name.starts_with("Custom::"));
    let mut resource = Resource {
        type_name: args.type_name,
        type_span: args.type_span,
        type_end: args.type_end,
        schema,
        is_custom,
        is_extern,
        properties: args.properties,
        depends_on: Vec::new(),
        metadata: None,
        creation_policy: None,
        update_policy: None,
        deletion_policy: None,
        update_replace_policy: None,
        acknowledgments: Vec::new(),
        condition: None,
        version: None,
    };
    for attribute in attributes {
        let name = attribute_name(attribute);
        let result = match name.as_str() {
            kw::ACKNOWLEDGE => value::parse_acknowledgment(attribute)
                .map(|acknowledgment| resource.acknowledgments.push(acknowledgment)),
            kw::DEPENDS_ON => parse_args(attribute, attr::parse_depends_on)
                .map(|names| resource.depends_on.extend(names)),
            kw::VERSION => parse_args(attribute, value::parse_value)
                .and_then(|version| set_once(&mut resource.version, version, attribute)),
            kw::CONDITION => parse_args(attribute, attr::parse_condition_name)
                .and_then(|name| set_once(&mut resource.condition, name, attribute)),
            kw::DELETION_POLICY | kw::UPDATE_REPLACE_POLICY => {
                parse_args(attribute, attr::parse_policy).and_then(|policy| {
                    let slot = if name == kw::DELETION_POLICY {
                        &mut resource.deletion_policy
                    } else {
                        &mut resource.update_replace_policy
                    };
                    set_once(slot, policy, attribute)
                })
            }
            _ => object_args(attribute).and_then(|object| {
                let slot = match name.as_str() {
                    kw::METADATA => &mut resource.metadata,
                    kw::CREATION_POLICY => &mut resource.creation_policy,
                    _ => &mut resource.update_policy,
                };
                set_once(slot, object, attribute)
            }),
        };
        if let Err(error) = result {
            errors.push(error);
        }
    }
    resource
}

fn set_once<T>(slot: &mut Option<T>, value: T, attribute: &Attribute) -> syn::Result<()> {
    if slot.is_some() {
        return Err(syn::Error::new(
            attribute.path().span(),
            format!("duplicate `#[{}]`", attribute_name(attribute)),
        ));
    }
    *slot = Some(value);
    Ok(())
}

/// Parses the tokens inside `#[name(…)]` with `parser`.
fn parse_args<T>(
    attribute: &Attribute,
    parser: impl FnOnce(ParseStream) -> syn::Result<T>,
) -> syn::Result<T> {
    match &attribute.meta {
        syn::Meta::List(list) => {
            parse_delimited(list.tokens.clone(), list.delimiter.span().close(), parser)
        }
        _ => Err(syn::Error::new_spanned(
            attribute,
            format!(
                "expected arguments in parentheses: `#[{}(…)]`",
                attribute_name(attribute)
            ),
        )),
    }
}

/// Parses `tokens` with `parser` as the inside of a group whose closing
/// delimiter is at `close`, and requires the parser to take every token.
///
/// `syn` reports "unexpected end of input" at the span of the enclosing
/// group; for tokens parsed on their own that is `Span::call_site()`, the
/// `#[stack]` attribute, far from the mistake. Inside a group spanned like
/// the attribute's own delimiters, the error points at its closing `)`.
pub fn parse_delimited<T>(
    tokens: TokenStream,
    close: Span,
    parser: impl FnOnce(ParseStream) -> syn::Result<T>,
) -> syn::Result<T> {
    let mut group = Group::new(Delimiter::Parenthesis, tokens);
    group.set_span(close);
    let tokens: TokenStream = TokenTree::Group(group).into();
    (|input: ParseStream| {
        let content;
        syn::parenthesized!(content in input);
        let value = parser(&content)?;
        if !content.is_empty() {
            return Err(content.error("unexpected tokens"));
        }
        Ok(value)
    })
    .parse2(tokens)
}

/// The object inside `#[name { … }]` (or `#[name({ … })]`).
fn object_args(attribute: &Attribute) -> syn::Result<crate::model::Object> {
    let name = attribute_name(attribute);
    let syn::Meta::List(list) = &attribute.meta else {
        return Err(syn::Error::new_spanned(
            attribute,
            format!("expected an object in braces: `#[{name} {{ … }}]`"),
        ));
    };
    let span = list.delimiter.span().join();
    let close = list.delimiter.span().close();
    if let syn::MacroDelimiter::Brace(_) = list.delimiter {
        parse_delimited(list.tokens.clone(), close, |input| {
            attr::parse_object_attribute(input, span)
        })
    } else {
        let mut tokens = list.tokens.clone().into_iter();
        match (tokens.next(), tokens.next()) {
            (Some(group), None) if value::is_brace_group(&group) => {
                parse_delimited(group.into(), close, value::parse_object)
            }
            _ => Err(syn::Error::new(
                span,
                format!("expected an object in braces: `#[{name} {{ … }}]`"),
            )),
        }
    }
}

/// Takes ecsnet's attributes off an item, leaving the others.
fn take_attributes(attributes: &mut Vec<Attribute>) -> Vec<Attribute> {
    let (ours, others): (Vec<_>, Vec<_>) = attributes.drain(..).partition(|a| {
        is_one_of(a, kw::DECLARATION_ATTRIBUTES)
            || is_one_of(a, kw::RESOURCE_ATTRIBUTES)
            || is_one_of(a, kw::DECLARATION_MODIFIERS)
    });
    *attributes = others;
    ours
}

fn is_one_of(attribute: &Attribute, names: &[&str]) -> bool {
    attribute
        .path()
        .get_ident()
        .is_some_and(|ident| names.iter().any(|name| ident == name))
}

fn attribute_name(attribute: &Attribute) -> String {
    attribute
        .path()
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// Declarations are unit structs: the struct is a name, the attribute
/// holds the data. Fields or generics are reported and dropped, so the
/// generated code stays valid.
fn unit_struct_only(item: &mut ItemStruct, errors: &Errors) {
    if !matches!(item.fields, syn::Fields::Unit) {
        errors.push_spanned(
            item.fields.span(),
            format!(
                "a declaration is a unit struct; write `struct {};` and put the properties in the attribute",
                item.ident
            ),
        );
        item.fields = syn::Fields::Unit;
        item.semi_token = Some(syn::token::Semi::default());
    }
    if !item.generics.params.is_empty() || item.generics.where_clause.is_some() {
        // `Generics` prints without its `where` clause, so a clause alone
        // would give no tokens to point at.
        let span = match &item.generics.where_clause {
            Some(clause) if item.generics.params.is_empty() => clause.where_token.span,
            _ => item.generics.span(),
        };
        errors.push_spanned(
            span,
            "a declaration takes no generic parameters and no `where` clause",
        );
        item.generics = syn::Generics::default();
    }
}

/// ecsnet attributes on anything but a struct are mistakes: report them,
/// and remove them so rustc does not add "cannot find attribute" errors.
fn reject_misplaced_attributes(item: &mut Item, errors: &Errors, out: &mut Collected) {
    // The item's attributes, and the name it defines, if any.
    let (attributes, ident) = match item {
        Item::Enum(i) => (&mut i.attrs, Some(&i.ident)),
        Item::Fn(i) => (&mut i.attrs, Some(&i.sig.ident)),
        Item::Const(i) => (&mut i.attrs, Some(&i.ident)),
        Item::Static(i) => (&mut i.attrs, Some(&i.ident)),
        Item::Type(i) => (&mut i.attrs, Some(&i.ident)),
        Item::Union(i) => (&mut i.attrs, Some(&i.ident)),
        Item::Mod(i) => (&mut i.attrs, Some(&i.ident)),
        Item::Trait(i) => (&mut i.attrs, Some(&i.ident)),
        Item::Impl(i) => (&mut i.attrs, None),
        _ => return,
    };
    let misplaced = take_attributes(attributes);
    // The item meant to declare something: references to it, and the
    // stack's need for a resource, raise nothing more.
    if !misplaced.is_empty()
        && let Some(ident) = ident
    {
        out.broken.push(ident.clone());
    }
    for attribute in misplaced {
        errors.push_spanned(
            attribute.path().span(),
            format!(
                "`#[{}]` goes on a unit struct: `pub struct Name;`",
                attribute_name(&attribute)
            ),
        );
    }
}

/// The doc comment of an item, lines trimmed and joined, paragraphs kept.
pub fn docs(attributes: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attribute in attributes {
        if !attribute.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(syn::MetaNameValue {
            value:
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }),
            ..
        }) = &attribute.meta
        {
            lines.extend(text.value().lines().map(|line| line.trim().to_owned()));
        }
    }
    let mut text = String::new();
    for line in lines {
        if line.is_empty() {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
        } else {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            text.push_str(&line);
        }
    }
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}
