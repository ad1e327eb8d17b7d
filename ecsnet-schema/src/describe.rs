//! A resource type described in Markdown, from the data alone: the page of
//! the book's type reference and what `ecsnet explain AWS::EC2::Subnet`
//! prints. Top-level properties only; nested types are named, and their
//! properties are on the AWS page the description links to.

use std::fmt::Write as _;

use crate::{ResourceType, Shape};

/// The Markdown description of one type, under a level-2 heading naming it.
#[must_use]
pub fn describe(t: &ResourceType) -> String {
    let mut out = format!("## `{}`\n\n", t.name);
    if !t.summary.is_empty() {
        let _ = writeln!(out, "{}\n", plain_markdown(t.summary));
    }
    let _ = writeln!(out, "[AWS documentation]({})\n", t.docs_url);
    if let Some(transform) = t.transform {
        let _ = writeln!(
            out,
            "The stack declares the transform: `#[stack(transform = \"{transform}\")]`.\n"
        );
    }
    match t.ref_returns {
        Some(returns) => {
            let _ = writeln!(out, "`Ref` returns its `{returns}`.\n");
        }
        None => out.push_str("`Ref` returns no documented value.\n\n"),
    }
    if t.properties.is_empty() {
        out.push_str("It takes no properties.\n\n");
    } else {
        out.push_str("| property | CloudFormation | value | required |\n|---|---|---|---|\n");
        for p in t.properties {
            let refers: Vec<&str> = p.refers_to.iter().map(|r| r.type_name).collect();
            let mut value = shape(&p.shape);
            if !refers.is_empty() {
                let mut refers = refers;
                refers.dedup();
                let _ = write!(value, ", identifies {}", ticks(&refers));
            }
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {value} | {} |",
                p.ident,
                p.name,
                if p.required { "yes" } else { "" }
            );
        }
        out.push('\n');
    }
    if !t.attributes.is_empty() {
        let names: Vec<&str> = t.attributes.iter().map(|a| a.name).collect();
        let _ = writeln!(out, "Attributes (`Name.Attribute`): {}.\n", ticks(&names));
    }
    if !t.create_only.is_empty() {
        let _ = writeln!(
            out,
            "Changing {} replaces the resource.\n",
            ticks(t.create_only)
        );
    }
    out
}

/// A value shape in a few words.
fn shape(s: &Shape) -> String {
    match s {
        Shape::String { allowed: [] } => "string".to_owned(),
        Shape::String { allowed } if allowed.len() <= 6 => format!("one of {}", ticks(allowed)),
        Shape::String { allowed } => format!("one of {} strings", allowed.len()),
        Shape::Integer {
            minimum, maximum, ..
        } => match (minimum, maximum) {
            (Some(min), Some(max)) => format!("integer, {min} to {max}"),
            (Some(min), None) => format!("integer, at least {min}"),
            (None, Some(max)) => format!("integer, at most {max}"),
            (None, None) => "integer".to_owned(),
        },
        Shape::Number => "number".to_owned(),
        Shape::Boolean => "`true` or `false`".to_owned(),
        Shape::Json => "JSON".to_owned(),
        Shape::Timestamp => "timestamp".to_owned(),
        Shape::List(item) => format!("list of {}", shape(item)),
        Shape::Map(item) => format!("map of {}", shape(item)),
        Shape::Struct(s) => format!("`{}`", s.name),
        Shape::Union(members) => members.iter().map(shape).collect::<Vec<_>>().join(" or "),
    }
}

fn ticks<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    quoted.join(", ")
}

/// A summary from the data as Markdown that rustdoc (in any crate, with no
/// warning) and mdBook both accept: links `[text](url)` keep their text
/// only, other brackets, angle brackets and table bars are escaped, and bare
/// URLs are wrapped in `<…>` (rustdoc's `bare_urls` lint).
#[must_use]
pub fn plain_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '['
            && let Some(close) = rest.find("](")
            && let Some(end) = rest[close..].find(')')
            && !rest[1..close].contains(['[', ']'])
        {
            out.push_str(&plain_markdown(&rest[1..close]));
            rest = &rest[close + end + 1..];
            continue;
        }
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let url = rest[..end].trim_end_matches(['.', ',', ')']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            continue;
        }
        if matches!(c, '[' | ']' | '<' | '>' | '|' | '\\') {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The book's page for one service (`AWS::EC2`): every type of it, in order.
#[must_use]
pub fn service_page(service: &str) -> String {
    let prefix = format!("{service}::");
    let mut out = format!(
        "# `{service}`\n\n<!-- @generated from ecsnet-schema's data by `cargo run -p ecsnet-schema --example type_pages`; do not edit. -->\n\n"
    );
    for name in crate::type_names().filter(|n| n.starts_with(&prefix)) {
        if let Some(t) = crate::resource_type(name) {
            out.push_str(&describe(t));
        }
    }
    out
}

/// Every service (`AWS::EC2`, `Alexa::ASK`), in order.
#[must_use]
pub fn services() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = crate::type_names()
        .filter_map(|n| n.rsplit_once("::").map(|(service, _)| service))
        .collect();
    out.dedup();
    out
}

/// The file name of a service's page: `aws-ec2.md`.
#[must_use]
pub fn page_file(service: &str) -> String {
    format!("{}.md", service.to_ascii_lowercase().replace("::", "-"))
}

/// Every page of the book's type reference, as (path under `book/src/`,
/// content): `types/index.md` and one page per service.
#[must_use]
pub fn book_pages() -> Vec<(String, String)> {
    let services = services();
    let mut index = String::from(
        "# Resource types\n\n<!-- @generated from ecsnet-schema's data by `cargo run -p ecsnet-schema --example type_pages`; do not edit. -->\n\n\
         Every resource type ecsnet knows: the registry of `us-east-1` as cfn-lint 1.51.0 ships it, and \
         the SAM types of aws-sam-translator 1.115.0 (`AWS::Serverless`), which need the \
         `AWS::Serverless-2016-10-31` transform. Each \
         page lists a service's types with their properties as a stack writes them (the `snake_case` \
         names), their CloudFormation names, value shapes, the types a value identifies, attributes, \
         what `Ref` returns and what replaces the resource. `ecsnet explain AWS::EC2::Subnet` prints \
         the same offline. Nested property types are named; their properties are on the AWS page.\n\n\
         | service | types |\n|---|---|\n",
    );
    let mut pages = Vec::new();
    for service in &services {
        let prefix = format!("{service}::");
        let count = crate::type_names()
            .filter(|n| n.starts_with(&prefix))
            .count();
        let file = page_file(service);
        let _ = writeln!(index, "| [`{service}`]({file}) | {count} |");
        pages.push((format!("types/{file}"), service_page(service)));
    }
    let mut out = vec![("types/index.md".to_owned(), index)];
    out.extend(pages);
    out
}

/// The lines `book/src/SUMMARY.md` lists the type pages with.
#[must_use]
pub fn summary_lines() -> String {
    let mut out = String::from("- [Resource types](types/index.md)\n");
    for service in services() {
        let _ = writeln!(out, "    - [{service}](types/{})", page_file(service));
    }
    out
}
