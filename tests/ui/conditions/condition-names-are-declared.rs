//! `if_`, `#[condition(…)]` and `condition = …` name a declared condition.
use ecsnet::prelude::*;

#[stack]
mod queues {
    #[parameter(String, allowed_values = ["dev", "prod"])]
    pub struct Environment;

    #[condition(equals(Environment, "prod"))]
    pub struct IsProduction;

    // ANCHOR: here
    #[resource(AWS::SQS::Queue {
        message_retention_period: if_(IsProdution, 1209600, 345600),
    })]
    pub struct Queue;

    #[resource(AWS::SQS::Queue {})]
    #[condition(Environment)]
    pub struct DeadLetters;
    // ANCHOR_END: here
}

fn main() {}
