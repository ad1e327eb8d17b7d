//! Resource attributes such as `#[depends_on]` need `#[resource]` on the same struct.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    struct ApplicationLogGroup;

    #[parameter(String)]
    #[depends_on(ApplicationLogGroup)]
    struct ImageTag;
    // ANCHOR_END: here
}

fn main() {}
