//! A template rule has assertions, and checks parameters, not resources.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(rules = {
    "QueueInProduction": {
        "RuleCondition": { "Fn::Equals": [Environment, "prod"] },
        "Assertions": [{ "Assert": { "Fn::Equals": [Queue.QueueName, "orders"] } }],
    },
    "NoAssertions": { "RuleCondition": { "Fn::Equals": [Environmnet, "dev"] } },
})]
mod queue {
    #[parameter(String, allowed_values = ["dev", "prod"])]
    pub struct Environment;

    #[resource(AWS::SQS::Queue {})]
    pub struct Queue;
}
// ANCHOR_END: here

fn main() {}
