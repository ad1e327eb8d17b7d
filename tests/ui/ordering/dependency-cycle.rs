//! Resources cannot depend on each other in a cycle.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: sub!("${SecondLogs}-first") })]
    struct FirstLogs;

    #[resource(AWS::Logs::LogGroup {})]
    #[depends_on(FirstLogs)]
    struct SecondLogs;
    // ANCHOR_END: here
}

fn main() {}
