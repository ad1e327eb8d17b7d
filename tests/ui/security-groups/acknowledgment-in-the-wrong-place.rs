//! An acknowledgment goes on the thing it acknowledges.
use ecsnet::prelude::*;

#[stack]
mod web {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {
        log_group_name: #[acknowledge(open_ingress, reason = "misplaced")] "/web",
    })]
    struct WebLogs;
    // ANCHOR_END: here
}

fn main() {}
