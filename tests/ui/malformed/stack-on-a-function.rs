//! `#[stack]` goes on an inline module.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack]
fn todobackend() {}
// ANCHOR_END: here

fn main() {}
