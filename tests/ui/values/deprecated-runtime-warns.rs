//! A deprecated runtime that can still be created deploys, with a warning; `-D warnings` makes it an error.
#![deny(warnings)]
use ecsnet::prelude::*;

#[stack]
mod functions {
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" }],
        },
    })]
    struct HandlerRole;

    // ANCHOR: here
    #[resource(AWS::Lambda::Function {
        code: { zip_file: "def handler(event, context):\n    return None\n" },
        handler: "index.handler",
        role: HandlerRole.Arn,
        runtime: "python3.9",
    })]
    struct Handler;
    // ANCHOR_END: here
}

fn main() {}
