//! A `${…}` naming a parameter, a resource or a pseudo parameter is substituted only by `sub!`.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: "/ecs/${AWS::StackName}" })]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
