//! Rules on names and sizes, independent of resource types.

use std::collections::HashMap;

use syn::ext::IdentExt;

use super::Context;
use crate::model::{Declaration, DeclarationKind, Object, Value, ValueKind};

// Rule `logical-id`: "The logical ID must be alphanumeric (A-Za-z0-9) and
// unique within the template."
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html>)
// Rust identifiers also allow `_` and non-ASCII letters, so `Web_Tg` compiles
// as Rust but would fail at deployment. Duplicates are reported at the second
// declaration; the expansion drops it so rustc adds no E0428 of its own.
//
// Outputs are a section of their own ("Logical ID: An identifier for the
// current output. The logical ID must be alphanumeric (a–z, A–Z, 0–9) and
// unique within the template", outputs section structure,
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/outputs-section-structure.html>):
// unique among outputs, since `Ref` never reaches an output, CloudFormation
// deploys an output `VPC` next to a resource `VPC`, and cfn-lint accepts
// it. An output's id may therefore repeat a parameter's or a resource's.
pub fn check_logical_ids(cx: &Context) {
    let _rule = cx.errors.rule("logical-id");
    let mut seen: HashMap<(&'static str, String), &Declaration> = HashMap::new();
    let mut structs: HashMap<String, &'static str> = HashMap::new();
    // A copy of another stack's declaration (`network__Vpc`, see `app`)
    // has its stack's logical id, checked there.
    for declaration in cx.stack.declarations.iter().filter(|d| d.foreign.is_none()) {
        let name = declaration.ident.to_string();
        let name = name.strip_prefix("r#").unwrap_or(&name);
        if !name.chars().all(|c| c.is_ascii_alphanumeric()) {
            let suggestion: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
            cx.errors.push_spanned(
                declaration.ident.span(),
                format!(
                    "logical id `{name}` is not alphanumeric; CloudFormation allows only `A-Z`, `a-z` and `0-9`, as in `{suggestion}`"
                ),
            );
        }
        // "Maximum size of each resource name: 255 characters" (CloudFormation
        // quotas, <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html>);
        // a repeated declaration's instance names grow with their rows.
        if name.len() > MAX_LOGICAL_ID {
            let head: String = name.chars().take(24).collect();
            cx.errors.push_spanned(
                declaration.ident.span(),
                format!(
                    "logical id `{head}…` is {} characters long; CloudFormation allows at most {MAX_LOGICAL_ID}",
                    name.len()
                ),
            );
        }
        let key = (declaration.namespace(), name.to_owned());
        // An output with `name = "…"` is still a struct, and a module
        // cannot hold two structs of one name.
        let struct_name = declaration.rust_ident.unraw().to_string();
        let first_struct = structs.get(&struct_name).copied();
        if first_struct.is_none() {
            structs.insert(struct_name.clone(), declaration.kind_name());
        }
        if let Some(first) = first_struct.filter(|_| !seen.contains_key(&key)) {
            let fix = if declaration.is_output() {
                format!(
                    "; to output it under its own name, name the output's struct otherwise and give `name = \"{name}\"`: `#[output({struct_name}, name = \"{name}\")] struct {struct_name}Output;`"
                )
            } else if matches!(declaration.kind, DeclarationKind::Condition(_)) {
                format!(
                    "; conditions are named apart from parameters and resources, so name the condition's struct otherwise and give `name = \"{name}\"`: `#[condition(…, name = \"{name}\")] struct {struct_name}Condition;`"
                )
            } else {
                format!(
                    "; rename the {first}, and give it `name = \"{struct_name}\"` if it is an output"
                )
            };
            cx.errors.push_spanned(
                declaration.rust_ident.span(),
                format!(
                    "the struct `{struct_name}` already declares {} {first} of this stack{fix}",
                    if first == "output" { "an" } else { "a" }
                ),
            );
        } else if let Some(first) = seen.get(&key)
            && declaration.is_output()
        {
            let named = match &declaration.kind {
                DeclarationKind::Output(output) => output.name.is_some(),
                _ => false,
            };
            cx.errors.push_spanned(
                declaration.ident.span(),
                format!(
                    "duplicate output name `{name}`, first given above to the output of `struct {}`; output names must be unique within a stack{}",
                    first.rust_ident.unraw(),
                    if named { "" } else { "; give one of them another name with `name = \"…\"`" }
                ),
            );
        } else if let Some(first) = seen.get(&key) {
            // The error names the first declaration rather than pointing a
            // second error at it: a stable proc macro cannot attach rustc's
            // "previous definition here" label, and a second error would
            // count as a second mistake and mark a declaration that is not
            // wrong. Its kind and type tell it apart in the module.
            cx.errors.push_spanned(
                declaration.ident.span(),
                format!(
                    "duplicate logical id `{name}`, first declared above as {}; logical ids must be unique within a stack, so rename one of them",
                    describe(first)
                ),
            );
        } else {
            seen.insert(key, declaration);
        }
    }
}

/// "a resource (`AWS::Logs::LogGroup`)", "a parameter (`String`)", "a
/// condition": what a declaration is, for a message about its logical id.
fn describe(declaration: &Declaration) -> String {
    match &declaration.kind {
        DeclarationKind::Parameter(parameter) => format!("a parameter (`{}`)", parameter.ty.name),
        DeclarationKind::Resource(resource) => format!("a resource (`{}`)", resource.type_name),
        _ => format!("a {}", declaration.kind_name()),
    }
}

/// The longest logical id CloudFormation accepts.
pub const MAX_LOGICAL_ID: usize = 255;

/// The template quotas of "CloudFormation quotas"
/// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html>).
pub const MAX_RESOURCES: usize = 500;
pub const MAX_PARAMETERS: usize = 200;
pub const MAX_OUTPUTS: usize = 200;
pub const MAX_MAPPINGS: usize = 200;

// Rule `template-limits`: a template declares at most 500 resources, 200 mappings, 200
// parameters and 200 outputs (CloudFormation quotas, above). The error sits
// on the first declaration over the limit.
pub fn check_template_limits(cx: &Context) {
    let _rule = cx.errors.rule("template-limits");
    let mut counts = [0usize; 4];
    // Copies of another stack's declarations are that stack's template's.
    for declaration in cx
        .stack
        .declarations
        .iter()
        .filter(|d| d.foreign.is_none() && !d.is_import())
    {
        let (index, limit, what, fix) = match declaration.kind {
            DeclarationKind::Parameter(_) => (
                0,
                MAX_PARAMETERS,
                "parameters",
                "group related settings into one `CommaDelimitedList` parameter, or read them from SSM parameters",
            ),
            DeclarationKind::Resource(_) => (
                1,
                MAX_RESOURCES,
                "resources",
                "split the stack and share values with `export`/`import_value`",
            ),
            DeclarationKind::Output(_) => (
                2,
                MAX_OUTPUTS,
                "outputs",
                "split the stack, or output fewer values",
            ),
            DeclarationKind::Mapping(_) => (
                3,
                MAX_MAPPINGS,
                "mappings",
                "merge mappings that share their keys, or split the stack",
            ),
            DeclarationKind::Condition(_) => continue,
        };
        counts[index] += 1;
        if counts[index] == limit + 1 {
            cx.errors.push_spanned(
                declaration.ident.span(),
                format!(
                    "too many {what}: `{}` is number {} and a template holds at most {limit}; {fix}",
                    declaration.ident,
                    limit + 1
                ),
            );
        }
    }
}

// Rule `resources-required`: "Resources: Specifies the stack resources and
// their properties … The Resources section is required" and holds at least
// one resource (template anatomy,
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html>);
// CloudFormation refuses a template without one ("Template format error: At
// least one Resources member must be defined"). A stack whose resources did
// not parse has already been told why.
pub fn check_resources_present(cx: &Context, broken: usize) {
    let _rule = cx.errors.rule("resources-required");
    let has_resource = cx
        .stack
        .declarations
        .iter()
        .any(|d| d.as_resource().is_some() && d.foreign.is_none());
    if !has_resource && broken == 0 {
        cx.errors.push_spanned(
            cx.stack.ident.span(),
            format!(
                "stack `{}` declares no resource, and a template needs at least one; declare one with `#[resource(…)]`",
                cx.stack.ident
            ),
        );
    }
}

// Rule `duplicate-key`: a key appears once in an object. A template is JSON,
// whose objects "SHOULD" have unique names (RFC 8259, section 4), and
// CloudFormation keeps only one of two equal keys, silently: the other value
// would be lost. Free-form JSON (metadata, policies) and `sub!` variable maps
// are objects too.
pub fn check_duplicate_keys(cx: &Context) {
    fn check_object(cx: &Context, object: &Object) {
        for (i, entry) in object.entries.iter().enumerate() {
            if object.entries[..i]
                .iter()
                .any(|earlier| earlier.key.name == entry.key.name)
            {
                cx.errors.push_spanned(
                    entry.key.span,
                    format!(
                        "duplicate key `{}`; an object holds each key once, and the template would keep only one of the values",
                        entry.key.name
                    ),
                );
            }
        }
    }
    let _rule = cx.errors.rule("duplicate-key");
    for declaration in &cx.stack.declarations {
        if let Some(resource) = declaration.as_resource() {
            for object in [
                Some(&resource.properties),
                resource.metadata.as_ref(),
                resource.creation_policy.as_ref(),
                resource.update_policy.as_ref(),
            ]
            .into_iter()
            .flatten()
            {
                check_object(cx, object);
            }
        }
    }
    let mut check = |value: &Value| match &value.kind {
        ValueKind::Object(object) => check_object(cx, object),
        ValueKind::Sub(sub) => {
            if let Some(variables) = &sub.variables {
                check_object(cx, variables);
            }
        }
        _ => {}
    };
    cx.stack.walk_values(&mut |_, value| check(value));
    for object in [&cx.stack.metadata, &cx.stack.rules].into_iter().flatten() {
        check_object(cx, object);
    }
    cx.stack.walk_sections(&mut check);
}
