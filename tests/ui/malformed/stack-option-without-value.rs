//! An option of `#[stack]` takes a value, and its absence is reported where the arguments end.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(description =)]
mod todobackend {
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
}
// ANCHOR_END: here

fn main() {}
