//! `find_in_map` names a declared mapping, and each key it can be given is in it: a literal key, or each value its parameter allows.
use ecsnet::prelude::*;

#[stack]
mod queues {
    #[parameter(String, allowed_values = ["dev", "staging", "prod"])]
    pub struct Environment;

    // ANCHOR: here
    #[mapping {
        "dev": { "Retention": 345600 },
        "prod": { "Retention": 1209600, "Delay": 5 },
    }]
    pub struct Settings;

    #[resource(AWS::SQS::Queue {
        message_retention_period: find_in_map(Settings, Environment, "Retention"),
        delay_seconds: find_in_map(Settings, "dev", "Delay"),
        visibility_timeout: find_in_map(Setings, "dev", "Timeout"),
    })]
    pub struct Queue;
    // ANCHOR_END: here
}

fn main() {}
