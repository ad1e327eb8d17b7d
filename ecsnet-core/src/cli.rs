//! The command line that every stack binary shares.
//!
//! A stack's binary is one line (through the facade, `ecsnet::cli::main`):
//!
//! ```no_run
//! # fn template() -> ecsnet_core::Template { ecsnet_core::Template::new() }
//! fn main() -> std::process::ExitCode {
//!     ecsnet_core::cli::main(&template())
//! }
//! ```
//!
//! and then prints the template as JSON (`--format yaml` for YAML), writes
//! it to a file (`--output FILE`), or checks a parameter file against the
//! stack's parameters (`--check-params dev.cfg`). Exit status: 0 on success,
//! 1 when a file cannot be read or written, 2 on a usage error or an invalid
//! parameter file.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::params::{self, did_you_mean};
use crate::template::Template;
use crate::value::Value;

/// Exit status for a file that cannot be read or written.
const IO_ERROR: u8 = 1;
/// Exit status for a usage error or an invalid parameter file.
const USAGE: u8 = 2;

/// Runs the command line on the process's arguments, standard output and
/// standard error, and returns the exit status for `main` to return.
#[must_use]
pub fn main(template: &Template) -> ExitCode {
    // Lossy: the options are ASCII, and a file name that is not UTF-8 is
    // rare enough for a build tool.
    let args: Vec<String> = std::env::args_os()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let code = run(
        template,
        &args,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}

/// Runs the command line on `args` (the program's name first) and returns
/// the exit status: 0 on success, 1 when a file cannot be read or written,
/// 2 on a usage error or an invalid parameter file.
pub fn run(
    template: &Template,
    args: &[String],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let program = args
        .first()
        .and_then(|arg| Path::new(arg).file_name())
        .map_or_else(
            || "stack".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        );
    let options = match Options::parse(args.get(1..).unwrap_or_default()) {
        Ok(options) => options,
        Err(message) => {
            // Nothing more can be said if standard error is gone.
            let _ = writeln!(stderr, "error: {message}\ntry `{program} --help`");
            return USAGE;
        }
    };
    let result = if options.help {
        stdout
            .write_all(usage(&program).as_bytes())
            .map(|()| 0)
            .map_err(|e| format!("cannot write to standard output: {e}"))
    } else if let Some(file) = &options.check_params {
        check_params(template, file, stdout, stderr)
    } else {
        print_template(template, &options, stdout)
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(stderr, "error: {message}");
            IO_ERROR
        }
    }
}

fn usage(program: &str) -> String {
    format!(
        "\
Prints this stack's CloudFormation template.

usage: {program} [--format json|yaml] [--compact] [--output FILE]
       {program} --check-params FILE

options:
      --format FORMAT      `json` (the default) or `yaml`
      --compact            JSON on one line
  -o, --output FILE        write the template to FILE instead of standard output
      --check-params FILE  check a file of `Key=Value` lines, as taken by
                           `aws cloudformation deploy --parameter-overrides`,
                           against the stack's parameters
  -h, --help               print this help

exit status: 0 on success, 1 when a file cannot be read or written, 2 on a
usage error or an invalid parameter file
"
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Yaml,
}

#[derive(Debug, Default)]
struct Options {
    help: bool,
    format: Option<Format>,
    compact: bool,
    output: Option<String>,
    check_params: Option<String>,
}

/// Every option, for suggestions.
const OPTIONS: [&str; 7] = [
    "--format",
    "--compact",
    "--output",
    "-o",
    "--check-params",
    "--help",
    "-h",
];

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options::default();
        let mut index = 0;
        while let Some(arg) = args.get(index) {
            index += 1;
            // `--name=value` carries its value; a short option does not.
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name, Some(value)),
                _ => (arg.as_str(), None),
            };
            let mut value = || -> Result<String, String> {
                let value = match inline {
                    Some(value) => Some(value),
                    // A following option is not taken for a value, so that
                    // `-o --compact` is an error rather than a file.
                    None => args
                        .get(index)
                        .map(String::as_str)
                        .filter(|next| !(next.starts_with('-') && next.len() > 1)),
                };
                match value {
                    Some(value) if !value.is_empty() => {
                        if inline.is_none() {
                            index += 1;
                        }
                        Ok(value.to_owned())
                    }
                    _ => Err(format!("`{name}` needs a value")),
                }
            };
            match name {
                "-h" | "--help" | "--compact" if inline.is_some() => {
                    return Err(format!("`{name}` takes no value"));
                }
                "-h" | "--help" => options.help = true,
                "--compact" => set_once(&mut options.compact, true, name)?,
                "--format" => {
                    let format = match value()?.as_str() {
                        "json" => Format::Json,
                        "yaml" => Format::Yaml,
                        other => {
                            return Err(format!(
                                "invalid format `{other}`; expected `json` or `yaml`"
                            ));
                        }
                    };
                    set_once(&mut options.format, Some(format), name)?;
                }
                "-o" | "--output" => set_once(&mut options.output, Some(value()?), name)?,
                "--check-params" => set_once(&mut options.check_params, Some(value()?), name)?,
                _ if name.starts_with('-') && name.len() > 1 => {
                    return Err(match did_you_mean(name, OPTIONS) {
                        Some(option) => {
                            format!("unknown option `{name}`; did you mean `{option}`?")
                        }
                        None => format!("unknown option `{name}`"),
                    });
                }
                _ => return Err(format!("unexpected argument `{arg}`")),
            }
        }
        if options.check_params.is_some() {
            let others = [
                (options.format.is_some(), "--format"),
                (options.compact, "--compact"),
                (options.output.is_some(), "--output"),
            ];
            if let Some((_, other)) = others.iter().find(|(given, _)| *given) {
                return Err(format!(
                    "`--check-params` cannot be combined with `{other}`"
                ));
            }
        }
        if options.compact && options.format == Some(Format::Yaml) {
            return Err("`--compact` applies to JSON only, not to `--format yaml`".to_owned());
        }
        Ok(options)
    }
}

/// Sets an option, refusing to set it twice: `--format json --format yaml`
/// is more likely a mistake than a wish for the last one.
fn set_once<T: Default + PartialEq>(slot: &mut T, value: T, name: &str) -> Result<(), String> {
    if *slot != T::default() {
        return Err(format!("`{name}` is given more than once"));
    }
    *slot = value;
    Ok(())
}

fn print_template(
    template: &Template,
    options: &Options,
    stdout: &mut dyn Write,
) -> Result<u8, String> {
    let text = match (options.format, options.compact) {
        (Some(Format::Yaml), _) => template.to_yaml(),
        (_, true) => template.to_json(),
        (_, false) => template.to_json_pretty(),
    };
    match &options.output {
        // One write of the whole text, so that a failure leaves no
        // half-written template behind that looks complete.
        Some(file) => std::fs::write(file, text).map_err(|e| format!("cannot write `{file}`: {e}")),
        None => stdout
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write to standard output: {e}")),
    }
    .map(|()| 0)
}

fn check_params(
    template: &Template,
    file: &str,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read `{file}`: {e}"))?;
    match params::check(template, &text) {
        Ok(found) => {
            let mut report = String::new();
            let _ = writeln!(
                report,
                "{file}: valid; sets {} of the stack's {} parameters",
                found.len(),
                template.parameters.len()
            );
            for (name, parameter) in &template.parameters {
                if let Some((_, value)) = found.iter().find(|(key, _)| key == name) {
                    let _ = writeln!(report, "  {name}={value}");
                } else if let Some(default) = &parameter.default {
                    let _ = writeln!(report, "  {name}={} (default)", default_text(default));
                }
            }
            stdout
                .write_all(report.as_bytes())
                .map_err(|e| format!("cannot write to standard output: {e}"))?;
            Ok(0)
        }
        Err(errors) => {
            let mut report = String::new();
            for error in &errors {
                let _ = writeln!(report, "{}", error.in_file(file));
            }
            let problems = if errors.len() == 1 {
                "problem"
            } else {
                "problems"
            };
            let _ = writeln!(
                report,
                "error: `{file}` does not fit the stack's parameters ({} {problems})",
                errors.len()
            );
            stderr
                .write_all(report.as_bytes())
                .map_err(|e| format!("cannot write to standard error: {e}"))?;
            Ok(USAGE)
        }
    }
}

/// A parameter's `Default` as it would be written in a parameter file.
fn default_text(default: &Value) -> String {
    match default {
        Value::String(s) => s.to_string(),
        Value::Int(n) => n.to_string(),
        Value::Float(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::List(items) => items.iter().map(default_text).collect::<Vec<_>>().join(","),
        // Not a value CloudFormation accepts as a default; show it as JSON.
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::template::{Parameter, Resource};

    fn template() -> Template {
        let mut template = Template::new();
        template.description = Some("Test stack".into());
        template.parameters.insert(
            "VpcId".into(),
            Parameter {
                ty: "AWS::EC2::VPC::Id".into(),
                ..Parameter::default()
            },
        );
        template.parameters.insert(
            "ImageTag".into(),
            Parameter {
                ty: "String".into(),
                default: Some("latest".into()),
                ..Parameter::default()
            },
        );
        template.parameters.insert(
            "Counts".into(),
            Parameter {
                ty: "List<Number>".into(),
                default: Some(vec![Value::Int(1), Value::Int(2)].into()),
                ..Parameter::default()
            },
        );
        let mut bucket = Resource::new("AWS::S3::Bucket");
        bucket
            .properties
            .insert("BucketName".into(), Value::reference("VpcId"));
        template.resources.insert("Bucket".into(), bucket);
        template
    }

    /// Runs the command line; returns the exit status, stdout and stderr.
    fn cli(args: &[&str]) -> (u8, String, String) {
        let args: Vec<String> = std::iter::once("/path/to/todobackend")
            .chain(args.iter().copied())
            .map(str::to_owned)
            .collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&template(), &args, &mut out, &mut err);
        (
            code,
            String::from_utf8(out).expect("utf-8"),
            String::from_utf8(err).expect("utf-8"),
        )
    }

    /// A file in a directory of its own for this test.
    fn temp_file(test: &str, name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ecsnet-cli-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir.join(name)
    }

    fn usage_error(args: &[&str], message: &str) {
        let (code, out, err) = cli(args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(out, "");
        assert_eq!(
            err,
            format!("error: {message}\ntry `todobackend --help`\n"),
            "{args:?}"
        );
    }

    #[test]
    fn prints_pretty_json_by_default() {
        let (code, out, err) = cli(&[]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(out, template().to_json_pretty());
        assert!(out.starts_with("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n"));
    }

    #[test]
    fn formats() {
        assert_eq!(cli(&["--format", "json"]).1, template().to_json_pretty());
        assert_eq!(cli(&["--format=json"]).1, template().to_json_pretty());
        assert_eq!(cli(&["--format", "yaml"]).1, template().to_yaml());
        assert_eq!(cli(&["--format=yaml"]).1, template().to_yaml());
        let (code, out, _) = cli(&["--compact"]);
        assert_eq!(code, 0);
        assert_eq!(out, template().to_json());
        assert_eq!(out.lines().count(), 1);
        assert_eq!(
            cli(&["--compact", "--format", "json"]).1,
            template().to_json()
        );
    }

    #[test]
    fn writes_the_output_file() {
        for (i, args) in [["--output", "yaml"], ["-o", "yaml"], ["--output=", "yaml"]]
            .iter()
            .enumerate()
        {
            let path = temp_file("output", &format!("template-{i}.yaml"));
            let path_text = path.to_str().expect("utf-8 path");
            let args: Vec<String> = if args[0].ends_with('=') {
                vec![format!("{}{path_text}", args[0])]
            } else {
                vec![args[0].to_owned(), path_text.to_owned()]
            };
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.extend(["--format", "yaml"]);
            let (code, out, err) = cli(&args);
            assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""), "{args:?}");
            assert_eq!(
                std::fs::read_to_string(&path).expect("written"),
                template().to_yaml()
            );
        }
    }

    #[test]
    fn an_unwritable_output_file_is_an_io_error() {
        let path = temp_file("unwritable", "missing-dir").join("template.json");
        let (code, out, err) = cli(&["-o", path.to_str().expect("utf-8")]);
        assert_eq!((code, out.as_str()), (1, ""));
        assert!(
            err.starts_with(&format!("error: cannot write `{}`: ", path.display())),
            "{err}"
        );
    }

    #[test]
    fn help_names_the_program() {
        for flag in ["--help", "-h"] {
            let (code, out, err) = cli(&[flag]);
            assert_eq!((code, err.as_str()), (0, ""));
            assert!(
                out.contains(
                    "usage: todobackend [--format json|yaml] [--compact] [--output FILE]\n"
                )
            );
            assert!(out.contains("       todobackend --check-params FILE\n"));
            assert!(out.contains("--check-params FILE"));
        }
        let mut out = Vec::new();
        let args = [String::new(), "--help".to_owned()];
        run(&template(), &args, &mut out, &mut Vec::new());
        assert!(
            String::from_utf8(out)
                .expect("utf-8")
                .contains("usage: stack ")
        );
    }

    #[test]
    fn usage_errors() {
        usage_error(
            &["--fromat", "yaml"],
            "unknown option `--fromat`; did you mean `--format`?",
        );
        usage_error(
            &["--compat"],
            "unknown option `--compat`; did you mean `--compact`?",
        );
        usage_error(&["-x"], "unknown option `-x`");
        usage_error(&["--verbose"], "unknown option `--verbose`");
        usage_error(&["template.json"], "unexpected argument `template.json`");
        usage_error(&["--format"], "`--format` needs a value");
        usage_error(&["--format="], "`--format` needs a value");
        usage_error(
            &["--format", "xml"],
            "invalid format `xml`; expected `json` or `yaml`",
        );
        usage_error(
            &["--format", "JSON"],
            "invalid format `JSON`; expected `json` or `yaml`",
        );
        usage_error(&["-o"], "`-o` needs a value");
        usage_error(&["-o", "--compact"], "`-o` needs a value");
        usage_error(&["--output"], "`--output` needs a value");
        usage_error(&["--check-params"], "`--check-params` needs a value");
        usage_error(&["--compact=yes"], "`--compact` takes no value");
        usage_error(&["--help=me"], "`--help` takes no value");
        usage_error(
            &["--format", "json", "--format", "yaml"],
            "`--format` is given more than once",
        );
        usage_error(
            &["--compact", "--compact"],
            "`--compact` is given more than once",
        );
        usage_error(
            &["-o", "a", "--output", "b"],
            "`--output` is given more than once",
        );
        usage_error(
            &["--compact", "--format", "yaml"],
            "`--compact` applies to JSON only, not to `--format yaml`",
        );
        usage_error(
            &["--check-params", "dev.cfg", "--format", "yaml"],
            "`--check-params` cannot be combined with `--format`",
        );
        usage_error(
            &["--check-params", "dev.cfg", "-o", "x"],
            "`--check-params` cannot be combined with `--output`",
        );
    }

    #[test]
    fn a_lone_dash_is_not_an_option() {
        usage_error(&["-"], "unexpected argument `-`");
    }

    #[test]
    fn check_params_valid() {
        let path = temp_file("valid", "dev.cfg");
        std::fs::write(&path, "# dev\nVpcId=vpc-f8233a80\nImageTag=5fdbe62\n").expect("write");
        let file = path.to_str().expect("utf-8");
        let (code, out, err) = cli(&["--check-params", file]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(
            out,
            format!(
                "{file}: valid; sets 2 of the stack's 3 parameters\n  VpcId=vpc-f8233a80\n  \
                 ImageTag=5fdbe62\n  Counts=1,2 (default)\n"
            )
        );
        let (code, _, _) = cli(&[&format!("--check-params={file}")]);
        assert_eq!(code, 0);
    }

    #[test]
    fn check_params_invalid() {
        let path = temp_file("invalid", "dev.cfg");
        std::fs::write(&path, "VpcID=vpc-f8233a80\nImageTag=a b\nCounts=1,x\n").expect("write");
        let file = path.to_str().expect("utf-8");
        let (code, out, err) = cli(&["--check-params", file]);
        assert_eq!((code, out.as_str()), (2, ""));
        assert_eq!(
            err,
            format!(
                "{file}:1: unknown parameter `VpcID`; did you mean `VpcId`?\n\
                 {file}:2: `ImageTag=a b` contains whitespace, where the shell splits `$(cat …)`, \
                 quotes or not; expected `Key=Value` without spaces\n\
                 {file}:3: Counts=1,x: `x` is not a number; expected an integer or a decimal number \
                 such as `3` or `2.5`\n\
                 {file}: missing value for parameter `VpcId` of type `AWS::EC2::VPC::Id`, which has \
                 no `Default`\n\
                 error: `{file}` does not fit the stack's parameters (4 problems)\n"
            )
        );
    }

    #[test]
    fn check_params_unreadable_file() {
        let path = temp_file("unreadable", "missing.cfg");
        let (code, out, err) = cli(&["--check-params", path.to_str().expect("utf-8")]);
        assert_eq!((code, out.as_str()), (1, ""));
        assert!(
            err.starts_with(&format!("error: cannot read `{}`: ", path.display())),
            "{err}"
        );
    }

    #[test]
    fn a_broken_stdout_is_an_io_error() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut err = Vec::new();
        let code = run(&template(), &["stack".to_owned()], &mut Broken, &mut err);
        assert_eq!(code, 1);
        assert!(
            String::from_utf8(err)
                .expect("utf-8")
                .starts_with("error: cannot write to standard output: ")
        );
    }
}
