//! A misspelt type gets the nearest type of the same service, not a nearer name from another one.
use ecsnet::prelude::*;

#[stack]
mod functions {
    // ANCHOR: here
    #[resource(AWS::Lambda::Permision {
        action: "lambda:InvokeFunction",
        function_name: "handler",
        principal: "sns.amazonaws.com",
    })]
    struct InvokeFromSns;
    // ANCHOR_END: here
}

fn main() {}
