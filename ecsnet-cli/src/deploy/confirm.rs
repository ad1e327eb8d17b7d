//! Asking before a risky step: on a terminal (standard input and standard
//! error both), a `[y/N]` question; off a terminal, no answer.

use std::io::IsTerminal as _;

/// What the user said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Go ahead.
    Yes,
    /// Don't.
    No,
    /// There is no terminal to ask on (`--yes` is needed).
    NoTerminal,
}

/// Asks `question` on standard error and reads the answer from standard
/// input, on a blocking thread so that Ctrl-C still stops the command.
pub async fn ask(question: &str) -> Answer {
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Answer::NoTerminal;
    }
    eprint!("{question} [y/N] ");
    let answer = tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map(|_| line)
    })
    .await;
    match answer {
        Ok(Ok(line)) if matches!(line.trim(), "y" | "Y" | "yes" | "Yes") => Answer::Yes,
        _ => Answer::No,
    }
}
