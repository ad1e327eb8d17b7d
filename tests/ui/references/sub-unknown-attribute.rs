//! Every `${Resource.Attribute}` in a `sub!` template names an attribute the resource has.
use ecsnet::prelude::*;

#[stack]
mod app {
    #[resource(AWS::Logs::LogGroup {})]
    struct ApplicationLogGroup;

    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {
        log_group_name: sub!("${ApplicationLogGroup.Name}-copy"),
    })]
    struct CopyLogGroup;
    // ANCHOR_END: here
}

fn main() {}
