//! The connection to AWS shared by `deploy`, `destroy` and `diff --stack`:
//! the SDK's configuration, the runtime, Ctrl-C, and one line per API error.
//!
//! Credentials, the region and `AWS_ENDPOINT_URL` come from the SDK's
//! standard chain, which reads what the AWS CLI reads: the environment,
//! `~/.aws/config` and `~/.aws/credentials` (`AWS_PROFILE`, SSO,
//! `credential_process`), then container and instance roles.

use std::future::Future;
use std::sync::Mutex;

use aws_config::BehaviorVersion;
use aws_sdk_cloudformation::error::ProvideErrorMetadata;

/// Why a command stopped before its end.
#[derive(Debug)]
pub enum Stop {
    /// A message for standard error (without the `ecsnet: ` prefix); exit 1.
    Failed(String),
    /// A refusal or a failure whose cause was already printed; exit 1.
    Reported,
}

/// What a command's steps return.
pub type Result<T> = std::result::Result<T, Stop>;

/// The clients of one command.
pub struct Clients {
    /// CloudFormation.
    pub cloudformation: aws_sdk_cloudformation::Client,
    /// S3, for templates too large to send inline.
    pub s3: aws_sdk_s3::Client,
    /// The region the stacks are in.
    pub region: String,
}

/// The stack whose operation the command is waiting on, named when Ctrl-C
/// stops the waiting (the operation itself goes on in CloudFormation).
static FOLLOWING: Mutex<Option<String>> = Mutex::new(None);

/// Marks that CloudFormation is now working on `stack` (or on nothing).
pub fn following(stack: Option<&str>) {
    if let Ok(mut current) = FOLLOWING.lock() {
        *current = stack.map(str::to_owned);
    }
}

/// Runs a command's steps on a tokio runtime, with Ctrl-C stopping the
/// waiting (never the operation): the exit status and what to print.
pub fn run(work: impl Future<Output = Result<()>>) -> (u8, String) {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return (1, format!("ecsnet: cannot start the runtime: {error}\n")),
    };
    let outcome = runtime.block_on(async {
        tokio::select! {
            outcome = work => Some(outcome),
            _ = tokio::signal::ctrl_c() => None,
        }
    });
    // A confirmation prompt may still be reading standard input.
    runtime.shutdown_background();
    match outcome {
        Some(Ok(())) => (0, String::new()),
        Some(Err(Stop::Failed(message))) => (1, format!("ecsnet: {message}\n")),
        Some(Err(Stop::Reported)) => (1, String::new()),
        None => (130, interrupted()),
    }
}

/// The message for Ctrl-C: what goes on, and how to follow it.
fn interrupted() -> String {
    let stack = FOLLOWING.lock().ok().and_then(|current| current.clone());
    match stack {
        Some(stack) => format!(
            "\necsnet: stopped waiting; CloudFormation goes on with stack `{stack}`; \
             follow it with `aws cloudformation describe-stack-events --stack-name {stack}`\n"
        ),
        None => "\necsnet: interrupted before any stack operation started\n".to_owned(),
    }
}

/// Loads the configuration from the standard chain and makes the clients.
///
/// # Errors
///
/// No region is configured.
pub async fn connect() -> Result<Clients> {
    let config = aws_config::defaults(BehaviorVersion::latest()).load().await;
    let Some(region) = config.region().map(ToString::to_string) else {
        return Err(Stop::Failed(
            "no AWS region is configured; set `AWS_REGION` or a profile's `region`, \
             as for the AWS CLI"
                .to_owned(),
        ));
    };
    Ok(Clients {
        cloudformation: aws_sdk_cloudformation::Client::new(&config),
        s3: aws_sdk_s3::Client::new(&config),
        region,
    })
}

/// One line for an API error: the service's code and message, or the
/// chain of causes when the request never got an answer (no credentials,
/// no connection).
pub fn describe<E>(error: &E) -> String
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    let line = match (error.code(), error.message()) {
        (Some(code), Some(message)) => format!("{code}: {message}"),
        (Some(code), None) => code.to_owned(),
        _ => causes(error),
    };
    // Messages from the service may span lines; keep them to one.
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The chain of causes of an error that got no answer from the service,
/// each cause once (the SDK's `DisplayErrorContext` adds a debug dump).
fn causes(error: &dyn std::error::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|part| part.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    let chain = parts.join(": ");
    if chain.contains("no credentials found in chain") {
        return "no AWS credentials found in the environment, the profiles, web identity, \
                the container or the instance metadata; configure them as for the AWS CLI \
                (`aws configure`, `aws sso login`, `AWS_PROFILE`)"
            .to_owned();
    }
    chain
}

/// A [`Stop`] for a failed call: what was being done, then the error.
pub fn failed<E>(doing: &str, error: &E) -> Stop
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    Stop::Failed(format!("cannot {doing}: {}", describe(error)))
}

/// Whether an error says that the stack does not exist (CloudFormation
/// answers `ValidationError` with "Stack with id NAME does not exist").
pub fn is_missing_stack<E>(error: &E) -> bool
where
    E: ProvideErrorMetadata,
{
    error.code() == Some("ValidationError")
        && error
            .message()
            .is_some_and(|message| message.contains("does not exist"))
}
