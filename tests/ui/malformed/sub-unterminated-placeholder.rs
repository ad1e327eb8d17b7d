//! A `${` in a `sub!` template is closed by `}`; `${!` writes a literal `${`.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: sub!("/${AWS::StackName/ecs") })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
