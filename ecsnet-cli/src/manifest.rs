//! An app's output directory: `DIR/manifest.json`, written by an app
//! binary's `--output-dir DIR`, lists the stacks in deployment order. Read
//! by `deploy`, `destroy` and `diff`.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// An app's manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The app's name (empty when the manifest does not say).
    pub app: String,
    /// The stacks in deployment order.
    pub stacks: Vec<AppStack>,
}

/// One stack of an app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppStack {
    /// The stack's module name in the app, `network`.
    pub name: String,
    /// The stack's CloudFormation name.
    pub stack_name: String,
    /// Its template file.
    pub template: PathBuf,
}

/// Reads `DIR/manifest.json`: the stacks in deployment order.
///
/// # Errors
///
/// The manifest cannot be read, is not JSON, or lacks a stack's `name`,
/// `stack_name` or `template`.
pub fn read(dir: &Path) -> Result<Manifest, String> {
    let path = dir.join("manifest.json");
    let shown = path.display();
    let text = std::fs::read_to_string(&path)
        .map_err(|error| format!("cannot read `{shown}`: {error}"))?;
    let manifest: Value =
        serde_json::from_str(&text).map_err(|error| format!("`{shown}` is not JSON: {error}"))?;
    let stacks = manifest
        .get("stacks")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("`{shown}` has no `stacks` list"))?;
    let stacks = stacks
        .iter()
        .enumerate()
        .map(|(index, stack)| {
            let field = |name: &str| {
                stack
                    .get(name)
                    .and_then(Value::as_str)
                    .ok_or_else(|| format!("`{shown}`: stack {} has no string `{name}`", index + 1))
            };
            Ok(AppStack {
                name: field("name")?.to_owned(),
                stack_name: field("stack_name")?.to_owned(),
                template: dir.join(field("template")?),
            })
        })
        .collect::<Result<_, String>>()?;
    let app = manifest
        .get("app")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    Ok(Manifest { app, stacks })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_stacks_in_order() {
        let dir = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/deploy/app"
        ));
        let manifest = read(dir).unwrap();
        assert_eq!(manifest.app, "ecsnet-test-app");
        let stacks = manifest.stacks;
        assert_eq!(stacks[1].name, "network");
        let names: Vec<&str> = stacks.iter().map(|s| s.stack_name.as_str()).collect();
        assert_eq!(names, ["ecsnet-test-app-vpc", "ecsnet-test-app-network"]);
        assert_eq!(stacks[0].template, dir.join("vpc.json"));
    }

    #[test]
    fn names_a_missing_manifest() {
        let dir = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/deploy"
        ));
        let error = read(dir).unwrap_err();
        assert!(error.starts_with("cannot read `"), "{error}");
    }
}
