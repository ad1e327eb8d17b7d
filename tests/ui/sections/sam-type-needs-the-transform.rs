//! A SAM type (`AWS::Serverless::*`) is declared only in a stack that declares the `AWS::Serverless-2016-10-31` transform.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack]
mod orders {
    #[resource(AWS::Serverless::Function {
        runtime: "python3.12",
        handler: "orders.handler",
        code_uri: "src/",
    })]
    pub struct Store;
}
// ANCHOR_END: here

fn main() {}
