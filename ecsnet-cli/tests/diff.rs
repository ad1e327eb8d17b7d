//! `ecsnet diff` as a user runs it: exit statuses, errors, app output
//! directories, the JSON document, and a real template written once in
//! YAML and once in JSON.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(path)
}

fn ecsnet(args: &[&Path], flags: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecsnet"))
        .arg("diff")
        .args(args)
        .args(flags)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The chapter's reference template, as YAML and as the JSON the
/// todobackend example is compared with: the same template.
#[test]
fn the_reference_template_in_yaml_and_json_has_no_differences() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let output = ecsnet(
        &[
            &root.join("reference-ch10-stack.yml"),
            &root.join("reference-ch10-stack.json"),
        ],
        &["--fail"],
    );
    assert_eq!(text(&output.stdout), "no differences\n");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn fail_exits_1_with_the_report_on_standard_output() {
    let (old, new) = (
        fixture("app-old/network.json"),
        fixture("app-new/network.json"),
    );
    let output = ecsnet(&[&old, &new], &[]);
    assert_eq!(output.status.code(), Some(0));
    let report = text(&output.stdout);
    // Piped: no colours.
    assert!(!report.contains('\x1b'), "{report}");
    assert!(
        report.starts_with(
            "Replacements\n[-/+] AWS::EC2::Subnet PrivateSubnet: replaced, because CidrBlock changes (create-only)\n"
        ),
        "{report}"
    );
    let failed = ecsnet(&[&old, &new], &["--fail"]);
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(text(&failed.stdout), report);
    assert_eq!(text(&failed.stderr), "");
}

#[test]
fn errors_exit_2_with_one_line() {
    let missing = fixture("missing.yaml");
    let output = ecsnet(&[&missing, &fixture("app-new/network.json")], &[]);
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(message.starts_with("ecsnet: cannot read "), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");

    let bad = std::env::temp_dir().join(format!("ecsnet-diff-bad-{}.yaml", std::process::id()));
    std::fs::write(&bad, "Resources: [1\n").unwrap();
    let output = ecsnet(&[&bad, &bad], &[]);
    std::fs::remove_file(&bad).unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(message.contains("not valid YAML"), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");

    let output = ecsnet(&[&fixture("app-old")], &[]);
    assert_eq!(output.status.code(), Some(2));
    let output = ecsnet(
        &[&fixture("app-old"), &fixture("app-new/network.json")],
        &[],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("both must be template files or both app output directories")
    );
}

#[test]
fn app_directories_are_compared_stack_by_stack() {
    let output = ecsnet(&[&fixture("app-old"), &fixture("app-new")], &[]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        "\
Stack network (todobackend-network)
Replacements
[-/+] AWS::EC2::Subnet PrivateSubnet: replaced, because CidrBlock changes (create-only)

Resources
[~] AWS::EC2::Subnet PrivateSubnet (replaced)
    └─ Properties.CidrBlock (create-only): 10.0.0.0/24 → 10.0.1.0/24

Outputs
[~] Output PrivateSubnetId
    └─ Value: !Ref PrivateSubnet (changes: PrivateSubnet is replaced)

Stack application (todobackend-application) (new stack)
Resources
[+] AWS::SQS::Queue Queue

Stack logs (todobackend-logs) (stack removed)
Resources
[-] AWS::Logs::LogGroup Logs
"
    );
    let same = ecsnet(&[&fixture("app-old"), &fixture("app-old")], &["--fail"]);
    assert_eq!(text(&same.stdout), "no differences\n");
    assert_eq!(same.status.code(), Some(0));
}

#[test]
fn the_json_document_of_an_app() {
    let output = ecsnet(
        &[&fixture("app-old"), &fixture("app-new")],
        &["--format", "json"],
    );
    assert_eq!(output.status.code(), Some(0));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let stacks: Vec<(&str, &str)> = document["stacks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["action"].as_str().unwrap()))
        .collect();
    assert_eq!(
        stacks,
        [
            ("network", "modify"),
            ("application", "add"),
            ("logs", "remove")
        ]
    );
    assert_eq!(document["app"], "todobackend");
    let subnet = &document["stacks"][0]["diff"]["resources"][0];
    assert_eq!(subnet["replacement"], "always");
    assert_eq!(subnet["properties"][0]["create_only"], true);
    // Twice, the same bytes.
    let again = ecsnet(
        &[&fixture("app-old"), &fixture("app-new")],
        &["--format", "json"],
    );
    assert_eq!(output.stdout, again.stdout);
}

/// The book's example (`book/src/diff-format.md` includes the expected
/// files, so the page shows what the command prints).
#[test]
fn the_book_example() {
    let (old, new) = (fixture("network-old.yaml"), fixture("network-new.json"));
    let human = ecsnet(&[&old, &new], &[]);
    assert_eq!(
        text(&human.stdout),
        std::fs::read_to_string(fixture("network.expected.txt")).unwrap()
    );
    let json = ecsnet(&[&old, &new], &["--format", "json"]);
    assert_eq!(
        text(&json.stdout),
        std::fs::read_to_string(fixture("network.expected.json")).unwrap()
    );
}

/// The book's "Diff, deploy and destroy": the chapter's stack with its
/// private subnet moved to another block, as `ecsnet diff` prints it
/// (`tests/fixtures/diff/chapter-subnet.expected.txt`, included by the book).
#[test]
fn moving_the_chapter_s_subnet_replaces_it_and_its_association() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let old = root.join("reference-ch10-stack.json");
    let moved = std::fs::read_to_string(&old)
        .unwrap()
        .replace("172.31.96.0/20", "172.31.112.0/20");
    let dir = std::env::temp_dir().join(format!("ecsnet-diff-chapter-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let new = dir.join("stack.json");
    std::fs::write(&new, moved).unwrap();
    let output = ecsnet(&[&old, &new], &[]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        std::fs::read_to_string(fixture("chapter-subnet.expected.txt")).unwrap()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
