//! An empty `#[resource]` is an error that shows the expected form.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
