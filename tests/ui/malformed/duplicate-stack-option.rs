//! Each option of `#[stack]` is given once.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(description = "Todobackend Application", description = "Todobackend")]
mod todobackend {
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
}
// ANCHOR_END: here

fn main() {}
