//! `propertyNames`: the keys of a map are names the schema allows; Lambda reserves some environment variables.
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
        runtime: "python3.13",
        environment: { variables: { "AWS_REGION": "eu-west-1" } },
    })]
    struct Handler;
    // ANCHOR_END: here
}

fn main() {}
