//! `depends_on` names resources of the stack.
use ecsnet::prelude::*;

#[stack]
mod logs {
    #[resource(AWS::Logs::LogGroup {})]
    struct ApplicationLogGroup;

    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    #[depends_on(ApplicationLogGoup)]
    struct OtherLogGroup;
    // ANCHOR_END: here
}

fn main() {}
