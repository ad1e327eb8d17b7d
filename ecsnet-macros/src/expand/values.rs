//! Values to Rust expressions that build `ecsnet_core::Value`s.
//!
//! Keys of schema-typed objects are translated from the `snake_case` the
//! user wrote to the schema's name (`db_instance_class` → `DBInstanceClass`)
//! by walking the schema alongside the value; free-form JSON keeps its keys
//! verbatim.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::model::{Call, Function, Object, Value, ValueKind};
use crate::schema::{Property, Shape, union_member};

/// How the keys of an object are named.
#[derive(Clone, Copy)]
pub enum Keys {
    /// Keys are property idents of these properties; unknown keys verbatim.
    Schema(&'static [Property]),
    /// Keys are written verbatim, and values follow this shape (a map).
    Values(&'static Shape),
    /// Keys are written verbatim (free-form JSON, custom resources).
    Verbatim,
}

/// Lists and objects longer than this are built item by item from a static
/// table of functions, so the generated code's stack use does not grow with
/// their length.
const LONG: usize = 64;

/// A Rust expression building `object` as a `Map`.
pub fn map(object: &Object, keys: Keys) -> TokenStream {
    let long = object.entries.len() > LONG;
    let entries = object.entries.iter().map(|entry| {
        let (name, inner) = match keys {
            Keys::Schema(properties) => match properties
                .iter()
                .find(|p| p.ident == entry.key.name && !entry.key.quoted)
            {
                Some(property) => (property.name.to_owned(), Some(&property.shape)),
                None => (entry.key.name.clone(), None),
            },
            Keys::Values(shape) => (entry.key.name.clone(), Some(shape)),
            Keys::Verbatim => (entry.key.name.clone(), None),
        };
        let value = match inner {
            Some(shape) => value_with_shape(&entry.value, shape),
            None => value(&entry.value, Keys::Verbatim),
        };
        if long {
            let item = item(&entry.value, &value);
            quote!((#name, #item))
        } else {
            quote!((#name, #value))
        }
    });
    if long {
        let count = object.entries.len();
        return quote!(__ecsnet::map_of({
            static ENTRIES: [(&str, __ecsnet::Item); #count] = [#(#entries),*];
            &ENTRIES
        }));
    }
    quote!(__ecsnet::map([#(#entries),*]))
}

/// An item of a long list or object: literals as data, anything else as a
/// function that builds it.
fn item(v: &Value, built: &TokenStream) -> TokenStream {
    match &v.kind {
        ValueKind::Str(text) => quote!(__ecsnet::Item::Str(#text)),
        ValueKind::Int(n) => quote!(__ecsnet::Item::Int(#n)),
        ValueKind::Float(n) => quote!(__ecsnet::Item::Float(#n)),
        ValueKind::Bool(b) => quote!(__ecsnet::Item::Bool(#b)),
        ValueKind::Null => quote!(__ecsnet::Item::Null),
        _ => quote!(__ecsnet::Item::Build(|| #built)),
    }
}

/// A value whose keys follow a schema shape: a struct's keys are renamed to
/// the schema's names, a map's stay as written with its values following
/// the map's shape, a list's items follow the item shape, and a union is
/// the member the value is written as (`schema::union_member`).
pub fn value_with_shape(v: &Value, shape: &Shape) -> TokenStream {
    match (shape, &v.kind) {
        // Each branch of `if_` is a value of the property's shape.
        (_, ValueKind::Call(call)) if call.function == Function::If && call.args.len() == 3 => {
            let name = condition_name(&call.args[0]);
            let yes = value_with_shape(&call.args[1], shape);
            let no = value_with_shape(&call.args[2], shape);
            quote!(__ecsnet::if_(#name, #yes, #no))
        }
        (Shape::Union(members), _) => match union_member(members, v) {
            Some(member) => value_with_shape(v, member),
            None => value(v, Keys::Verbatim),
        },
        (Shape::Struct(nested), ValueKind::Object(object)) => {
            let map = map(object, Keys::Schema(nested.properties()));
            quote!(__ecsnet::Value::Object(#map))
        }
        (Shape::Map(item), ValueKind::Object(object)) => {
            let map = map(object, Keys::Values(item));
            quote!(__ecsnet::Value::Object(#map))
        }
        (Shape::List(item), ValueKind::List(items)) if items.len() > LONG => {
            let count = items.len();
            let items = items
                .iter()
                .map(|v| self::item(v, &value_with_shape(v, item)));
            quote!(__ecsnet::list_of({
                static ITEMS: [__ecsnet::Item; #count] = [#(#items),*];
                &ITEMS
            }))
        }
        (Shape::List(item), ValueKind::List(items)) => {
            let items = items.iter().map(|v| value_with_shape(v, item));
            quote!(__ecsnet::list([#(#items),*]))
        }
        _ => value(v, Keys::Verbatim),
    }
}

/// A Rust expression building `v`; objects directly inside use `keys`.
pub fn value(v: &Value, keys: Keys) -> TokenStream {
    match &v.kind {
        ValueKind::Str(text) => quote!(__ecsnet::s(#text)),
        ValueKind::Int(n) => quote!(__ecsnet::Value::Int(#n)),
        ValueKind::Float(n) => quote!(__ecsnet::Value::Float(#n)),
        ValueKind::Bool(b) => quote!(__ecsnet::Value::Bool(#b)),
        ValueKind::Null => quote!(__ecsnet::Value::Null),
        ValueKind::List(items) if items.len() > LONG => {
            let count = items.len();
            let items = items.iter().map(|v| item(v, &value(v, keys)));
            quote!(__ecsnet::list_of({
                static ITEMS: [__ecsnet::Item; #count] = [#(#items),*];
                &ITEMS
            }))
        }
        ValueKind::List(items) => {
            let items = items.iter().map(|item| value(item, keys));
            quote!(__ecsnet::list([#(#items),*]))
        }
        ValueKind::Object(object) => {
            let map = map(object, keys);
            quote!(__ecsnet::Value::Object(#map))
        }
        ValueKind::Ref(name) => {
            let name = name.to_string();
            quote!(__ecsnet::reference(#name))
        }
        ValueKind::Pseudo(name) => quote!(__ecsnet::reference(#name)),
        ValueKind::GetAtt(resource, attribute) => {
            let resource = resource.to_string();
            let attribute: Vec<String> = attribute.iter().map(ToString::to_string).collect();
            let attribute = attribute.join(".");
            quote!(__ecsnet::get_att(#resource, #attribute))
        }
        ValueKind::Sub(sub) => {
            let template = &sub.template;
            match &sub.variables {
                None => quote!(__ecsnet::sub(#template)),
                Some(variables) => {
                    let variables = map(variables, Keys::Verbatim);
                    quote!(__ecsnet::sub_with(#template, #variables))
                }
            }
        }
        ValueKind::Call(call) if matches!(call.function, Function::Join | Function::Split) => {
            // The delimiter is a literal string; `check` reports anything else.
            let delimiter = match call.args.first().map(|a| &a.kind) {
                Some(ValueKind::Str(text)) => text.clone(),
                _ => String::new(),
            };
            let operand = call.args.get(1).map_or_else(
                || quote!(__ecsnet::Value::Null),
                |a| value(a, Keys::Verbatim),
            );
            if call.function == Function::Join {
                quote!(__ecsnet::join(#delimiter, #operand))
            } else {
                quote!(__ecsnet::split(#delimiter, #operand))
            }
        }
        ValueKind::Call(call) => {
            if let Some(built) = condition_or_map_call(call, keys) {
                return built;
            }
            let args: Vec<TokenStream> =
                call.args.iter().map(|a| value(a, Keys::Verbatim)).collect();
            let function = match call.function {
                Function::Select => quote!(select),
                Function::Join | Function::Split => unreachable!("handled above"),
                Function::Base64 => quote!(base64),
                Function::ImportValue => quote!(import_value),
                Function::GetAzs => {
                    if args.is_empty() {
                        return quote!(__ecsnet::get_azs(__ecsnet::s("")));
                    }
                    quote!(get_azs)
                }
                Function::Cidr => quote!(cidr),
                // Built by `condition_or_map_call` above.
                _ => return quote!(__ecsnet::Value::Null),
            };
            quote!(__ecsnet::#function(#(#args),*))
        }
        ValueKind::Rust(tokens) => quote_spanned!(v.span=> __ecsnet::rust(#tokens)),
        ValueKind::ConditionName(name) => {
            let name = name.to_string();
            quote!(__ecsnet::condition(#name))
        }
        ValueKind::MappingName(name) => {
            let name = name.to_string();
            quote!(__ecsnet::s(#name))
        }
    }
}

/// The name of the condition `if_` reads (parsing made sure it is one).
fn condition_name(v: &Value) -> String {
    match &v.kind {
        ValueKind::ConditionName(name) | ValueKind::Ref(name) => name.to_string(),
        _ => String::new(),
    }
}

/// `if_`, the condition functions, `find_in_map` and the language
/// extensions, whose arguments are not all plain values.
fn condition_or_map_call(call: &Call, keys: Keys) -> Option<TokenStream> {
    let arg = |i: usize, keys: Keys| {
        call.args
            .get(i)
            .map_or_else(|| quote!(__ecsnet::Value::Null), |a| value(a, keys))
    };
    Some(match call.function {
        Function::If => {
            let name = call.args.first().map(condition_name).unwrap_or_default();
            let (yes, no) = (arg(1, keys), arg(2, keys));
            quote!(__ecsnet::if_(#name, #yes, #no))
        }
        Function::Equals => {
            let (a, b) = (arg(0, Keys::Verbatim), arg(1, Keys::Verbatim));
            quote!(__ecsnet::equals(#a, #b))
        }
        Function::And | Function::Or => {
            let items = call.args.iter().map(|a| value(a, Keys::Verbatim));
            let function = if call.function == Function::And {
                quote!(and)
            } else {
                quote!(or)
            };
            quote!(__ecsnet::#function([#(#items),*]))
        }
        Function::Not => {
            let a = arg(0, Keys::Verbatim);
            quote!(__ecsnet::not(#a))
        }
        Function::FindInMap => {
            let (map, top, second) = (
                arg(0, Keys::Verbatim),
                arg(1, Keys::Verbatim),
                arg(2, Keys::Verbatim),
            );
            match call.args.get(3) {
                None => quote!(__ecsnet::find_in_map(#map, #top, #second)),
                Some(options) => {
                    // `{ default_value: v }`; `check` reports any other shape.
                    let default = options
                        .as_object()
                        .and_then(|o| o.value("default_value"))
                        .map_or_else(
                            || value(options, Keys::Verbatim),
                            |d| value(d, Keys::Verbatim),
                        );
                    quote!(__ecsnet::find_in_map_with_default(#map, #top, #second, #default))
                }
            }
        }
        Function::Length => {
            let a = arg(0, Keys::Verbatim);
            quote!(__ecsnet::length(#a))
        }
        Function::ToJsonString => {
            let a = arg(0, Keys::Verbatim);
            quote!(__ecsnet::to_json_string(#a))
        }
        _ => return None,
    })
}
