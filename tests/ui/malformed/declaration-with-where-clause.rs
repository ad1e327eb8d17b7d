//! A declaration is a plain unit struct, without a `where` clause.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs where u8: Copy;
    // ANCHOR_END: here
}

fn main() {}
