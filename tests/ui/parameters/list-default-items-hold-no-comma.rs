//! The items of a list parameter's default hold no comma, which would split them.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[parameter(CommaDelimitedList, default = ["a,b", "c"])]
    struct Names;
    // ANCHOR_END: here

    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
}

fn main() {}
