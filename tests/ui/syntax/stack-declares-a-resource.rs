//! A template holds at least one resource.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[parameter(String)]
    struct Name;
    // ANCHOR_END: here
}

fn main() {}
