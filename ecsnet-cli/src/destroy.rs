//! `ecsnet destroy --stack-name NAME` and `ecsnet destroy DIR`: lists what
//! will be deleted, asks (or needs `--yes`), deletes the stack (an app's
//! stacks in reverse deployment order) and follows the deletion.

use std::path::Path;

use crate::aws::{self, Clients, Result, Stop};
use crate::deploy::confirm::{Answer, ask};
use crate::manifest;
use crate::progress::{self, Follow};

const USAGE: &str = "usage: ecsnet destroy --stack-name NAME [--yes]
       ecsnet destroy DIR [--yes]    delete an app's stacks in reverse order of DIR/manifest.json";

/// Runs `ecsnet destroy`: the exit status and what is left to print.
pub fn command(args: &[&str]) -> (u8, String) {
    let mut stack_name = None;
    let mut dir = None;
    let mut yes = false;
    let mut args = args.iter();
    while let Some(&arg) = args.next() {
        match arg {
            "--stack-name" => match args.next() {
                Some(name) => stack_name = Some((*name).to_owned()),
                None => return usage("`--stack-name` needs a value"),
            },
            "--yes" | "-y" => yes = true,
            _ if arg.starts_with('-') => return usage(&format!("unknown option `{arg}`")),
            _ if dir.is_none() => dir = Some(arg),
            _ => return usage(&format!("unexpected argument `{arg}`")),
        }
    }
    let (stacks, app) = match (stack_name, dir) {
        (Some(name), None) => (vec![name], false),
        (None, Some(dir)) => match manifest::read(Path::new(dir)) {
            Ok(manifest) => (
                manifest
                    .stacks
                    .into_iter()
                    .rev()
                    .map(|stack| stack.stack_name)
                    .collect(),
                true,
            ),
            Err(error) => return (2, format!("ecsnet: {error}\n")),
        },
        _ => return usage("give either `--stack-name NAME` or an app directory"),
    };
    aws::run(destroy_all(stacks, app, yes))
}

fn usage(error: &str) -> (u8, String) {
    (2, format!("ecsnet: {error}\n{USAGE}\n"))
}

/// A stack to delete, with its id.
struct Target {
    name: String,
    id: String,
    resources: usize,
}

async fn destroy_all(stacks: Vec<String>, app: bool, yes: bool) -> Result<()> {
    let clients = aws::connect().await?;
    let mut targets = Vec::new();
    for name in &stacks {
        match list(&clients, name).await? {
            Some(target) => targets.push(target),
            // An app's stack that was never deployed (or already deleted)
            // is no reason to keep the others.
            None if app => eprintln!("stack `{name}` does not exist; skipped"),
            None => {
                return Err(Stop::Failed(format!("stack `{name}` does not exist")));
            }
        }
    }
    if targets.is_empty() {
        return Err(Stop::Failed("none of the app's stacks exists".to_owned()));
    }
    if !yes && !confirm(&targets).await {
        return Err(Stop::Reported);
    }
    for target in &targets {
        delete(&clients, target).await?;
    }
    Ok(())
}

/// Prints the stack's resources; `None` when there is no such stack.
async fn list(clients: &Clients, name: &str) -> Result<Option<Target>> {
    let cfn = &clients.cloudformation;
    let id = match cfn.describe_stacks().stack_name(name).send().await {
        Ok(output) => output
            .stacks()
            .first()
            .and_then(|stack| stack.stack_id())
            .unwrap_or(name)
            .to_owned(),
        Err(error) if aws::is_missing_stack(&error) => return Ok(None),
        Err(error) => return Err(aws::failed(&format!("read stack `{name}`"), &error)),
    };
    let output = cfn
        .describe_stack_resources()
        .stack_name(&id)
        .send()
        .await
        .map_err(|error| aws::failed(&format!("list the resources of `{name}`"), &error))?;
    let resources = output.stack_resources();
    println!("stack `{name}`: {} resources to delete", resources.len());
    // A table: logical id, type, physical id, each column as wide as its
    // widest entry; `-` for what the service does not say.
    let rows: Vec<[&str; 3]> = resources
        .iter()
        .map(|resource| {
            [
                resource
                    .logical_resource_id()
                    .filter(|s| !s.is_empty())
                    .unwrap_or("-"),
                resource
                    .resource_type()
                    .filter(|s| !s.is_empty())
                    .unwrap_or("-"),
                resource
                    .physical_resource_id()
                    .filter(|s| !s.is_empty())
                    .unwrap_or("-"),
            ]
        })
        .collect();
    let width = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (id_width, type_width) = (width(0), width(1));
    for [id, kind, physical] in &rows {
        println!("  {id:id_width$}  {kind:type_width$}  {physical}");
    }
    Ok(Some(Target {
        name: name.to_owned(),
        id,
        resources: resources.len(),
    }))
}

/// Asks on the terminal; off a terminal, refuses.
async fn confirm(targets: &[Target]) -> bool {
    let names: Vec<String> = targets.iter().map(|t| format!("`{}`", t.name)).collect();
    let question = format!("delete stack {}?", names.join(", "));
    match ask(&question).await {
        Answer::Yes => true,
        Answer::No => {
            eprintln!("ecsnet: nothing deleted");
            false
        }
        Answer::NoTerminal => {
            eprintln!(
                "ecsnet: nothing deleted: there is no terminal to ask on; \
                 pass `--yes` to delete without asking"
            );
            false
        }
    }
}

/// Deletes one stack and follows the deletion.
async fn delete(clients: &Clients, target: &Target) -> Result<()> {
    let cfn = &clients.cloudformation;
    let name = &target.name;
    let before = progress::newest_event(cfn, &target.id).await?;
    cfn.delete_stack()
        .stack_name(&target.id)
        .send()
        .await
        .map_err(|error| aws::failed(&format!("delete stack `{name}`"), &error))?;
    aws::following(Some(name));
    let ending = Follow::new(cfn, &target.id, name, before, target.resources)
        .until_done()
        .await?;
    aws::following(None);
    if ending.succeeded() {
        eprintln!("stack `{name}`: {}", ending.status);
        return Ok(());
    }
    if let Some(failure) = &ending.first_failure {
        eprintln!("ecsnet: stack `{name}`: {failure}");
    }
    eprintln!("ecsnet: stack `{name}` was not deleted: {}", ending.status);
    Err(Stop::Reported)
}
