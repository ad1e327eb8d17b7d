//! The chapter's walk: the pre-chapter bridge-mode stack
//! (`examples/todobackend_bridge.rs`) with only its network mode changed to
//! `awsvpc` fails to compile with exactly one error for each change the
//! chapter then makes, and nothing else.
//!
//! `tests/walk/todobackend-bridge-to-awsvpc.rs` is that one-line change (a
//! test below keeps it identical to the example otherwise), and its
//! `.stderr` is the compiler's list of what else to change.

const BRIDGE: &str = include_str!("../examples/todobackend_bridge.rs");
const FLIPPED: &str = include_str!("walk/todobackend-bridge-to-awsvpc.rs");
const ERRORS: &str = include_str!("walk/todobackend-bridge-to-awsvpc.stderr");

#[test]
fn the_walk_changes_only_the_network_mode() {
    let from = "network_mode: \"bridge\",";
    assert_eq!(
        BRIDGE.matches(from).count(),
        1,
        "the bridge example sets its network mode once"
    );
    assert_eq!(FLIPPED, BRIDGE.replace(from, "network_mode: \"awsvpc\","));
}

#[test]
fn the_compiler_reports_the_walk() {
    trybuild::TestCases::new().compile_fail("tests/walk/*.rs");
}

/// Each change the chapter makes after setting `NetworkMode: awsvpc`, with a
/// phrase of the error that asks for it.
const CHAPTER_CHANGES: &[(&str, &str)] = &[
    (
        "remove `HostPort: 0`",
        "`host_port: 0` asks for a dynamic host port",
    ),
    (
        "add `NetworkConfiguration` to the service",
        "need subnets and security groups for their network interfaces",
    ),
    (
        "remove the service's `Role`",
        "ECS uses its service-linked role; remove `role`",
    ),
    (
        "move the ingress from the ephemeral range to port 8000",
        "ports 32768-60999 of `ApplicationLoadBalancerToApplicationIngress`",
    ),
    (
        "move the egress from the ephemeral range to port 8000",
        "ports 32768-60999 of `ApplicationLoadBalancerToApplicationEgress`",
    ),
    (
        "set the target group's `TargetType` to `ip`",
        "has no `target_type`, which means `instance`",
    ),
];

#[test]
fn one_error_per_chapter_change_and_nothing_else() {
    let errors: Vec<&str> = ERRORS
        .lines()
        .filter(|line| line.starts_with("error"))
        .collect();
    for (change, phrase) in CHAPTER_CHANGES {
        let matching = errors.iter().filter(|e| e.contains(phrase)).count();
        assert_eq!(
            matching, 1,
            "the chapter's change \"{change}\" should have exactly one error"
        );
    }
    assert_eq!(
        errors.len(),
        CHAPTER_CHANGES.len(),
        "the walk reports errors that are not chapter changes:\n{}",
        errors.join("\n")
    );
}
