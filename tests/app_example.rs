//! `examples/todobackend_app.rs`: what its command line prints, which the
//! book shows (`tests/fixtures/todobackend_app.txt`), and the files it
//! writes.

#[path = "../examples/todobackend_app.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
mod todobackend_app;

use todobackend_app::todobackend;

#[test]
fn the_app_prints_the_book_s_text_and_writes_every_stack() {
    // The book shows `--output-dir out`, relative to where it runs: run it
    // so in a directory of its own. The only test of this binary, so
    // changing the directory affects no other.
    let dir = std::env::temp_dir().join(format!("ecsnet-app-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::env::set_current_dir(&dir).unwrap();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = ecsnet::cli::run_app(
        &todobackend::app(),
        &["todobackend_app", "--output-dir", "out"],
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    assert_eq!(
        String::from_utf8(stdout).unwrap(),
        include_str!("fixtures/todobackend_app.txt")
    );
    let mut files: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(files, ["application.json", "manifest.json", "network.json"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_application_imports_the_network_s_subnet_and_vpc() {
    let app = todobackend::app();
    assert_eq!(
        app.stacks.iter().map(|s| s.stack_name).collect::<Vec<_>>(),
        ["todobackend-network", "todobackend-application"]
    );
    assert_eq!(
        app.stacks[1].imports,
        [
            "todobackend-network:PrivateSubnet",
            "todobackend-network:VpcId"
        ]
    );
    let application = (app.stacks[1].template)();
    // No resource of the network stack is declared again.
    for network_resource in (app.stacks[0].template)().resources.keys() {
        assert!(!application.resources.contains_key(network_resource));
    }
}
