//! `#[stack]` takes `description = "…"` and `crate = "…"`.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(descripton = "Todobackend Application")]
mod todobackend {}
// ANCHOR_END: here

fn main() {}
