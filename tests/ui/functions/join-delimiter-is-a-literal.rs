//! The delimiter of `join` and `split` is a literal string; CloudFormation evaluates no function there.
use ecsnet::prelude::*;

#[stack]
mod app {
    #[parameter(String, default = ",")]
    struct Separator;

    #[parameter(CommaDelimitedList)]
    struct Names;

    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: join(Separator, Names) })]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
