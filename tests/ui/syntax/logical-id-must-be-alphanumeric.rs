//! Logical ids are alphanumeric: a struct name with an underscore compiles as Rust but not as CloudFormation.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { retention_in_days: 7 })]
    struct Application_Logs;
    // ANCHOR_END: here
}

fn main() {}
