//! Parameter settings are literal values: a reference is only known once the stack is deployed.
use ecsnet::prelude::*;

#[stack]
mod app {
    #[parameter(String)]
    struct Environment;

    // ANCHOR: here
    #[parameter(String, default = Environment)]
    struct ImageTag;
    // ANCHOR_END: here
}

fn main() {}
