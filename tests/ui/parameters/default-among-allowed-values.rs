//! A parameter's default is one of its allowed values.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[parameter(String, default = "t2.small", allowed_values = ["t2.micro", "t3.micro"])]
    struct InstanceType;
    // ANCHOR_END: here

    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
}

fn main() {}
