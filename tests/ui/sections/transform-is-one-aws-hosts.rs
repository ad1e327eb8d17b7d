//! A transform under `AWS::` is one that AWS hosts.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(transform = ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-13"])]
// ANCHOR_END: here
mod functions {
    #[resource(AWS::SQS::Queue {})]
    pub struct Queue;
}

fn main() {}
