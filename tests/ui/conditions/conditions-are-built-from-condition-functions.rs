//! A condition compares parameters with `equals` and combines conditions with `and`, `or` and `not`; it reads no resource, does not depend on itself, and condition functions appear only in conditions.
use ecsnet::prelude::*;

#[stack]
mod queues {
    #[parameter(String, allowed_values = ["dev", "prod"])]
    pub struct Environment;

    #[resource(AWS::SQS::Queue {})]
    pub struct Queue;

    // ANCHOR: here
    #[condition(equals(Queue.QueueName, "orders"))]
    pub struct IsOrders;

    #[condition(and(IsStaging, equals(Environment, "prod")))]
    pub struct IsProduction;

    #[condition(or(IsProduction, not(equals(Environment, "dev"))))]
    pub struct IsStaging;

    #[condition("prod")]
    pub struct IsLiteral;

    #[resource(AWS::SQS::Queue {
        fifo_queue: equals(Environment, "prod"),
    })]
    pub struct Orders;
    // ANCHOR_END: here
}

fn main() {}
