//! The arguments of `ecsnet diff OLD NEW [--format json] [--fail]`.

use super::diff_paths;
use std::path::Path;

/// What the command prints on standard output, and its exit status.
pub struct Outcome {
    /// The report: the human rendering or the JSON document.
    pub report: String,
    /// 0, or 1 with `--fail` when something differs.
    pub status: u8,
}

/// Runs `ecsnet diff` on its arguments (those after `diff`); `color` adds
/// ANSI colours to the human rendering.
///
/// # Errors
///
/// One line: the usage for unknown arguments, or why a path cannot be
/// compared.
pub fn command(args: &[&str], color: bool) -> Result<Outcome, String> {
    let mut paths = Vec::new();
    let mut json = false;
    let mut fail = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match *arg {
            "--fail" => fail = true,
            "--format" => match rest.next() {
                Some(&"json") => json = true,
                Some(&"human") => json = false,
                other => {
                    return Err(format!(
                        "unknown format `{}`; expected `json` or `human`",
                        other.unwrap_or(&"")
                    ));
                }
            },
            "--format=json" => json = true,
            "--format=human" => json = false,
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!(
                    "unknown option `{flag}`; expected `--format json` or `--fail`"
                ));
            }
            path => paths.push(path),
        }
    }
    let [old, new] = paths[..] else {
        return Err("`ecsnet diff` takes two templates or two app output directories: `ecsnet diff OLD NEW`".to_owned());
    };
    let comparison = diff_paths(Path::new(old), Path::new(new))?;
    let report = if json {
        let mut text = serde_json::to_string_pretty(&comparison.to_json()).unwrap_or_default();
        text.push('\n');
        text
    } else {
        comparison.render_human(color)
    };
    let status = u8::from(fail && !comparison.is_empty());
    Ok(Outcome { report, status })
}
