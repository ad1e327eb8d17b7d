//! `Ref` and the `${…}` of `Fn::Sub` written as free-form JSON, as in metadata, name a parameter, a resource or a pseudo parameter.
use ecsnet::prelude::*;

#[stack]
mod app {
    #[parameter(String, allowed_values = ["dev", "prod"])]
    struct Environment;

    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { retention_in_days: 7 })]
    #[metadata {
        "Owner": { "Fn::Sub": "${AWS::StackName}-${Environment}" },
        "Environment": { "Ref": "Enviroment" },
    }]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
