//! `import_value` takes the export's name, a string.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: import_value(1) })]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
