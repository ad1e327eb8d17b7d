//! Dependencies in one direction.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: sub!("${SecondLogs}-first") })]
    struct FirstLogs;

    #[resource(AWS::Logs::LogGroup {})]
    struct SecondLogs;
    // ANCHOR_END: here
}

fn main() {
    let _ = logs::template();
}
