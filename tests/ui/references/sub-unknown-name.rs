//! Every `${Name}` in a `sub!` template names a parameter, a resource or a pseudo parameter.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {
        log_group_name: sub!("/${StackName}/ecs/todobackend"),
    })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
