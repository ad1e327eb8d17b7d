//! A `${…}` placeholder that names nothing suggests the closest parameter or resource, even when it is no logical id at all.
use ecsnet::prelude::*;

#[stack]
mod logs {
    #[parameter(String, default = "todobackend")]
    struct ServiceName;

    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {
        log_group_name: sub!("/ecs/${Service_Name}"),
    })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
