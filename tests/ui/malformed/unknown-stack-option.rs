//! `#[stack]` takes `description = "…"` and `crate = "…"`.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(descripton = "Todobackend Application")]
mod todobackend {
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
}
// ANCHOR_END: here

fn main() {}
