//! A resource type without its property block `{ … }` is an error; `{}` declares no properties.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup)]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
