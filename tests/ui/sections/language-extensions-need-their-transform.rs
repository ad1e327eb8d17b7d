//! `length`, `to_json_string` and the default value of `find_in_map` belong to the `AWS::LanguageExtensions` transform, which the stack names.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack]
mod queues {
    #[parameter(CommaDelimitedList)]
    pub struct QueueNames;

    #[resource(AWS::SQS::Queue {})]
    pub struct Queue;

    #[output(length(QueueNames))]
    pub struct QueueCount;
}
// ANCHOR_END: here

fn main() {}
