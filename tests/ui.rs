//! The compile-fail tests: each file under `tests/ui/` breaks one rule, and
//! its `.stderr` is the exact compiler output. The book includes both.
//!
//! Bless new output with `TRYBUILD=overwrite cargo test --test ui`, then
//! review the `.stderr` diff as carefully as code. The expected output is
//! that of the pinned toolchain (`rust-version` in Cargo.toml).

#[test]
fn compile_fail() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/**/*.rs");
}

// Passing neighbours run in their own test function: trybuild switches from
// `cargo check` to `cargo build` for every case of a run that has a pass case.
#[test]
fn pass() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui-pass/**/*.rs");
}
