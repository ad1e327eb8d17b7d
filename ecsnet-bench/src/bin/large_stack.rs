//! Prints the generated 500-resource stack, with the usual stack options.

use std::process::ExitCode;

fn main() -> ExitCode {
    ecsnet::cli::main(&ecsnet_bench::large_stack::template())
}
