//! `ecsnet`, the command of ecsnet.
//!
//! `ecsnet explain RULE` prints the rule's page of the ecsnet book: what must
//! hold, the AWS source, the failing program with the compiler's output, and
//! the fix. The text is compiled into the binary, so it works offline, and
//! every compiler message of ecsnet ends with the command to run.
//! `ecsnet explain AWS::EC2::Subnet` describes a resource type from the
//! schema data: its properties as a stack writes them, its attributes.
//!
//! `ecsnet import TEMPLATE` prints an ecsnet stack program that emits the
//! template (YAML or JSON), and warns on standard error about each template
//! feature the stack language does not have yet (see the `import` module).
//!
//! `ecsnet diff OLD NEW` compares two templates, or two app output
//! directories, and says what a deployment would replace and why (see the
//! `diff` module).

use std::fmt::Write as _;
use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

mod aws;
mod deploy;
mod destroy;
mod diff;
mod import;
mod manifest;
mod params;
mod progress;

mod rules {
    include!(concat!(env!("OUT_DIR"), "/rules.rs"));
}

const USAGE: &str = "usage: ecsnet explain RULE    print the rule's page of the book (what, why, the AWS source, the failing and passing programs)
       ecsnet explain TYPE        describe a resource type, such as AWS::EC2::Subnet
       ecsnet explain             list the rules
       ecsnet import TEMPLATE [-o FILE]
                                  print an ecsnet stack program that emits the template (YAML or JSON)
       ecsnet diff OLD NEW [--format json] [--fail]
                                  compare two templates (or two app output directories): what changes,
                                  what is replaced and why, the security changes; `--fail` exits 1 on any difference
       ecsnet deploy TEMPLATE --stack-name NAME [--parameter KEY=VALUE]... [--parameters-file FILE] [--yes]
       ecsnet deploy DIR [--parameter KEY=VALUE]... [--yes]
                                  deploy a stack, or an app's stacks in order, through a change set
       ecsnet destroy --stack-name NAME [--yes] | ecsnet destroy DIR [--yes]
                                  delete a stack, or an app's stacks in reverse order
       ecsnet diff --stack NAME NEW [--format json] [--fail]
                                  compare a deployed stack's template with a new one";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stdout = std::io::stdout().lock();
    let (code, text) = run(&args);
    let written = if code == 0 {
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
    } else {
        std::io::stderr().write_all(text.as_bytes())
    };
    if let Err(error) = written {
        let _ = writeln!(std::io::stderr(), "ecsnet: cannot write: {error}");
        return ExitCode::from(1);
    }
    ExitCode::from(code)
}

/// Runs the command on its arguments: the exit status and what to print
/// (on standard output for 0, on standard error otherwise).
fn run(args: &[String]) -> (u8, String) {
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["explain"] => (0, list()),
        ["explain", rule] => explain(rule),
        ["import", template] => import_template(template, None),
        ["import", template, "-o" | "--output", file]
        | ["import", "-o" | "--output", file, template] => import_template(template, Some(file)),
        ["deploy", rest @ ..] => deploy::command(rest),
        ["destroy", rest @ ..] => destroy::command(rest),
        ["diff", rest @ ..] if rest.contains(&"--stack") => deploy::stack_diff::command(rest),
        ["diff", rest @ ..] => diff_command(rest),
        ["-h" | "--help" | "help"] => (0, format!("{USAGE}\n")),
        _ => (2, format!("{USAGE}\n")),
    }
}

/// `ecsnet import TEMPLATE [-o FILE]`: the program on standard output or in
/// `FILE`, the warnings on standard error.
fn import_template(template: &str, output: Option<&str>) -> (u8, String) {
    let text = match std::fs::read_to_string(template) {
        Ok(text) => text,
        Err(error) => return (1, format!("ecsnet: cannot read {template}: {error}\n")),
    };
    let imported = match import::import(&text, &import::module_name(template)) {
        Ok(imported) => imported,
        Err(error) => return (1, format!("ecsnet: {template}: {error}\n")),
    };
    let mut stderr = std::io::stderr().lock();
    for warning in &imported.warnings {
        let _ = writeln!(stderr, "ecsnet: {template}: {warning}");
    }
    match output {
        Some(file) if file != "-" => match std::fs::write(file, &imported.program) {
            Ok(()) => (0, String::new()),
            Err(error) => (1, format!("ecsnet: cannot write {file}: {error}\n")),
        },
        _ => (0, imported.program),
    }
}

/// `ecsnet diff OLD NEW [--format json] [--fail]`. The report goes to
/// standard output even when `--fail` exits 1, so it is printed here;
/// errors exit 2. Colour only on a terminal, and never with `NO_COLOR` set.
fn diff_command(args: &[&str]) -> (u8, String) {
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
    match diff::command(args, color) {
        Ok(outcome) if outcome.status == 0 => (0, outcome.report),
        Ok(outcome) => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(outcome.report.as_bytes());
            let _ = stdout.flush();
            (outcome.status, String::new())
        }
        Err(error) => (2, format!("ecsnet: {error}\n")),
    }
}

/// The rules, one per line, with the page each belongs to.
fn list() -> String {
    let mut out = String::from("rules (run `ecsnet explain RULE` for one):\n");
    for (id, title, _) in rules::RULES {
        let _ = writeln!(out, "  {id:<28} {title}");
    }
    out
}

/// The page of one rule; a close name is suggested for a typo.
fn explain(rule: &str) -> (u8, String) {
    let rule = rule.trim_matches('`');
    if rule.contains("::") {
        return explain_type(rule);
    }
    if let Some((id, title, text)) = rules::RULES.iter().find(|(id, _, _)| *id == rule) {
        return (0, format!("rule `{id}` ({title})\n\n{text}\n"));
    }
    let closest = rules::RULES
        .iter()
        .map(|(id, _, _)| (strsim::levenshtein(rule, id), *id))
        .min()
        .filter(|(distance, _)| *distance <= rule.len().max(3) / 3)
        .map_or_else(
            || "; run `ecsnet explain` for the list".to_owned(),
            |(_, id)| format!("; did you mean `{id}`?"),
        );
    (2, format!("ecsnet: no rule `{rule}`{closest}\n"))
}

/// A resource type's page of the book's type reference, from the same data
/// the macros check stacks against.
fn explain_type(name: &str) -> (u8, String) {
    if let Some(t) = ecsnet_schema::resource_type(name) {
        return (0, ecsnet_schema::describe::describe(t));
    }
    let closest = ecsnet_schema::type_names()
        .map(|known| {
            (
                strsim::levenshtein(&name.to_ascii_lowercase(), &known.to_ascii_lowercase()),
                known,
            )
        })
        .min()
        .filter(|(distance, _)| *distance <= name.len() / 4)
        .map_or_else(String::new, |(_, known)| {
            format!("; did you mean `{known}`?")
        });
    (
        2,
        format!("ecsnet: no resource type `{name}` in ecsnet's data{closest}\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn explains_a_rule_with_its_programs() {
        let (code, text) = run(&args(&["explain", "target-type"]));
        assert_eq!(code, 0);
        assert!(
            text.starts_with("rule `target-type` (Network modes)"),
            "{text}"
        );
        // The failing program and the compiler's output are included.
        assert!(text.contains("target_type"), "{text}");
        assert!(text.contains("--> tests/ui/network-mode/"), "{text}");
        assert!(!text.contains("{{#include"), "{text}");
    }

    #[test]
    fn suggests_a_close_rule() {
        let (code, text) = run(&args(&["explain", "target-tipe"]));
        assert_eq!(code, 2);
        assert_eq!(
            text,
            "ecsnet: no rule `target-tipe`; did you mean `target-type`?\n"
        );
    }

    #[test]
    fn explains_a_resource_type_from_the_data() {
        let (code, text) = run(&args(&["explain", "AWS::SNS::Topic"]));
        assert_eq!(code, 0);
        assert!(text.starts_with("## `AWS::SNS::Topic`"), "{text}");
        assert!(text.contains("| `topic_name` | `TopicName` |"), "{text}");
        let (code, text) = run(&args(&["explain", "AWS::SNS::Topik"]));
        assert_eq!(code, 2);
        assert_eq!(
            text,
            "ecsnet: no resource type `AWS::SNS::Topik` in ecsnet's data; did you mean `AWS::SNS::Topic`?\n"
        );
    }

    #[test]
    fn lists_every_rule() {
        let (code, text) = run(&args(&["explain"]));
        assert_eq!(code, 0);
        assert!(text.contains("  open-ingress"), "{text}");
        assert_eq!(run(&args(&["frobnicate"])).0, 2);
    }
}
