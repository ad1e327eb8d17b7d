//! Declarations are unit structs, not enums or functions.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    enum ApplicationLogGroup {}
    // ANCHOR_END: here
}

fn main() {}
