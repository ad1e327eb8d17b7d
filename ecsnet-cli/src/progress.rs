//! Following a stack operation: polls `DescribeStackEvents` and `DescribeStacks`
//! until the stack reaches a final status, and shows the resources completed
//! out of the total with the latest event, on one live line on a terminal
//! (`indicatif`) or one line per event otherwise.

use std::collections::HashSet;
use std::io::IsTerminal as _;
use std::time::Duration;

use aws_sdk_cloudformation::Client;
use aws_sdk_cloudformation::types::StackEvent;
use indexmap::IndexMap;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::aws::{self, Result};

/// The first wait between two polls. CloudFormation (and an emulator)
/// often finishes a small change within a second, so the first polls come
/// fast; the wait then doubles up to [`LONGEST_POLL`].
pub const FIRST_POLL: Duration = Duration::from_millis(50);

/// The longest wait between two polls: a real stack takes minutes, and
/// CloudFormation throttles callers that poll faster than this for long.
pub const LONGEST_POLL: Duration = Duration::from_secs(5);

/// The waits between polls: fast at first, then backing off.
#[derive(Debug)]
pub struct Backoff {
    next: Duration,
}

impl Backoff {
    /// Starts at [`FIRST_POLL`].
    #[must_use]
    pub fn new() -> Self {
        Self { next: FIRST_POLL }
    }

    /// Sleeps for the next wait.
    pub async fn sleep(&mut self) {
        tokio::time::sleep(self.next).await;
        self.next = (self.next * 2).min(LONGEST_POLL);
    }
}

/// How an operation ended.
#[derive(Debug)]
pub struct Ending {
    /// The stack's final status, such as `CREATE_COMPLETE`.
    pub status: String,
    /// The first resource that failed: logical id, type, status and reason.
    pub first_failure: Option<String>,
    /// The stack's own status reason, if any.
    pub reason: Option<String>,
}

impl Ending {
    /// Whether the operation did what it was asked.
    #[must_use]
    pub fn succeeded(&self) -> bool {
        matches!(
            self.status.as_str(),
            "CREATE_COMPLETE" | "UPDATE_COMPLETE" | "DELETE_COMPLETE" | "IMPORT_COMPLETE"
        )
    }
}

/// Whether CloudFormation is done with the stack (for now).
fn is_final(status: &str) -> bool {
    !status.ends_with("_IN_PROGRESS")
}

/// The id of the stack's newest event: events up to it belong to earlier
/// operations. Comparing ids, not times, is immune to clock skew.
///
/// # Errors
///
/// The call fails.
pub async fn newest_event(client: &Client, stack: &str) -> Result<Option<String>> {
    let page = client
        .describe_stack_events()
        .stack_name(stack)
        .send()
        .await
        .map_err(|error| aws::failed("read the stack's events", &error))?;
    Ok(page
        .stack_events()
        .first()
        .and_then(|event| event.event_id().map(str::to_owned)))
}

/// Follows one operation on a stack.
pub struct Follow<'a> {
    client: &'a Client,
    /// The stack's id (its ARN): a deleted stack is found by id only.
    stack_id: String,
    /// What the messages call the stack.
    stack_name: String,
    /// The newest event before the operation began.
    before: Option<String>,
    seen: HashSet<String>,
    /// Each resource's latest status, by logical id.
    latest: IndexMap<String, String>,
    total: usize,
    first_failure: Option<String>,
    bar: Option<ProgressBar>,
}

impl<'a> Follow<'a> {
    /// Starts following `stack_id`, whose operation touches `total`
    /// resources, ignoring the events up to `before`.
    #[must_use]
    pub fn new(
        client: &'a Client,
        stack_id: &str,
        stack_name: &str,
        before: Option<String>,
        total: usize,
    ) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {prefix} {pos}/{len} {wide_msg}")
            {
                bar.set_style(style);
            }
            bar.set_prefix(stack_name.to_owned());
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Self {
            client,
            stack_id: stack_id.to_owned(),
            stack_name: stack_name.to_owned(),
            before,
            seen: HashSet::new(),
            latest: IndexMap::new(),
            total,
            first_failure: None,
            bar,
        }
    }

    /// Polls until the stack reaches a final status.
    ///
    /// # Errors
    ///
    /// A call fails.
    pub async fn until_done(mut self) -> Result<Ending> {
        let mut backoff = Backoff::new();
        loop {
            // The status first: the events read after it include every
            // event up to that status.
            let (status, reason) = self.stack_status().await?;
            self.show_new_events().await?;
            if is_final(&status) {
                if let Some(bar) = &self.bar {
                    bar.finish_and_clear();
                }
                return Ok(Ending {
                    status,
                    first_failure: self.first_failure,
                    reason,
                });
            }
            backoff.sleep().await;
        }
    }

    /// The stack's status and status reason.
    async fn stack_status(&self) -> Result<(String, Option<String>)> {
        let described = self
            .client
            .describe_stacks()
            .stack_name(&self.stack_id)
            .send()
            .await;
        match described {
            Ok(output) => {
                let stack = output.stacks().first();
                Ok((
                    stack
                        .and_then(|s| s.stack_status())
                        .map_or_else(String::new, |s| s.as_str().to_owned()),
                    stack.and_then(|s| s.stack_status_reason().map(str::to_owned)),
                ))
            }
            // Some implementations forget a deleted stack at once.
            Err(error) if aws::is_missing_stack(&error) => Ok(("DELETE_COMPLETE".to_owned(), None)),
            Err(error) => Err(aws::failed("read the stack's status", &error)),
        }
    }

    /// Reads the events since the last poll and shows them, oldest first.
    async fn show_new_events(&mut self) -> Result<()> {
        let mut fresh: Vec<StackEvent> = Vec::new();
        let mut token: Option<String> = None;
        'pages: loop {
            let page = self
                .client
                .describe_stack_events()
                .stack_name(&self.stack_id)
                .set_next_token(token.take())
                .send()
                .await;
            let page = match page {
                Ok(page) => page,
                Err(error) if aws::is_missing_stack(&error) => break,
                Err(error) => return Err(aws::failed("read the stack's events", &error)),
            };
            for event in page.stack_events() {
                let id = event.event_id().unwrap_or_default();
                if self.before.as_deref() == Some(id) || self.seen.contains(id) {
                    break 'pages;
                }
                fresh.push(event.clone());
            }
            match page.next_token() {
                Some(next) => token = Some(next.to_owned()),
                None => break,
            }
        }
        for event in fresh.into_iter().rev() {
            self.seen
                .insert(event.event_id().unwrap_or_default().to_owned());
            self.show(&event);
        }
        Ok(())
    }

    /// Records and shows one event.
    fn show(&mut self, event: &StackEvent) {
        let logical = event.logical_resource_id().unwrap_or_default();
        let kind = event.resource_type().unwrap_or_default();
        let status = event.resource_status().map_or("", |status| status.as_str());
        let reason = event.resource_status_reason().unwrap_or_default();
        let is_stack = kind == "AWS::CloudFormation::Stack" && logical == self.stack_name;
        if !is_stack {
            self.latest.insert(logical.to_owned(), status.to_owned());
            if status.ends_with("_FAILED") && self.first_failure.is_none() {
                self.first_failure = Some(format!("`{logical}` ({kind}) {status}: {reason}"));
            }
        }
        let done = self
            .latest
            .values()
            .filter(|status| status.ends_with("_COMPLETE") || status.as_str() == "DELETE_SKIPPED")
            .count();
        let reason = if reason.is_empty() || reason == "User Initiated" {
            String::new()
        } else {
            format!(": {reason}")
        };
        let line = format!("{logical} {kind} {status}{reason}");
        match &self.bar {
            Some(bar) => {
                bar.set_position(done.min(self.total) as u64);
                bar.set_message(line);
            }
            None => eprintln!("{}: [{done}/{}] {line}", self.stack_name, self.total),
        }
    }
}

impl Default for Backoff {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_in_progress_statuses_are_waited_on() {
        assert!(!is_final("CREATE_IN_PROGRESS"));
        assert!(!is_final("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"));
        assert!(!is_final("REVIEW_IN_PROGRESS"));
        assert!(is_final("ROLLBACK_COMPLETE"));
        assert!(is_final("UPDATE_COMPLETE"));
    }

    #[test]
    fn a_rollback_is_not_a_success() {
        let ending = |status: &str| Ending {
            status: status.to_owned(),
            first_failure: None,
            reason: None,
        };
        assert!(ending("CREATE_COMPLETE").succeeded());
        assert!(!ending("ROLLBACK_COMPLETE").succeeded());
        assert!(!ending("UPDATE_ROLLBACK_COMPLETE").succeeded());
    }
}
