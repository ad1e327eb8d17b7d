//! A declaration is a unit struct: the attribute holds the properties, not the struct.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    struct ApplicationLogGroup {
        retention_in_days: u32,
    }
    // ANCHOR_END: here
}

fn main() {}
