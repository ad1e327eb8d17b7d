//! The command line as a real process: how `cli::main` meets a closed, full,
//! read-only or broken standard output, a file size limit in the middle of
//! `--output`, a file name that is not UTF-8, and a parameter file of no
//! known size.
//!
//! This test binary is its own stack binary: run with `ECSNET_CLI_CHILD`
//! set, its `main` is a stack's `main`, `cli::main(&template())`. That is
//! why it has no test harness (`harness = false`) and runs its cases itself;
//! arguments that are not options select cases by name, as with libtest.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output, Stdio};

use ecsnet_core::{Resource, Template, Value};

/// Set in the environment of the child process, which then is the stack.
const CHILD: &str = "ECSNET_CLI_CHILD";

/// A template of about 100 KiB, more than any file size limit here.
fn template() -> Template {
    let mut template = Template::new();
    template.description = Some("Test stack".into());
    for i in 0..500 {
        let mut bucket = Resource::new("AWS::S3::Bucket");
        bucket
            .properties
            .insert("BucketName".into(), Value::from(format!("bucket-{i:04}")));
        template
            .resources
            .insert(format!("Bucket{i}").into(), bucket);
    }
    template
}

fn main() -> ExitCode {
    if std::env::var_os(CHILD).is_some() {
        return ecsnet_core::cli::main(&template());
    }
    let cases: &[(&str, fn())] = &[
        ("prints_the_template", prints_the_template),
        ("a_closed_stdout_is_an_error", a_closed_stdout_is_an_error),
        (
            "a_read_only_stdout_is_an_error",
            a_read_only_stdout_is_an_error,
        ),
        ("a_full_stdout_is_an_error", a_full_stdout_is_an_error),
        ("a_broken_pipe_is_an_error", a_broken_pipe_is_an_error),
        (
            "a_failed_output_write_keeps_the_previous_file",
            a_failed_output_write_keeps_the_previous_file,
        ),
        (
            "a_file_name_that_is_not_utf8_is_used_as_it_is",
            a_file_name_that_is_not_utf8_is_used_as_it_is,
        ),
        (
            "a_parameter_file_of_unknown_size_is_read_up_to_the_limit",
            a_parameter_file_of_unknown_size_is_read_up_to_the_limit,
        ),
    ];
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    let mut failed = Vec::new();
    let mut ran = 0;
    for (name, case) in cases {
        if !filters.is_empty() && !filters.iter().any(|filter| name.contains(filter.as_str())) {
            continue;
        }
        ran += 1;
        if std::panic::catch_unwind(case).is_ok() {
            println!("test {name} ... ok");
        } else {
            println!("test {name} ... FAILED");
            failed.push(*name);
        }
    }
    println!(
        "\ntest result: {}. {} passed; {} failed",
        if failed.is_empty() { "ok" } else { "FAILED" },
        ran - failed.len(),
        failed.len()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The stack binary: this test binary in its child role.
fn stack() -> Command {
    let mut command = Command::new(std::env::current_exe().expect("current exe"));
    command.env(CHILD, "1").stdin(Stdio::null());
    command
}

/// The stack binary run by `sh -c SCRIPT`, where `"$@"` in the script
/// stands for the stack and its arguments.
fn stack_in_shell(script: &str) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(script)
        .arg("sh")
        .arg(std::env::current_exe().expect("current exe"))
        .env(CHILD, "1")
        .stdin(Stdio::null());
    command
}

fn run(command: &mut Command) -> Output {
    command.output().expect("the stack runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8")
}

/// An empty directory for one case.
fn empty_dir(case: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("ecsnet-cli-process-{}-{case}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn dir_entries(dir: &Path) -> Vec<OsString> {
    let mut names: Vec<OsString> = fs::read_dir(dir)
        .expect("read dir")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    names.sort();
    names
}

fn prints_the_template() {
    let output = run(&mut stack());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(output.stdout, template().to_json_pretty().as_bytes());
    let output = run(stack().args(["-o", "-", "--format", "yaml"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(output.stdout, template().to_yaml().as_bytes());
}

/// `stack >&-`: Rust's runtime puts `/dev/null` in its place, which takes
/// every write; the template must not vanish into it with exit status 0.
fn a_closed_stdout_is_an_error() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let closed = "\"$@\" >&-";
    let output = run(&mut stack_in_shell(closed));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: cannot write to standard output: it is closed; redirect it, or write to a \
         file with `--output FILE`\n"
    );
    // The same for the report of `--check-params` and for `--help`.
    let dir = empty_dir("closed");
    let params = dir.join("dev.cfg");
    fs::write(&params, "").expect("write");
    for args in [
        &["--check-params".as_ref(), params.as_os_str()][..],
        &["--help".as_ref()],
    ] {
        let output = run(stack_in_shell(closed).args(args));
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).starts_with("error: cannot write to standard output: it is closed"),
            "{args:?}"
        );
    }
    // `--output` does not need standard output.
    let file = dir.join("template.json");
    let output = run(stack_in_shell(closed).arg("-o").arg(&file));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(&file).expect("written"),
        template().to_json_pretty()
    );
    // A redirection to `/dev/null` is not a closed standard output.
    let output = run(&mut stack_in_shell("\"$@\" >/dev/null"));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// A standard output opened for reading only: `write` fails with `EBADF`,
/// which Rust's `Stdout` reports as a success.
fn a_read_only_stdout_is_an_error() {
    let output = run(&mut stack_in_shell("\"$@\" 1</dev/null"));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("error: cannot write to standard output: Bad file descriptor"),
        "{}",
        stderr(&output)
    );
}

fn a_full_stdout_is_an_error() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let output = run(stack().stdout(full));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("error: cannot write to standard output: No space left"),
        "{}",
        stderr(&output)
    );
}

/// `stack | head` where `head` has gone: Rust ignores `SIGPIPE`, so the
/// write fails with `EPIPE`, which is an error like any other.
fn a_broken_pipe_is_an_error() {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let output = run(stack().stdout(writer));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: cannot write to standard output: Broken pipe (os error 32)\n"
    );
}

/// Under `ulimit -f`, writing the template fails part way (`EFBIG`, with
/// `SIGXFSZ` ignored): the previous file must stay as it was, and no
/// temporary file may stay behind.
fn a_failed_output_write_keeps_the_previous_file() {
    let limited = "trap '' XFSZ; ulimit -f 4 && exec \"$@\"";
    let dir = empty_dir("ulimit");
    let file = dir.join("template.json");
    fs::write(&file, "previous\n").expect("write");
    let output = run(stack_in_shell(limited).arg("--output").arg(&file));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with(&format!("error: cannot write `{}`: ", file.display())),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_to_string(&file).expect("read"), "previous\n");
    assert_eq!(dir_entries(&dir), [OsString::from("template.json")]);
    // Without a previous file, none appears.
    fs::remove_file(&file).expect("remove");
    let output = run(stack_in_shell(limited).arg("--output").arg(&file));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(dir_entries(&dir), Vec::<OsString>::new());
    // Without the limit, the file is written.
    let output = run(stack().arg("--output").arg(&file));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(&file).expect("read"),
        template().to_json_pretty()
    );
}

fn a_file_name_that_is_not_utf8_is_used_as_it_is() {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt as _;
        let dir = empty_dir("non-utf8");
        let name = OsString::from_vec(b"template-\xff.json".to_vec());
        let output = run(stack().arg("-o").arg(dir.join(&name)));
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(dir_entries(&dir), [name]);
    }
}

/// `/dev/zero` has no size to check beforehand and no end; reading stops
/// past 1 MiB. The memory limit turns a read without end into a failure
/// rather than a machine out of memory.
fn a_parameter_file_of_unknown_size_is_read_up_to_the_limit() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let output =
        run(stack_in_shell("ulimit -v 1048576 && exec \"$@\"")
            .args(["--check-params", "/dev/zero"]));
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with("error: `/dev/zero` is larger than 1 MiB; "),
        "{}",
        stderr(&output)
    );
}
