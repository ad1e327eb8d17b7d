//! The whole program: `use ecsnet::prelude::*;`, the `#[stack]` module with
//! one unit struct per parameter, resource and output, and `main`.
//!
//! prettyplease lays out the Rust; every ecsnet attribute and comment is a
//! placeholder attribute in what it formats (`#[__ecsnet_import(7)]`),
//! replaced afterwards by the importer's own layout of that attribute.

use serde_json::{Map, Value};
use std::fmt::Write as _;

use super::convert::{Converter, Feature, Keys};
use super::render::{self, Entry, Out};
use super::repeat;

/// The imported program and what it could not express.
pub struct Imported {
    /// The program's source.
    pub program: String,
    /// The features of the template the stack language does not have yet,
    /// each once.
    pub features: Vec<Feature>,
}

/// What goes above one struct: comment lines and attributes.
#[derive(Default)]
struct Item {
    lines: Vec<String>,
    name: String,
}

#[derive(Default)]
struct Builder {
    converter: Converter,
    stack_options: Vec<String>,
    stack_comments: Vec<String>,
    items: Vec<Item>,
}

/// Writes the program for `template`, its module named `module`.
///
/// # Errors
///
/// When the template is not an object with a `Resources` object.
pub fn program(template: &Value, module: &str) -> Result<Imported, String> {
    let Value::Object(sections) = template else {
        return Err("a template is an object of sections".to_owned());
    };
    let mut builder = Builder::default();
    let mut taken: Vec<String> = Vec::new();
    for section in [
        "Parameters",
        "Resources",
        "Outputs",
        "Conditions",
        "Mappings",
    ] {
        if let Some(Value::Object(entries)) = sections.get(section) {
            taken.extend(entries.keys().cloned());
        }
    }
    for (section, value) in sections {
        match (section.as_str(), value) {
            ("AWSTemplateFormatVersion", _) => {}
            ("Description", Value::String(text)) => builder
                .stack_options
                .push(format!("description = {}", render::string(text))),
            ("Parameters", Value::Object(parameters)) => {
                for (name, parameter) in parameters {
                    builder.parameter(name, parameter);
                }
            }
            ("Mappings", Value::Object(mappings)) => builder.mappings_section(mappings),
            ("Conditions", Value::Object(conditions)) => {
                // Conditions are a namespace of their own; a condition named
                // like another declaration gets a struct of another name.
                let declared: Vec<&String> = ["Parameters", "Resources", "Outputs"]
                    .iter()
                    .filter_map(|s| sections.get(*s).and_then(Value::as_object))
                    .flat_map(Map::keys)
                    .collect();
                builder.conditions_section(conditions, &declared);
            }
            ("Rules", Value::Object(rules)) => builder.rules_section(rules),
            ("Metadata", _) => builder.metadata_section(value),
            ("Transform", _) => builder.transform_section(value),
            ("Resources", Value::Object(resources)) => {
                let groups = repeat::groups(resources, &taken);
                for (name, resource) in resources {
                    match groups.iter().find(|g| g.members.contains(name)) {
                        Some(group) if group.members[0] == *name => {
                            builder.resource(&group.base, &group.template, Some(&group.header));
                        }
                        Some(_) => {}
                        None => builder.resource(name, resource, None),
                    }
                }
            }
            ("Outputs", Value::Object(outputs)) => {
                let declared: Vec<&String> = ["Parameters", "Resources"]
                    .iter()
                    .filter_map(|s| sections.get(*s).and_then(Value::as_object))
                    .flat_map(Map::keys)
                    .collect();
                for (name, output) in outputs {
                    builder.output(name, output, declared.contains(&name));
                }
            }
            _ => builder.unknown_section(section, value),
        }
    }
    if !sections.contains_key("Resources") {
        return Err("the template has no `Resources` section".to_owned());
    }
    builder.converter.features.sort();
    builder.converter.features.dedup();
    let features = builder.converter.features.clone();
    let program = builder.assemble(module)?;
    Ok(Imported { program, features })
}

/// `option = value` lines inside `#[name(…)]`: one line if it fits, one
/// option per line otherwise.
fn attribute(name: &str, args: &[String]) -> Vec<String> {
    let line = format!("#[{name}({})]", args.join(", "));
    if line.len() <= render::WIDTH && !line.contains('\n') {
        return vec![line];
    }
    let mut text = format!("#[{name}(\n");
    for arg in args {
        text.push_str("    ");
        text.push_str(arg);
        text.push_str(",\n");
    }
    text.push_str(")]");
    text.lines().map(str::to_owned).collect()
}

/// `#[name { entries }]`, one entry per line.
fn braced_attribute(name: &str, entries: &[Entry]) -> Vec<String> {
    let body = Out::Object(entries.to_vec()).render(0, name.len() + 3);
    format!("#[{name} {body}]")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn comments(features: &[Feature]) -> Vec<String> {
    features
        .iter()
        .map(|f| format!("// {}", f.comment()))
        .collect()
}

impl Builder {
    fn value(&mut self, value: &Value) -> String {
        self.converter.value(value, Keys::Free).render(4, 20)
    }

    /// `#[parameter(Type, description = "…", …)]`.
    fn parameter(&mut self, name: &str, parameter: &Value) {
        let Value::Object(settings) = parameter else {
            self.unknown_declaration(name, "parameter", parameter);
            return;
        };
        let mut args = vec![
            settings
                .get("Type")
                .and_then(Value::as_str)
                .unwrap_or("String")
                .to_owned(),
        ];
        let mut lines = Vec::new();
        for (key, value) in settings {
            let option = match key.as_str() {
                "Type" => continue,
                "Description" => "description",
                "Default" => "default",
                "AllowedValues" => "allowed_values",
                "AllowedPattern" => "allowed_pattern",
                "ConstraintDescription" => "constraint_description",
                "MinLength" => "min_length",
                "MaxLength" => "max_length",
                "MinValue" => "min_value",
                "MaxValue" => "max_value",
                "NoEcho" => {
                    if matches!(value, Value::Bool(true))
                        || value
                            .as_str()
                            .is_some_and(|s| s.eq_ignore_ascii_case("true"))
                    {
                        args.push("no_echo".to_owned());
                    }
                    continue;
                }
                _ => {
                    lines.extend(comments(&[Feature::Unknown]));
                    self.converter.features.push(Feature::Unknown);
                    args.push(format!("{} = {}", option_name(key), self.value(value)));
                    continue;
                }
            };
            // Lengths and bounds are numbers, whether written `5` or `"5"`.
            let value = match (option, value) {
                ("min_length" | "max_length" | "min_value" | "max_value", Value::String(s)) => {
                    super::read::plain_scalar(s)
                }
                _ => value.clone(),
            };
            args.push(format!("{option} = {}", self.value(&value)));
        }
        lines.extend(attribute("parameter", &args));
        self.push(name, lines);
    }

    /// `#[resource(Type { … })]` and its resource attributes.
    fn resource(&mut self, name: &str, resource: &Value, repeat_header: Option<&str>) {
        let Value::Object(fields) = resource else {
            self.unknown_declaration(name, "resource", resource);
            return;
        };
        let empty = Map::new();
        let properties = match fields.get("Properties") {
            Some(Value::Object(properties)) => properties,
            _ => &empty,
        };
        let (head, entries) = self.properties(fields.get("Type"), properties);
        let mut lines = comments(&self.converter.take());
        if let Some(header) = repeat_header {
            lines.push(header.to_owned());
        }
        let mut attributes = Vec::new();
        // Keys the language has no place for and that cannot be written
        // as an attribute: after the property block, where the compiler
        // reports them.
        let mut after_block = Vec::new();
        for (key, value) in fields {
            match key.as_str() {
                "Type" | "Properties" => {}
                "DependsOn" => {
                    let names: Vec<String> = match value {
                        Value::String(one) => vec![super::convert::reference(one)],
                        Value::Array(many) => many
                            .iter()
                            .map(|v| {
                                v.as_str()
                                    .map_or_else(|| v.to_string(), super::convert::reference)
                            })
                            .collect(),
                        other => vec![other.to_string()],
                    };
                    attributes.extend(attribute("depends_on", &names));
                }
                "Metadata" => {
                    if let Value::Object(metadata) = value {
                        let entries = self.converter.free_entries(metadata, Keys::Free);
                        attributes.extend(braced_attribute("metadata", &entries));
                    } else {
                        let value = self.value(value);
                        attributes.push(format!("#[metadata({value})]"));
                    }
                }
                "CreationPolicy" | "UpdatePolicy" => {
                    let (attribute_name, schema) = if key == "CreationPolicy" {
                        ("creation_policy", &super::policies::CREATION_POLICY)
                    } else {
                        ("update_policy", &super::policies::UPDATE_POLICY)
                    };
                    if let Value::Object(policy) = value {
                        let entries = self
                            .converter
                            .properties(policy, schema.properties(), false);
                        attributes.extend(braced_attribute(attribute_name, &entries));
                    } else {
                        let value = self.value(value);
                        attributes.push(format!("#[{attribute_name}({value})]"));
                    }
                }
                "DeletionPolicy" | "UpdateReplacePolicy" => {
                    let attribute_name = if key == "DeletionPolicy" {
                        "deletion_policy"
                    } else {
                        "update_replace_policy"
                    };
                    let policy = match value {
                        Value::String(p) if render::is_ident(p) => p.clone(),
                        other => self.value(other),
                    };
                    attributes.push(format!("#[{attribute_name}({policy})]"));
                }
                "Condition" => attributes.extend(self.resource_condition(value)),
                // A custom resource's `Version` (the macro checks where it goes).
                "Version" => {
                    let value = self.value(value);
                    attributes.push(format!("#[version({value})]"));
                }
                _ => {
                    // A key CloudFormation does not document, such as
                    // those a custom macro (`Transform`) consumes: the
                    // language has no place for it. `#[Count(3)]` is left
                    // by the `#[stack]` macro for rustc, which says it
                    // cannot find the attribute `Count`, while the rest
                    // of the stack is still checked; built-in attributes
                    // and ecsnet's are lower case, so a key in upper
                    // camel case never means one of them.
                    self.converter.features.push(Feature::Unknown);
                    let value = self.value(value);
                    if render::is_ident(key) && key.starts_with(|c: char| c.is_ascii_uppercase()) {
                        attributes.extend(comments(&[Feature::Unknown]));
                        attributes.push(format!("#[{key}({value})]"));
                    } else {
                        after_block.push(format!("{} = {value}", render::string(key)));
                    }
                }
            }
        }
        if !after_block.is_empty() {
            lines.extend(comments(&[Feature::Unknown]));
        }
        lines.extend(comments(&self.converter.take()));
        let body = resource_attribute(&head, &entries, &after_block);
        lines.extend(body.lines().map(str::to_owned));
        lines.extend(attributes);
        self.push(name, lines);
    }

    /// The head of `#[resource(…)]` and the properties: the schema's
    /// identifiers for a registry type, `service_token` and verbatim keys
    /// for a custom resource, verbatim keys for an `extern` type.
    fn properties(
        &mut self,
        type_value: Option<&Value>,
        properties: &Map<String, Value>,
    ) -> (String, Vec<Entry>) {
        let type_name = match type_value {
            Some(Value::String(type_name)) => type_name.as_str(),
            None => "",
            Some(other) => {
                // A type that is not a name (Rain's `!Rain::Module path`):
                // written as it is, where the compiler expects a type.
                let head = self.converter.value(other, Keys::Free).render(4, 15);
                return (head, self.converter.free_entries(properties, Keys::Free));
            }
        };
        if let Some(resource) = ecsnet_schema::resource_type(type_name) {
            let custom = type_name == "AWS::CloudFormation::CustomResource";
            let entries = self
                .converter
                .properties(properties, resource.properties, custom);
            return (type_name.to_owned(), entries);
        }
        let path = type_path(type_name);
        if type_name.starts_with("Custom::") && path {
            let schema = ecsnet_schema::resource_type("AWS::CloudFormation::CustomResource")
                .map_or(&[][..], |r| r.properties);
            let entries = self.converter.properties(properties, schema, true);
            return (type_name.to_owned(), entries);
        }
        let entries = self.converter.free_entries(properties, Keys::Free);
        if !path && !type_name.is_empty() {
            // A type the stack language cannot spell as a path of
            // identifiers (`Boto3::CodeCommit.put_file`, which the Boto3
            // macro consumes): a string where the compiler expects the
            // type, under the comment.
            self.converter.note(Feature::Unknown);
            return (format!("extern {}", render::string(type_name)), entries);
        }
        // SAM's types (`AWS::Serverless::Function`) are in the data, and
        // checked like the registry's (above); one the data does not have
        // (newer than its aws-sam-translator) passes through unchecked,
        // declared `extern`.
        let known_namespace = (type_name.starts_with("AWS::")
            && !type_name.starts_with("AWS::Serverless::"))
            || type_name.starts_with("Alexa::");
        if known_namespace || type_name.is_empty() {
            // An AWS type that the registry data does not have: written as
            // is, so the compiler says so (and suggests `extern`).
            let head = if type_name.is_empty() {
                "\"missing Type\"".to_owned()
            } else {
                type_name.to_owned()
            };
            (head, entries)
        } else {
            (format!("extern {type_name}"), entries)
        }
    }

    /// `#[output(value, description = "…", export = name)]`.
    fn output(&mut self, name: &str, output: &Value, clashes: bool) {
        let Value::Object(fields) = output else {
            self.unknown_declaration(name, "output", output);
            return;
        };
        let mut lines = Vec::new();
        let mut args = vec![
            fields
                .get("Value")
                .map_or_else(|| "\"missing Value\"".to_owned(), |v| self.value(v)),
        ];
        // Outputs are a namespace of their own: an output named like a
        // resource or parameter gets a struct of another name and says its
        // logical id with `name = "…"`.
        let struct_name = if clashes {
            args.push(format!("name = {}", render::string(name)));
            format!("{name}Output")
        } else {
            name.to_owned()
        };
        for (key, value) in fields {
            match key.as_str() {
                "Value" => {}
                "Description" => args.push(format!("description = {}", self.value(value))),
                "Export" => {
                    let export = match value {
                        Value::Object(export)
                            if export.len() == 1 && export.contains_key("Name") =>
                        {
                            self.value(&export["Name"])
                        }
                        other => self.value(other),
                    };
                    args.push(format!("export = {export}"));
                }
                "Condition" => args.push(self.output_condition(value)),
                _ => {
                    self.converter.features.push(Feature::Unknown);
                    let value = self.value(value);
                    args.push(format!("{} = {value}", option_name(key)));
                }
            }
        }
        lines.extend(comments(&self.converter.take()));
        lines.extend(attribute("output", &args));
        self.push(&struct_name, lines);
    }

    /// A declaration that is not an object: kept as written, so the
    /// compiler reports it.
    fn unknown_declaration(&mut self, name: &str, kind: &str, value: &Value) {
        let feature = if name.starts_with("Fn::ForEach::") {
            Feature::ForEach
        } else {
            Feature::Unknown
        };
        let value = self.value(value);
        let mut features = self.converter.take();
        features.retain(|f| *f != feature);
        features.insert(0, feature);
        let mut lines = comments(&features);
        self.converter.features.push(feature);
        lines.push(format!("#[{kind}({value})]"));
        // `Fn::ForEach::Topics` is no Rust name: the struct keeps its
        // letters and digits, so the file parses and the stack macro
        // reports the declaration.
        let struct_name: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
        self.push(&struct_name, lines);
    }

    fn push(&mut self, name: &str, lines: Vec<String>) {
        self.items.push(Item {
            lines,
            name: name.to_owned(),
        });
    }

    /// `Mappings`: one `#[mapping { … }]` struct per map, its keys quoted
    /// as written.
    fn mappings_section(&mut self, mappings: &Map<String, Value>) {
        for (name, map) in mappings {
            let lines = match map {
                Value::Object(map) => {
                    // One top-level key per line, as a table reads.
                    let entries = self.converter.free_entries(map, Keys::Free);
                    let body = Out::Object(entries).render_broken(0);
                    format!("#[mapping {body}]")
                        .lines()
                        .map(str::to_owned)
                        .collect()
                }
                other => {
                    let value = self.value(other);
                    vec![format!("#[mapping({value})]")]
                }
            };
            let mut all = comments(&self.converter.take());
            all.extend(lines);
            self.push(name, all);
        }
    }

    /// `Conditions`: one `#[condition(expression)]` struct per condition.
    fn conditions_section(&mut self, conditions: &Map<String, Value>, declared: &[&String]) {
        for (name, condition) in conditions {
            let expression = self.converter.condition(condition).render(0, 12);
            let mut lines = comments(&self.converter.take());
            let (struct_name, named) = if declared.contains(&name) {
                (
                    format!("{name}Condition"),
                    format!(", name = {}", render::string(name)),
                )
            } else {
                (name.clone(), String::new())
            };
            lines.extend(
                format!("#[condition({expression}{named})]")
                    .lines()
                    .map(str::to_owned),
            );
            self.push(&struct_name, lines);
        }
    }

    /// `Rules`: the `rules = { … }` option of `#[stack]`, free-form.
    fn rules_section(&mut self, rules: &Map<String, Value>) {
        self.converter.in_rules = true;
        let value = self
            .converter
            .value(&Value::Object(rules.clone()), Keys::Free)
            .render(4, 12);
        self.converter.in_rules = false;
        let features = self.converter.take();
        self.stack_comments.extend(comments(&features));
        self.stack_options.push(format!("rules = {value}"));
    }

    /// The template's `Metadata`: the `metadata = { … }` option of `#[stack]`.
    fn metadata_section(&mut self, value: &Value) {
        let value = self.converter.value(value, Keys::Free).render(4, 15);
        let features = self.converter.take();
        self.stack_comments.extend(comments(&features));
        self.stack_options.push(format!("metadata = {value}"));
    }

    /// `Transform`: the `transform = …` option of `#[stack]`, one name or a list.
    fn transform_section(&mut self, value: &Value) {
        let value = self.converter.value(value, Keys::Free).render(4, 16);
        let features = self.converter.take();
        self.stack_comments.extend(comments(&features));
        self.stack_options.push(format!("transform = {value}"));
    }

    /// A section CloudFormation does not document: an option of `#[stack]`
    /// named after it, so the compiler reports it.
    fn unknown_section(&mut self, section: &str, value: &Value) {
        self.converter.features.push(Feature::Unknown);
        self.stack_comments.extend(comments(&[Feature::Unknown]));
        let value = self.converter.value(value, Keys::Free).render(4, 16);
        let _ = self.converter.take();
        self.stack_options
            .push(format!("{} = {value}", option_name(section)));
    }

    /// A resource's `Condition`: `#[condition(Name)]`.
    fn resource_condition(&mut self, value: &Value) -> Vec<String> {
        vec![format!("#[condition({})]", self.condition_name(value))]
    }

    /// An output's `Condition`: the option `condition = Name`.
    fn output_condition(&mut self, value: &Value) -> String {
        format!("condition = {}", self.condition_name(value))
    }

    /// The name of a condition, as the `Condition` attribute gives it; any
    /// other value as written, for the compiler to report.
    fn condition_name(&mut self, value: &Value) -> String {
        match value {
            Value::String(name) => super::convert::reference(name),
            other => self.value(other),
        }
    }

    /// The program: the skeleton through prettyplease, then the
    /// placeholders replaced by the attributes.
    fn assemble(self, module: &str) -> Result<String, String> {
        let mut chunks: Vec<Vec<String>> = Vec::new();
        let mut stack_lines = self.stack_comments.clone();
        stack_lines.extend(if self.stack_options.is_empty() {
            vec!["#[stack]".to_owned()]
        } else {
            attribute("stack", &self.stack_options)
        });
        chunks.push(stack_lines);
        let mut skeleton = String::from(
            "use ecsnet::prelude::*;\n#[__ecsnet_import(0)]\npub mod __ecsnet_module {\n",
        );
        for (i, item) in self.items.iter().enumerate() {
            chunks.push(item.lines.clone());
            let _ = write!(
                skeleton,
                "#[__ecsnet_import({})]\npub struct __ecsnet_name_{i};\n",
                chunks.len() - 1
            );
        }
        skeleton.push_str(
            "}\nfn main() -> std::process::ExitCode {\n    ecsnet::cli::main(&__ecsnet_module::template())\n}\n",
        );
        let file = syn::parse_file(&skeleton).map_err(|e| format!("internal error: {e}"))?;
        let pretty = prettyplease::unparse(&file);
        let mut out = String::new();
        let mut first_in_module = true;
        for line in pretty.lines() {
            let trimmed = line.trim_start();
            let indent = &line[..line.len() - trimmed.len()];
            if let Some(number) = trimmed
                .strip_prefix("#[__ecsnet_import(")
                .and_then(|rest| rest.strip_suffix(")]"))
                .and_then(|n| n.parse::<usize>().ok())
            {
                if number > 0 {
                    if !first_in_module {
                        out.push('\n');
                    }
                    first_in_module = false;
                } else {
                    out.push('\n');
                }
                out.push_str(&indent_code(&chunks[number].join("\n"), indent));
                out.push('\n');
                continue;
            }
            let mut line = line.replace("__ecsnet_module", module);
            if let Some(start) = line.find("__ecsnet_name_") {
                let digits: String = line[start + 14..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let index: usize = digits.parse().unwrap_or_default();
                let name = render::ident(&self.items[index].name);
                line.replace_range(start..start + 14 + digits.len(), &name);
            }
            if trimmed.starts_with("fn main") {
                out.push('\n');
            }
            out.push_str(&line);
            out.push('\n');
        }
        Ok(out)
    }
}

/// `#[resource(Type { … })]`, with what follows the property block.
fn resource_attribute(head: &str, entries: &[Entry], after_block: &[String]) -> String {
    let mut text = format!("#[resource({head} {{");
    if !entries.is_empty() {
        text.push('\n');
        render::write_entries(&mut text, entries, 4);
    }
    text.push('}');
    for extra in after_block {
        text.push_str(", ");
        text.push_str(extra);
    }
    text.push_str(")]");
    text
}

/// An option CloudFormation does not document, as the name of an option
/// (`Foo = …`), which the `#[stack]` macro reports as an unknown option;
/// as a string if it is not an identifier, which it reports as a syntax
/// error.
fn option_name(key: &str) -> String {
    if render::is_ident(key) {
        render::ident(key)
    } else {
        render::string(key)
    }
}

/// Whether a resource type is a path of identifiers (`AWS::EC2::VPC`), as
/// `#[resource(…)]` spells it.
fn type_path(type_name: &str) -> bool {
    type_name.split("::").all(|segment| {
        segment.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
            && segment != "_"
    })
}

/// `text` with every line indented by `pad`, except the lines that continue
/// a raw string literal, whose content would change.
fn indent_code(text: &str, pad: &str) -> String {
    #[derive(PartialEq)]
    enum State {
        Code,
        Str,
        Raw(usize),
        Comment,
    }
    let mut out = String::with_capacity(text.len() + pad.len() * 8);
    let mut state = State::Code;
    let mut at_line_start = true;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if at_line_start {
            if state != State::Str && !matches!(state, State::Raw(_)) && c != '\n' {
                out.push_str(pad);
            }
            at_line_start = false;
        }
        out.push(c);
        match state {
            State::Code => {
                if c == '/' && chars.get(i + 1) == Some(&'/') {
                    state = State::Comment;
                } else if c == '"' {
                    state = State::Str;
                } else if c == 'r'
                    && (i == 0 || !chars[i - 1].is_alphanumeric() && chars[i - 1] != '_')
                {
                    let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
                    if chars.get(i + 1 + hashes) == Some(&'"') {
                        for h in &chars[i + 1..=i + 1 + hashes] {
                            out.push(*h);
                        }
                        i += 1 + hashes;
                        state = State::Raw(hashes);
                    }
                }
            }
            State::Str => {
                if c == '\\' {
                    if let Some(next) = chars.get(i + 1) {
                        out.push(*next);
                        i += 1;
                    }
                } else if c == '"' {
                    state = State::Code;
                }
            }
            State::Raw(hashes) => {
                if c == '"'
                    && chars[i + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&h| h == '#')
                        .count()
                        == hashes
                {
                    for _ in 0..hashes {
                        out.push('#');
                    }
                    i += hashes;
                    state = State::Code;
                }
            }
            State::Comment => {}
        }
        if c == '\n' {
            at_line_start = true;
            if state == State::Comment {
                state = State::Code;
            }
        }
        i += 1;
    }
    out
}
