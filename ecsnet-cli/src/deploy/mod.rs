//! `ecsnet deploy TEMPLATE --stack-name NAME` and `ecsnet deploy DIR`: a
//! stack (or an app's stacks, in order) through a change set, with ecsnet's
//! own diff shown first, a confirmation before replacements and broader
//! security, progress while CloudFormation works, and the outputs at the end.

pub mod capabilities;
pub mod confirm;
pub mod stack_diff;

use std::io::IsTerminal as _;
use std::path::Path;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use aws_sdk_cloudformation::types::{
    Capability, ChangeSetStatus, ChangeSetType, Parameter, TemplateStage,
};
use serde_json::Value;

use crate::aws::{self, Clients, Result, Stop};
use crate::diff;
use crate::params::{self, Declared, Given};
use crate::progress::{self, Backoff, Follow};
use confirm::Answer;

/// The largest template CloudFormation takes inline; a larger one is
/// uploaded to S3 and passed by URL.
const INLINE_TEMPLATE_LIMIT: usize = 51_200;

/// The command's usage, printed with its argument errors.
pub const USAGE: &str = "usage: ecsnet deploy TEMPLATE --stack-name NAME [--parameter KEY=VALUE]... [--parameters-file FILE]... [--template-bucket BUCKET] [--yes]
       ecsnet deploy DIR [same options but --stack-name]   deploy an app's stacks in the order of DIR/manifest.json";

/// The command line of `ecsnet deploy`.
#[derive(Debug, Default)]
struct Options {
    target: Option<String>,
    stack_name: Option<String>,
    given: Given,
    template_bucket: Option<String>,
    yes: bool,
}

impl Options {
    fn parse(args: &[&str]) -> std::result::Result<Self, String> {
        let mut options = Self::default();
        let mut args = args.iter();
        while let Some(&arg) = args.next() {
            let mut value = |name: &str| {
                args.next()
                    .map(|value| (*value).to_owned())
                    .ok_or_else(|| format!("`{name}` needs a value"))
            };
            match arg {
                "--stack-name" => options.stack_name = Some(value(arg)?),
                "--parameter" => options.given.add(&value(arg)?)?,
                "--parameters-file" => {
                    let file = value(arg)?;
                    let text = std::fs::read_to_string(&file)
                        .map_err(|error| format!("cannot read `{file}`: {error}"))?;
                    options.given.add_file(&file, &text)?;
                }
                "--template-bucket" => options.template_bucket = Some(value(arg)?),
                "--yes" | "-y" => options.yes = true,
                _ if arg.starts_with('-') => return Err(format!("unknown option `{arg}`")),
                _ if options.target.is_none() => options.target = Some(arg.to_owned()),
                _ => return Err(format!("unexpected argument `{arg}`")),
            }
        }
        Ok(options)
    }
}

/// One stack to deploy, checked offline.
#[derive(Debug)]
struct Plan {
    stack_name: String,
    /// The template file, as messages show it.
    file: String,
    /// The template's text, sent as it is.
    body: String,
    template: Value,
    declared: Vec<Declared>,
    parameters: Vec<(String, String)>,
    capabilities: Vec<&'static str>,
}

/// Runs `ecsnet deploy`: the exit status and what is left to print.
pub fn command(args: &[&str]) -> (u8, String) {
    let options = match Options::parse(args) {
        Ok(options) => options,
        Err(error) => return (2, format!("ecsnet: {error}\n{USAGE}\n")),
    };
    match plan(&options) {
        Ok(plans) => aws::run(deploy_all(options, plans)),
        Err(error) => (2, format!("ecsnet: {error}\n")),
    }
}

/// Reads every template and checks the parameters of every stack, so
/// that no stack is touched when one of them is wrong.
fn plan(options: &Options) -> std::result::Result<Vec<Plan>, String> {
    let Some(target) = options.target.as_deref() else {
        return Err("no template or app directory given".to_owned());
    };
    let stacks: Vec<(String, std::path::PathBuf)> = if Path::new(target).is_dir() {
        if options.stack_name.is_some() {
            return Err(format!(
                "`--stack-name` cannot be used with an app directory; \
                 the stack names come from `{target}/manifest.json`"
            ));
        }
        crate::manifest::read(Path::new(target))?
            .stacks
            .into_iter()
            .map(|stack| (stack.stack_name, stack.template))
            .collect()
    } else {
        let Some(stack_name) = options.stack_name.clone() else {
            return Err("`--stack-name NAME` is required with a template".to_owned());
        };
        vec![(stack_name, target.into())]
    };
    let mut plans = Vec::new();
    let mut problems = Vec::new();
    for (stack_name, path) in stacks {
        let file = path.display().to_string();
        let body = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read `{file}`: {error}"))?;
        let template = diff::parse_template(&body).map_err(|error| format!("`{file}`: {error}"))?;
        let declared = params::declared(&template);
        let parameters = match options.given.for_template(&declared) {
            Ok(parameters) => parameters,
            Err(error) => {
                problems.push(format!("stack `{stack_name}`: {error}"));
                Vec::new()
            }
        };
        let capabilities = capabilities::required(&template);
        plans.push(Plan {
            stack_name,
            file,
            body,
            template,
            declared,
            parameters,
            capabilities,
        });
    }
    let declared: Vec<&Declared> = plans.iter().flat_map(|plan| &plan.declared).collect();
    if let Err(error) = options.given.check_known(&declared) {
        problems.push(error);
    }
    for plan in &plans {
        if plan.body.len() > INLINE_TEMPLATE_LIMIT && options.template_bucket.is_none() {
            problems.push(format!(
                "`{}` is {} bytes, over CloudFormation's {INLINE_TEMPLATE_LIMIT} for a template \
                 sent inline; pass `--template-bucket BUCKET` to upload it to S3",
                plan.file,
                plan.body.len()
            ));
        }
    }
    if problems.is_empty() {
        Ok(plans)
    } else {
        Err(problems.join("\necsnet: "))
    }
}

/// Deploys the stacks in order, stopping at the first failure.
async fn deploy_all(options: Options, plans: Vec<Plan>) -> Result<()> {
    let clients = aws::connect().await?;
    for plan in &plans {
        deploy(&clients, &options, plan).await?;
    }
    Ok(())
}

/// What CloudFormation knows of a stack before the deployment.
enum Existing {
    /// No stack, or one created by a change set never executed.
    New,
    /// A stack to update.
    Deployed,
}

/// Deploys one stack.
async fn deploy(clients: &Clients, options: &Options, plan: &Plan) -> Result<()> {
    let started = Instant::now();
    let cfn = &clients.cloudformation;
    let name = &plan.stack_name;
    eprintln!("deploying stack `{name}` from `{}`", plan.file);
    for (key, value) in &plan.parameters {
        eprintln!(
            "  parameter {key}={}",
            params::shown(&plan.declared, key, value)
        );
    }
    if !plan.capabilities.is_empty() {
        eprintln!("  capabilities {}", plan.capabilities.join(", "));
    }
    let existing = existing(clients, name).await?;
    let change_set_type = match existing {
        Existing::New => ChangeSetType::Create,
        Existing::Deployed => ChangeSetType::Update,
    };
    let (change_set, stack_id) = create_change_set(clients, options, plan, change_set_type).await?;

    let Some(total) = wait_for_change_set(clients, &change_set).await? else {
        eprintln!("stack `{name}`: no changes");
        delete_change_set(clients, &change_set).await;
        return Ok(());
    };

    let deployed = match existing {
        Existing::New => Value::Object(serde_json::Map::new()),
        Existing::Deployed => deployed_template(clients, name).await?,
    };
    let diff = diff::diff_templates(&deployed, &plan.template);
    print!("{}", diff.render_human(color()));
    if (diff.replaces_any() || diff.broadens_security()) && !options.yes {
        let question = format!(
            "stack `{name}`: the changes replace resources or broaden security; deploy them?"
        );
        let answer = confirm::ask(&question).await;
        if answer != Answer::Yes {
            delete_change_set(clients, &change_set).await;
            if matches!(existing, Existing::New) {
                // The change set created an empty stack to hold it.
                let _ = cfn.delete_stack().stack_name(&stack_id).send().await;
            }
            if answer == Answer::NoTerminal {
                eprintln!(
                    "ecsnet: stack `{name}` not deployed: the changes replace resources or \
                     broaden security, and there is no terminal to ask on; pass `--yes` to \
                     deploy them"
                );
            } else {
                eprintln!("ecsnet: stack `{name}` not deployed");
            }
            return Err(Stop::Reported);
        }
    }

    let before = progress::newest_event(cfn, &stack_id).await?;
    cfn.execute_change_set()
        .change_set_name(&change_set)
        .send()
        .await
        .map_err(|error| aws::failed(&format!("deploy stack `{name}`"), &error))?;
    aws::following(Some(name));
    let ending = Follow::new(cfn, &stack_id, name, before, total)
        .until_done()
        .await?;
    aws::following(None);
    if !ending.succeeded() {
        if let Some(failure) = &ending.first_failure {
            eprintln!("ecsnet: stack `{name}`: {failure}");
        }
        let reason = ending
            .reason
            .as_deref()
            .map_or_else(String::new, |reason| format!(" ({reason})"));
        eprintln!("ecsnet: stack `{name}` failed: {}{reason}", ending.status);
        return Err(Stop::Reported);
    }
    eprintln!(
        "stack `{name}`: {} in {:.1} s",
        ending.status,
        started.elapsed().as_secs_f64()
    );
    print_outputs(clients, &stack_id).await
}

/// Creates the change set: its id and the stack's id.
async fn create_change_set(
    clients: &Clients,
    options: &Options,
    plan: &Plan,
    change_set_type: ChangeSetType,
) -> Result<(String, String)> {
    let mut request = clients
        .cloudformation
        .create_change_set()
        .stack_name(&plan.stack_name)
        .change_set_name(change_set_name())
        .change_set_type(change_set_type)
        .set_capabilities(Some(
            plan.capabilities
                .iter()
                .map(|c| Capability::from(*c))
                .collect(),
        ))
        .set_parameters(Some(
            plan.parameters
                .iter()
                .map(|(key, value)| {
                    Parameter::builder()
                        .parameter_key(key)
                        .parameter_value(value)
                        .build()
                })
                .collect(),
        ));
    request = match &options.template_bucket {
        Some(bucket) if plan.body.len() > INLINE_TEMPLATE_LIMIT => {
            request.template_url(upload(clients, bucket, plan).await?)
        }
        _ => request.template_body(&plan.body),
    };
    let created = request
        .send()
        .await
        .map_err(|error| aws::failed("create the change set", &error))?;
    Ok((
        created.id().unwrap_or_default().to_owned(),
        created.stack_id().unwrap_or(&plan.stack_name).to_owned(),
    ))
}

/// Whether the stack exists and can be updated.
async fn existing(clients: &Clients, name: &str) -> Result<Existing> {
    let described = clients
        .cloudformation
        .describe_stacks()
        .stack_name(name)
        .send()
        .await;
    let output = match described {
        Ok(output) => output,
        Err(error) if aws::is_missing_stack(&error) => return Ok(Existing::New),
        Err(error) => return Err(aws::failed("read the stack", &error)),
    };
    let status = output
        .stacks()
        .first()
        .and_then(|stack| stack.stack_status())
        .map_or("", |status| status.as_str());
    match status {
        "REVIEW_IN_PROGRESS" => Ok(Existing::New),
        "ROLLBACK_COMPLETE" | "ROLLBACK_FAILED" => Err(Stop::Failed(format!(
            "stack `{name}` is `{status}` after a failed creation and cannot be updated; \
             delete it first with `ecsnet destroy --stack-name {name}`"
        ))),
        _ if status.ends_with("_IN_PROGRESS") => Err(Stop::Failed(format!(
            "stack `{name}` is busy (`{status}`); wait for it with \
             `aws cloudformation describe-stack-events --stack-name {name}`"
        ))),
        _ => Ok(Existing::Deployed),
    }
}

/// A change set name unique to this deployment.
fn change_set_name() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format!("ecsnet-{}-{:03}", now.as_secs(), now.subsec_millis())
}

/// Waits until CloudFormation has computed the change set: the number of
/// resources it changes, or `None` when it changes nothing.
async fn wait_for_change_set(clients: &Clients, change_set: &str) -> Result<Option<usize>> {
    let mut backoff = Backoff::new();
    loop {
        let mut changes = 0;
        let mut token = None;
        let status = loop {
            let page = clients
                .cloudformation
                .describe_change_set()
                .change_set_name(change_set)
                .set_next_token(token)
                .send()
                .await
                .map_err(|error| aws::failed("read the change set", &error))?;
            changes += page.changes().len();
            match page.next_token() {
                Some(next) if page.status() == Some(&ChangeSetStatus::CreateComplete) => {
                    token = Some(next.to_owned());
                }
                _ => {
                    break (
                        page.status().cloned(),
                        page.status_reason().unwrap_or_default().to_owned(),
                    );
                }
            }
        };
        match status {
            (Some(ChangeSetStatus::CreateComplete), _) => return Ok(Some(changes)),
            (Some(ChangeSetStatus::Failed), reason) if is_no_changes(&reason) => return Ok(None),
            (Some(ChangeSetStatus::Failed), reason) => {
                delete_change_set(clients, change_set).await;
                return Err(Stop::Failed(format!(
                    "CloudFormation refused the change set: {reason}"
                )));
            }
            _ => backoff.sleep().await,
        }
    }
}

/// Whether a failed change set failed only for having nothing to do.
fn is_no_changes(reason: &str) -> bool {
    reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")
}

/// Deletes a change set that will not be executed; a failure to is only
/// reported, since the deployment's outcome is already decided.
async fn delete_change_set(clients: &Clients, change_set: &str) {
    if let Err(error) = clients
        .cloudformation
        .delete_change_set()
        .change_set_name(change_set)
        .send()
        .await
    {
        eprintln!(
            "ecsnet: warning: cannot delete change set `{change_set}`: {}",
            aws::describe(&error)
        );
    }
}

/// The template the stack was last deployed with, as the user wrote it.
///
/// # Errors
///
/// The call fails, or the template does not parse.
pub async fn deployed_template(clients: &Clients, name: &str) -> Result<Value> {
    let output = clients
        .cloudformation
        .get_template()
        .stack_name(name)
        .template_stage(TemplateStage::Original)
        .send()
        .await
        .map_err(|error| aws::failed(&format!("read the template of stack `{name}`"), &error))?;
    diff::parse_template(output.template_body().unwrap_or("{}")).map_err(|error| {
        Stop::Failed(format!(
            "the deployed template of `{name}` does not parse: {error}"
        ))
    })
}

/// Uploads a large template to `bucket` and returns its URL. The key is the
/// stack's name and a hash of the template, so the same template is one
/// object.
async fn upload(clients: &Clients, bucket: &str, plan: &Plan) -> Result<String> {
    let key = format!(
        "ecsnet/{}/{:016x}.template",
        plan.stack_name,
        fnv1a(plan.body.as_bytes())
    );
    clients
        .s3
        .put_object()
        .bucket(bucket)
        .key(&key)
        .body(plan.body.clone().into_bytes().into())
        .send()
        .await
        .map_err(|error| aws::failed(&format!("upload `{}` to `{bucket}`", plan.file), &error))?;
    Ok(format!(
        "https://{bucket}.s3.{}.amazonaws.com/{key}",
        clients.region
    ))
}

/// The 64-bit FNV-1a hash: stable across Rust versions, unlike `std`'s.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether to colour what goes to standard output.
pub fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints the stack's outputs on standard output.
async fn print_outputs(clients: &Clients, stack_id: &str) -> Result<()> {
    let output = clients
        .cloudformation
        .describe_stacks()
        .stack_name(stack_id)
        .send()
        .await
        .map_err(|error| aws::failed("read the stack's outputs", &error))?;
    let Some(stack) = output.stacks().first() else {
        return Ok(());
    };
    let name = stack.stack_name().unwrap_or(stack_id);
    if stack.outputs().is_empty() {
        println!("stack `{name}` has no outputs");
    } else {
        println!("outputs of stack `{name}`:");
        for output in stack.outputs() {
            println!(
                "  {} = {}",
                output.output_key().unwrap_or_default(),
                output.output_value().unwrap_or_default()
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_a_change_set_without_changes() {
        assert!(is_no_changes(
            "The submitted information didn't contain changes. Submit different information to create a change set."
        ));
        assert!(!is_no_changes(
            "Template format error: unknown resource type"
        ));
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        // From the FNV reference: the empty string and "a".
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
