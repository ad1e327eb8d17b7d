//! Apps: several stacks deployed together, in an order where each stack's
//! imports are exported first. `#[app]` builds an [`App`]; its binary is one
//! line, `ecsnet::cli::app_main(&todobackend::app())`, which writes every
//! template and a manifest to a directory (see [`crate::cli::app_main`]).

use serde_json::json;

use crate::template::Template;

/// The stacks of an app, in deployment order.
#[derive(Debug)]
pub struct App {
    /// The app's name, the start of every stack name.
    pub name: &'static str,
    /// The stacks, each after the stacks it imports from.
    pub stacks: Vec<AppStack>,
}

/// One stack of an app.
#[derive(Debug)]
pub struct AppStack {
    /// The stack's module, `network`; its template file is `network.json`.
    pub name: &'static str,
    /// Its CloudFormation stack name, `todobackend-network`.
    pub stack_name: &'static str,
    /// Builds its template.
    pub template: fn() -> Template,
    /// The export names it makes for the app's other stacks.
    pub exports: &'static [&'static str],
    /// The export names it imports from them.
    pub imports: &'static [&'static str],
}

impl App {
    /// An app without stacks.
    #[must_use]
    pub fn new(name: &'static str) -> App {
        App {
            name,
            stacks: Vec::new(),
        }
    }

    /// The app with `stack` deployed after the ones it has.
    #[must_use]
    pub fn stack(mut self, stack: AppStack) -> App {
        self.stacks.push(stack);
        self
    }

    /// The manifest: the stacks in deployment order, each with its
    /// template file (`extension` is `json` or `yaml`), its parameters, and
    /// the exports it makes and imports. Deterministic: keys in a fixed
    /// order, stacks and parameters in the app's.
    #[must_use]
    pub fn manifest(&self, extension: &str) -> serde_json::Value {
        let stacks: Vec<serde_json::Value> = self
            .stacks
            .iter()
            .map(|stack| {
                let template = (stack.template)();
                let parameters: Vec<serde_json::Value> = template
                    .parameters
                    .iter()
                    .map(|(name, parameter)| {
                        let mut entry = json!({
                            "name": name,
                            "type": parameter.ty,
                        });
                        if let Some(default) = &parameter.default {
                            entry["default"] =
                                serde_json::to_value(default).unwrap_or(serde_json::Value::Null);
                        }
                        entry["no_echo"] = json!(parameter.no_echo);
                        entry
                    })
                    .collect();
                json!({
                    "name": stack.name,
                    "stack_name": stack.stack_name,
                    "template": format!("{}.{extension}", stack.name),
                    "parameters": parameters,
                    "capabilities": capabilities(&template),
                    "exports": stack.exports,
                    "imports": stack.imports,
                })
            })
            .collect();
        json!({ "app": self.name, "stacks": stacks })
    }
}

impl AppStack {
    /// A stack named `name` (its module) deployed as `stack_name`.
    #[must_use]
    pub fn new(
        name: &'static str,
        stack_name: &'static str,
        template: fn() -> Template,
    ) -> AppStack {
        AppStack {
            name,
            stack_name,
            template,
            exports: &[],
            imports: &[],
        }
    }

    /// The stack with the export names it makes.
    #[must_use]
    pub fn exports(mut self, exports: &'static [&'static str]) -> AppStack {
        self.exports = exports;
        self
    }

    /// The stack with the export names it imports.
    #[must_use]
    pub fn imports(mut self, imports: &'static [&'static str]) -> AppStack {
        self.imports = imports;
        self
    }
}

/// The capabilities CloudFormation needs to deploy `template`:
/// `CAPABILITY_IAM` for IAM resources, `CAPABILITY_NAMED_IAM` when one is
/// given a name, `CAPABILITY_AUTO_EXPAND` for a transform ("Acknowledging
/// IAM resources in CloudFormation templates", AWS CloudFormation User
/// Guide).
#[must_use]
pub fn capabilities(template: &Template) -> Vec<&'static str> {
    const NAMES: [&str; 5] = [
        "RoleName",
        "UserName",
        "GroupName",
        "ManagedPolicyName",
        "InstanceProfileName",
    ];
    let iam = template
        .resources
        .values()
        .filter(|r| r.ty.starts_with("AWS::IAM::"));
    let mut capabilities = Vec::new();
    let mut any = false;
    let mut named = false;
    for resource in iam {
        any = true;
        named |= NAMES
            .iter()
            .any(|name| resource.properties.contains_key(*name));
    }
    if named {
        capabilities.push("CAPABILITY_NAMED_IAM");
    } else if any {
        capabilities.push("CAPABILITY_IAM");
    }
    if !template.transform.is_empty() {
        capabilities.push("CAPABILITY_AUTO_EXPAND");
    }
    capabilities
}
