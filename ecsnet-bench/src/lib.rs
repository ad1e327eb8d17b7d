//! Benchmarks of ecsnet: the chapter's todobackend stack and a generated
//! 500-resource stack, built as templates and written as JSON and YAML.
//!
//! `cargo bench -p ecsnet-bench` runs the criterion benchmarks;
//! `bench/compile-times.sh` measures compile times and whole-process
//! emission.

pub mod generate;
pub mod many_types;

/// The todobackend example's stack.
#[path = "../../examples/todobackend.rs"]
#[allow(dead_code, reason = "the example's `main` is not used here")]
mod todobackend_example;

pub use todobackend_example::todobackend;

include!(concat!(env!("OUT_DIR"), "/large_stack.rs"));
