//! Literals convert as CloudFormation and cfn-lint convert them, and are emitted as written: a number where a string belongs, a numeric string for an integer, `"true"` for a boolean.
use ecsnet::prelude::*;

#[stack]
mod literals {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {
        log_group_name: "/todobackend",
        retention_in_days: "7",
    })]
    struct ApplicationLogGroup;

    #[resource(AWS::SQS::Queue {
        delay_seconds: "5",
        fifo_queue: "true",
        queue_name: "todobackend.fifo",
        content_based_deduplication: true,
    })]
    struct Jobs;

    #[resource(AWS::SSM::Parameter { type: "String", value: 30 })]
    struct Timeout;
    // ANCHOR_END: here
}

fn main() {
    let template: serde_json::Value = serde_json::from_str(&literals::template().to_json()).unwrap();
    let resources = &template["Resources"];
    assert_eq!(resources["ApplicationLogGroup"]["Properties"]["RetentionInDays"], "7");
    assert_eq!(resources["Jobs"]["Properties"]["FifoQueue"], "true");
    assert_eq!(resources["Jobs"]["Properties"]["DelaySeconds"], "5");
    assert_eq!(resources["Timeout"]["Properties"]["Value"], 30);
}
