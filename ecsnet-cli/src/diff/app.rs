//! What `ecsnet diff OLD NEW` compares: two template files, or two app
//! output directories (`manifest.json` and one template per stack), stack
//! by stack, matched by the manifest's `name`. A stack on one side only is
//! added or removed: its diff is against an empty template.

use super::render::Paint;
use super::{TemplateDiff, diff_templates, read_template};
use serde_json::{Map, Value, json};
use std::path::Path;

/// The result of comparing two paths.
pub enum Comparison {
    /// Two template files.
    Template(TemplateDiff),
    /// Two app output directories.
    App {
        /// The new manifest's `app`.
        app: String,
        /// Every stack of either side, in the new manifest's order, then
        /// the removed ones.
        stacks: Vec<StackDiff>,
    },
}

/// One stack of an app diff.
pub struct StackDiff {
    name: String,
    stack_name: String,
    /// `add`, `remove`, `modify` or `none`.
    action: &'static str,
    diff: TemplateDiff,
}

/// Compares two template files, or two app output directories.
///
/// # Errors
///
/// A message naming the path that cannot be read, is not a template or
/// has no valid manifest; or when one path is a directory and the other
/// is not.
pub fn diff_paths(old: &Path, new: &Path) -> Result<Comparison, String> {
    match (old.is_dir(), new.is_dir()) {
        (false, false) => Ok(Comparison::Template(diff_templates(
            &read_template(old)?,
            &read_template(new)?,
        ))),
        (true, true) => diff_apps(old, new),
        _ => Err(format!(
            "cannot compare {} with {}: both must be template files or both app output directories",
            old.display(),
            new.display()
        )),
    }
}

fn diff_apps(old: &Path, new: &Path) -> Result<Comparison, String> {
    let crate::manifest::Manifest {
        app: old_app,
        stacks: old_stacks,
    } = crate::manifest::read(old)?;
    let crate::manifest::Manifest {
        app: new_app,
        stacks: new_stacks,
    } = crate::manifest::read(new)?;
    let empty = Value::Object(Map::new());
    let mut stacks = Vec::new();
    for stack in &new_stacks {
        let template = read_template(&stack.template)?;
        let (action, diff) = match old_stacks.iter().find(|s| s.name == stack.name) {
            Some(before) => {
                let diff = diff_templates(&read_template(&before.template)?, &template);
                (if diff.is_empty() { "none" } else { "modify" }, diff)
            }
            None => ("add", diff_templates(&empty, &template)),
        };
        stacks.push(StackDiff {
            name: stack.name.clone(),
            stack_name: stack.stack_name.clone(),
            action,
            diff,
        });
    }
    for stack in old_stacks
        .iter()
        .filter(|s| !new_stacks.iter().any(|n| n.name == s.name))
    {
        stacks.push(StackDiff {
            name: stack.name.clone(),
            stack_name: stack.stack_name.clone(),
            action: "remove",
            diff: diff_templates(&read_template(&stack.template)?, &empty),
        });
    }
    let app = if new_app.is_empty() { old_app } else { new_app };
    Ok(Comparison::App { app, stacks })
}

impl Comparison {
    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        match self {
            Comparison::Template(diff) => diff.is_empty(),
            Comparison::App { stacks, .. } => stacks.iter().all(|s| s.action == "none"),
        }
    }

    /// The human rendering: for an app, each stack under its own heading.
    pub fn render_human(&self, color: bool) -> String {
        match self {
            Comparison::Template(diff) => diff.render_human(color),
            Comparison::App { .. } if self.is_empty() => "no differences\n".to_owned(),
            Comparison::App { stacks, .. } => {
                let paint = Paint::new(color);
                let mut out = Vec::new();
                for stack in stacks {
                    let what = match stack.action {
                        "add" => " (new stack)",
                        "remove" => " (stack removed)",
                        _ => "",
                    };
                    let heading = paint.bold(&format!(
                        "Stack {} ({}){what}",
                        stack.name, stack.stack_name
                    ));
                    out.push(format!("{heading}\n{}", stack.diff.render_human(color)));
                }
                out.join("\n")
            }
        }
    }

    /// The JSON document: a template diff's, or for an app
    /// `{"app", "stacks": [{"name", "stack_name", "action", "diff"}]}`.
    pub fn to_json(&self) -> Value {
        match self {
            Comparison::Template(diff) => diff.to_json(),
            Comparison::App { app, stacks } => json!({
                "app": app,
                "stacks": stacks.iter().map(|s| json!({
                    "name": s.name,
                    "stack_name": s.stack_name,
                    "action": s.action,
                    "diff": s.diff.to_json(),
                })).collect::<Vec<_>>(),
            }),
        }
    }
}
