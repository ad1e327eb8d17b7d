//! `ecsnet import` on a small template of our own: the exact program, checked
//! by hand once (`tests/fixtures/import/web.expected.rs`), and the warning.
//! Compiling imported programs is the corpus script's work (`tests/corpus/`).

use std::process::Command;

#[test]
fn imports_the_fixture_exactly() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/import");
    let output = Command::new(env!("CARGO_BIN_EXE_ecsnet"))
        .args(["import", &format!("{fixtures}/web.yaml")])
        .output()
        .expect("the ecsnet binary runs");
    assert!(output.status.success());
    let expected = std::fs::read_to_string(format!("{fixtures}/web.expected.rs")).unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("warning: the template uses conditions"),
        "{stderr}"
    );
}
