//! `ecsnet diff --stack NAME NEW`: the deployed stack's template
//! (`GetTemplate`, as the user wrote it) against a new one, rendered as the
//! offline `ecsnet diff OLD NEW` renders it.

use crate::aws::{self, Stop};
use crate::diff;

/// Runs `ecsnet diff --stack NAME NEW [--format json] [--fail]`: exit 0, 1
/// with `--fail` when the templates differ, 2 on an error.
pub fn command(args: &[&str]) -> (u8, String) {
    let mut stack = None;
    let mut new = None;
    let mut json = false;
    let mut fail = false;
    let mut args = args.iter();
    while let Some(&arg) = args.next() {
        match arg {
            "--stack" => stack = args.next().copied(),
            "--format" => match args.next().copied() {
                Some("json") => json = true,
                Some("human") => json = false,
                other => {
                    return usage(&format!(
                        "`--format` takes `human` or `json`, not `{}`",
                        other.unwrap_or_default()
                    ));
                }
            },
            "--fail" => fail = true,
            _ if arg.starts_with('-') => return usage(&format!("unknown option `{arg}`")),
            _ if new.is_none() => new = Some(arg),
            _ => return usage(&format!("unexpected argument `{arg}`")),
        }
    }
    let (Some(stack), Some(new)) = (stack, new) else {
        return usage("`--stack NAME` and the new template are required");
    };
    let new_template = match diff::read_template(std::path::Path::new(new)) {
        Ok(template) => template,
        Err(error) => return (2, format!("ecsnet: {error}\n")),
    };
    let (code, text) = aws::run(async {
        let clients = aws::connect().await?;
        let deployed = super::deployed_template(&clients, stack).await?;
        let diff = diff::diff_templates(&deployed, &new_template);
        if json {
            let document = serde_json::to_string_pretty(&diff.to_json())
                .map_err(|error| Stop::Failed(error.to_string()))?;
            println!("{document}");
        } else {
            print!("{}", diff.render_human(super::color()));
        }
        if fail && !diff.is_empty() {
            return Err(Stop::Reported);
        }
        Ok(())
    });
    // Errors exit 2, as the offline diff's do; a difference with `--fail` is 1.
    match code {
        1 if !text.is_empty() => (2, text),
        _ => (code, text),
    }
}

fn usage(error: &str) -> (u8, String) {
    (
        2,
        format!("ecsnet: {error}\nusage: ecsnet diff --stack NAME NEW [--format json] [--fail]\n"),
    )
}
