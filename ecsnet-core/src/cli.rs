//! The command line that every stack binary shares.
//!
//! A stack's binary is one line (through the facade, `ecsnet::cli::main`):
//!
//! ```no_run
//! # fn template() -> ecsnet_core::Template { ecsnet_core::Template::new() }
//! fn main() -> std::process::ExitCode {
//!     ecsnet_core::cli::main(&template())
//! }
//! ```
//!
//! and then prints the template as JSON (`--format yaml` for YAML), writes
//! it to a file (`--output FILE`), or checks a parameter file against the
//! stack's parameters (`--check-params dev.cfg`). Exit status: 0 on success,
//! 1 when a file cannot be read or written, standard output included, 2 on
//! a usage error or an invalid parameter file.
//!
//! File names are used as given, byte for byte, even when they are not
//! UTF-8. `--output FILE` replaces `FILE` only once the whole template is
//! written: it writes a temporary file next to it and renames that over
//! `FILE`, so a failed write leaves the previous file as it was. A
//! standard output that cannot take the whole text (closed, a full disk, a
//! reader that went away) is an error, with a message on standard error
//! and exit status 1; a broken pipe (`stack | head`) is no exception, since
//! the reader then got a cut template.

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::app::App;
use crate::params::{self, did_you_mean, escape};
use crate::template::Template;
use crate::value::Value;

/// Exit status for a file that cannot be read or written.
const IO_ERROR: u8 = 1;
/// Exit status for a usage error or an invalid parameter file.
const USAGE: u8 = 2;

/// The largest parameter file `--check-params` reads. CloudFormation takes
/// at most 200 parameters, with names of at most 255 characters and values
/// of at most 4,096 bytes: about 850 KiB with one parameter a line, so
/// 1 MiB leaves room for comments while keeping a stray multi-gigabyte file
/// (or `/dev/zero`) from taking the machine's memory.
const MAX_PARAMS_FILE: u64 = 1024 * 1024;

/// Runs the command line on the process's arguments, standard output and
/// standard error, and returns the exit status for `main` to return.
#[must_use]
pub fn main(template: &Template) -> ExitCode {
    process(|args, stdout, stderr| run(template, args, stdout, stderr))
}

/// Runs `command` on the process's arguments (kept as they are: a file
/// name need not be UTF-8), standard output and standard error.
fn process(command: impl FnOnce(&[OsString], &mut dyn Write, &mut dyn Write) -> u8) -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut stdout = StandardOutput::default();
    let mut stderr = io::stderr().lock();
    let mut code = command(&args, &mut stdout, &mut stderr);
    // The command writes whole texts, but whatever a writer keeps back
    // must reach the file descriptor too before the exit status says
    // success.
    if let Err(e) = stdout.flush()
        && code == 0
    {
        let _ = writeln!(stderr, "error: cannot write to standard output: {e}");
        code = IO_ERROR;
    }
    ExitCode::from(code)
}

/// Runs the command line on `args` (the program's name first) and returns
/// the exit status: 0 on success, 1 when a file cannot be read or written,
/// 2 on a usage error or an invalid parameter file.
///
/// The arguments may be `String`s, `&str`s or, as [`main`] passes them,
/// `OsString`s: a file name that is not UTF-8 is used as it is.
pub fn run<A: AsRef<OsStr>>(
    template: &Template,
    args: &[A],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let args: Vec<&OsStr> = args.iter().map(AsRef::as_ref).collect();
    let program = args
        .first()
        .and_then(|arg| Path::new(arg).file_name())
        .map_or_else(
            || "stack".to_owned(),
            |name| escape(&name.to_string_lossy()).into_owned(),
        );
    let options = match Options::parse(args.get(1..).unwrap_or_default()) {
        Ok(options) => options,
        Err(message) => {
            // Nothing more can be said if standard error is gone.
            let _ = writeln!(stderr, "error: {message}\ntry `{program} --help`");
            return USAGE;
        }
    };
    let result = if options.help {
        write_stdout(stdout, usage(&program).as_bytes()).map(|()| 0)
    } else if let Some(file) = &options.check_params {
        check_params(template, Path::new(file), stdout, stderr)
    } else {
        print_template(template, &options, stdout)
    };
    match result {
        Ok(code) => code,
        Err(Failure::Io(message)) => {
            let _ = writeln!(stderr, "error: {message}");
            IO_ERROR
        }
        Err(Failure::Usage(message)) => {
            let _ = writeln!(stderr, "error: {message}");
            USAGE
        }
    }
}

/// Why a command failed, which decides its exit status.
enum Failure {
    /// A file or standard output cannot be read or written: exit status 1.
    Io(String),
    /// The input is not what the command takes: exit status 2.
    Usage(String),
}

fn usage(program: &str) -> String {
    format!(
        "\
Prints this stack's CloudFormation template.

usage: {program} [--format json|yaml] [--compact] [--output FILE]
       {program} --check-params FILE

options:
      --format FORMAT      `json` (the default) or `yaml`
      --compact            JSON on one line
  -o, --output FILE        write the template to FILE instead of standard
                           output (`-` is standard output); FILE is replaced
                           only once the whole template is written
      --check-params FILE  check a file of `Key=Value` lines, as taken by
                           `aws cloudformation deploy --parameter-overrides`,
                           against the stack's parameters; files over 1 MiB
                           are refused (CloudFormation takes at most 200
                           parameters, with values of at most 4,096 bytes)
  -h, --help               print this help

exit status: 0 on success, 1 when a file cannot be read or written (standard
output included, even when its reader has gone), 2 on a usage error or an
invalid parameter file
"
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Yaml,
}

#[derive(Debug, Default)]
struct Options {
    help: bool,
    format: Option<Format>,
    compact: bool,
    output: Option<OsString>,
    check_params: Option<OsString>,
}

/// Every option, for suggestions.
const OPTIONS: [&str; 7] = [
    "--format",
    "--compact",
    "--output",
    "-o",
    "--check-params",
    "--help",
    "-h",
];

/// Splits `--name=value` at its first `=`, keeping the value's bytes as
/// they are; `None` when there is no `=` or the name is not UTF-8.
fn split_inline(arg: &OsStr) -> Option<(&str, &OsStr)> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let bytes = arg.as_bytes();
        let at = bytes.iter().position(|&b| b == b'=')?;
        let name = std::str::from_utf8(&bytes[..at]).ok()?;
        Some((name, OsStr::from_bytes(&bytes[at + 1..])))
    }
    #[cfg(not(unix))]
    {
        // Elsewhere an `--output=FILE` whose name is not Unicode is refused
        // as an unknown option; `--output FILE` still takes it.
        let (name, value) = arg.to_str()?.split_once('=')?;
        Some((name, OsStr::new(value)))
    }
}

/// An argument as it is quoted in messages: lossy, and escaped.
fn shown(arg: &OsStr) -> String {
    escape(&arg.to_string_lossy()).into_owned()
}

impl Options {
    fn parse(args: &[&OsStr]) -> Result<Options, String> {
        let mut options = Options::default();
        let mut index = 0;
        while let Some(&arg) = args.get(index) {
            index += 1;
            // Options are ASCII, so an argument that is not UTF-8 is matched
            // by its lossy form, which names no option; values are kept as
            // they are.
            let lossy = arg.to_string_lossy();
            // `--name=value` carries its value; a short option does not.
            let (name, inline) = match split_inline(arg) {
                Some((name, value)) if name.starts_with("--") => (name, Some(value)),
                _ => (lossy.as_ref(), None),
            };
            let mut value = || -> Result<OsString, String> {
                let value = match inline {
                    Some(value) => Some(value),
                    // A following option is not taken for a value, so that
                    // `-o --compact` is an error rather than a file.
                    None => args.get(index).copied().filter(|next| {
                        let next = next.as_encoded_bytes();
                        !(next.first() == Some(&b'-') && next.len() > 1)
                    }),
                };
                match value {
                    Some(value) if !value.is_empty() => {
                        if inline.is_none() {
                            index += 1;
                        }
                        Ok(value.to_owned())
                    }
                    _ => Err(format!("`{}` needs a value", escape(name))),
                }
            };
            match name {
                "-h" | "--help" | "--compact" if inline.is_some() => {
                    return Err(format!("`{name}` takes no value"));
                }
                "-h" | "--help" => options.help = true,
                "--compact" => set_once(&mut options.compact, true, name)?,
                "--format" => {
                    let value = value()?;
                    let format = match value.to_str() {
                        Some("json") => Format::Json,
                        Some("yaml") => Format::Yaml,
                        _ => {
                            return Err(format!(
                                "invalid format `{}`; expected `json` or `yaml`",
                                shown(&value)
                            ));
                        }
                    };
                    set_once(&mut options.format, Some(format), name)?;
                }
                "-o" | "--output" => set_once(&mut options.output, Some(value()?), name)?,
                "--check-params" => set_once(&mut options.check_params, Some(value()?), name)?,
                _ if name.starts_with('-') && name.len() > 1 => {
                    let name = escape(name);
                    return Err(match did_you_mean(&name, OPTIONS) {
                        Some(option) => {
                            format!("unknown option `{name}`; did you mean `{option}`?")
                        }
                        None => format!("unknown option `{name}`"),
                    });
                }
                _ => return Err(format!("unexpected argument `{}`", shown(arg))),
            }
        }
        if options.check_params.is_some() {
            let others = [
                (options.format.is_some(), "--format"),
                (options.compact, "--compact"),
                (options.output.is_some(), "--output"),
            ];
            if let Some((_, other)) = others.iter().find(|(given, _)| *given) {
                return Err(format!(
                    "`--check-params` cannot be combined with `{other}`"
                ));
            }
        }
        if options.compact && options.format == Some(Format::Yaml) {
            return Err("`--compact` applies to JSON only, not to `--format yaml`".to_owned());
        }
        Ok(options)
    }
}

/// Sets an option, refusing to set it twice: `--format json --format yaml`
/// is more likely a mistake than a wish for the last one.
fn set_once<T: Default + PartialEq>(slot: &mut T, value: T, name: &str) -> Result<(), String> {
    if *slot != T::default() {
        return Err(format!("`{name}` is given more than once"));
    }
    *slot = value;
    Ok(())
}

/// Writes all of `text` to standard output, and flushes it.
fn write_stdout(stdout: &mut dyn Write, text: &[u8]) -> Result<(), Failure> {
    stdout
        .write_all(text)
        .and_then(|()| stdout.flush())
        .map_err(|e| Failure::Io(format!("cannot write to standard output: {e}")))
}

fn print_template(
    template: &Template,
    options: &Options,
    stdout: &mut dyn Write,
) -> Result<u8, Failure> {
    let text = match (options.format, options.compact) {
        (Some(Format::Yaml), _) => template.to_yaml(),
        (_, true) => template.to_json(),
        (_, false) => template.to_json_pretty(),
    };
    match &options.output {
        // `-o -` is standard output, as for most command line tools.
        Some(file) if file != "-" => write_file(Path::new(file), text.as_bytes()).map_err(|e| {
            Failure::Io(format!(
                "cannot write `{}`: {e}",
                escape(&Path::new(file).display().to_string())
            ))
        }),
        _ => write_stdout(stdout, text.as_bytes()),
    }
    .map(|()| 0)
}

/// Writes `text` to the file at `path`. A regular file, or a new one, is
/// replaced at once, by renaming a complete temporary file over it, so a
/// failure leaves what was there before; anything else (`/dev/stdout`, a
/// named pipe) can only be written to.
fn write_file(path: &Path, text: &[u8]) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(metadata) if metadata.is_file() => {
            // Through a symbolic link, replace the file it points to, not
            // the link.
            let target = if fs::symlink_metadata(path)?.is_symlink() {
                fs::canonicalize(path)?
            } else {
                path.to_owned()
            };
            replace_file(&target, text, Some(metadata.permissions()))
        }
        Ok(_) => {
            let mut file = fs::OpenOptions::new().write(true).open(path)?;
            file.write_all(text)?;
            file.flush()
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => replace_file(path, text, None),
        Err(e) => Err(e),
    }
}

/// Writes `text` to a new temporary file in `path`'s directory, syncs it
/// and renames it to `path`; on any error the temporary file is removed.
/// The temporary file gets `permissions` when given (those of the file it
/// replaces), and otherwise those of a new file.
fn replace_file(path: &Path, text: &[u8], permissions: Option<fs::Permissions>) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file")
    })?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let (temp, mut file) = create_temp(dir, name)?;
    let result = (|| {
        // Before the content: a private file is never readable by others.
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        file.write_all(text)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
        return result;
    }
    // Makes the rename itself durable, where the system can; the file is
    // in place whether or not this works.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Creates `.NAME.tmp-PID-N` in `dir`, a name no other process or call
/// uses, without ever opening a file that is already there.
fn create_temp(dir: &Path, name: &OsStr) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    loop {
        let mut temp = OsString::from(".");
        temp.push(name);
        temp.push(format!(
            ".tmp-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let temp = dir.join(temp);
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            // Left behind by a process with the same id that was killed.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
}

fn check_params(
    template: &Template,
    path: &Path,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, Failure> {
    let file = escape(&path.display().to_string()).into_owned();
    let text = read_params_file(path, &file)?;
    match params::check(template, &text) {
        Ok(found) => {
            let mut report = String::new();
            let _ = writeln!(
                report,
                "{file}: valid; sets {} of the stack's {} parameters",
                found.len(),
                template.parameters.len()
            );
            for (name, parameter) in &template.parameters {
                if let Some((_, value)) = found.iter().find(|(key, _)| key == name) {
                    let _ = writeln!(report, "  {name}={}", escape(value));
                } else if let Some(default) = &parameter.default {
                    let _ = writeln!(
                        report,
                        "  {name}={} (default)",
                        escape(&default_text(default))
                    );
                }
            }
            write_stdout(stdout, report.as_bytes())?;
            Ok(0)
        }
        Err(errors) => {
            let mut report = String::new();
            for error in &errors {
                let _ = writeln!(report, "{}", error.in_file(&file));
            }
            let problems = if errors.len() == 1 {
                "problem"
            } else {
                "problems"
            };
            let _ = writeln!(
                report,
                "error: `{file}` does not fit the stack's parameters ({} {problems})",
                errors.len()
            );
            stderr
                .write_all(report.as_bytes())
                .map_err(|e| Failure::Io(format!("cannot write to standard error: {e}")))?;
            Ok(USAGE)
        }
    }
}

/// Reads a parameter file of at most [`MAX_PARAMS_FILE`] bytes; `file` is
/// its name as messages show it. The size is checked before reading, and
/// reading stops one byte past the limit, for files whose size the system
/// does not know (`/dev/zero`, a named pipe).
fn read_params_file(path: &Path, file: &str) -> Result<String, Failure> {
    let cannot_read = |e: io::Error| Failure::Io(format!("cannot read `{file}`: {e}"));
    let too_large = || {
        Failure::Usage(format!(
            "`{file}` is larger than 1 MiB; expected a parameter file, which for \
             CloudFormation's at most 200 parameters of at most 4,096 bytes each is smaller"
        ))
    };
    let source = File::open(path).map_err(cannot_read)?;
    if source.metadata().map_err(cannot_read)?.len() > MAX_PARAMS_FILE {
        return Err(too_large());
    }
    let Some(bytes) = read_at_most(source, MAX_PARAMS_FILE).map_err(cannot_read)? else {
        return Err(too_large());
    };
    String::from_utf8(bytes).map_err(|_| {
        cannot_read(io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

/// All of `source`, or `None` when it holds more than `limit` bytes, which
/// it stops reading at one byte past the limit.
fn read_at_most(source: impl Read, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// A parameter's `Default` as it would be written in a parameter file.
fn default_text(default: &Value) -> String {
    match default {
        Value::String(s) => s.to_string(),
        Value::Int(n) => n.to_string(),
        Value::Float(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::List(items) => items.iter().map(default_text).collect::<Vec<_>>().join(","),
        // Not a value CloudFormation accepts as a default; show it as JSON.
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// The process's standard output, as [`main`] writes it.
///
/// Rust's `Stdout` reports a write to a closed file descriptor (`EBADF`)
/// as a success, and Rust's runtime puts `/dev/null` in place of a
/// standard output that the process starts without (`stack >&-`), so that
/// a template written there would be lost without a word. This writes to
/// a duplicate of the file descriptor instead, which reports every error,
/// and takes a `/dev/null` opened for reading and writing, which is what
/// the runtime opens, for a closed standard output (Linux only; a
/// redirection with `>/dev/null` opens it for writing only).
#[derive(Default)]
struct StandardOutput {
    out: Option<Box<dyn Write>>,
}

impl StandardOutput {
    fn open() -> io::Result<Box<dyn Write>> {
        if stdout_was_closed() {
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "it is closed; redirect it, or write to a file with `--output FILE`",
            ));
        }
        // Whatever the program printed before goes first.
        io::stdout().flush()?;
        #[cfg(unix)]
        {
            use std::os::fd::AsFd as _;
            Ok(Box::new(File::from(
                io::stdout().as_fd().try_clone_to_owned()?,
            )))
        }
        #[cfg(not(unix))]
        {
            Ok(Box::new(io::stdout()))
        }
    }

    fn out(&mut self) -> io::Result<&mut Box<dyn Write>> {
        if self.out.is_none() {
            self.out = Some(StandardOutput::open()?);
        }
        self.out
            .as_mut()
            .ok_or_else(|| io::Error::other("standard output is not open"))
    }
}

impl Write for StandardOutput {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out()?.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.out {
            Some(out) => out.flush(),
            // Nothing was written, so nothing can be lost.
            None => Ok(()),
        }
    }
}

/// Whether standard output is the `/dev/null` that Rust's runtime opens,
/// for reading and writing, in place of a closed one.
fn stdout_was_closed() -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    if fs::read_link("/proc/self/fd/1").ok().as_deref() != Some(Path::new("/dev/null")) {
        return false;
    }
    // `flags:` is octal; the access mode is its two lowest bits, and 2 is
    // `O_RDWR`.
    fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
        info.lines()
            .find_map(|line| line.strip_prefix("flags:"))
            .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2)
    })
}

/// Runs an app's command line on the process's arguments: writes every
/// stack's template and the manifest to `--output-dir DIR`, and prints the
/// commands that deploy them in order.
///
/// ```no_run
/// # fn app() -> ecsnet_core::app::App { ecsnet_core::app::App::new("todobackend") }
/// fn main() -> std::process::ExitCode {
///     ecsnet_core::cli::app_main(&app())
/// }
/// ```
#[must_use]
pub fn app_main(app: &App) -> ExitCode {
    process(|args, stdout, stderr| run_app(app, args, stdout, stderr))
}

/// Runs an app's command line on `args` (the program's name first): the
/// exit status, 0 on success, 1 when a file cannot be written, 2 on a usage
/// error.
pub fn run_app<A: AsRef<OsStr>>(
    app: &App,
    args: &[A],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let args: Vec<&OsStr> = args.iter().map(AsRef::as_ref).collect();
    let program = args
        .first()
        .and_then(|arg| Path::new(arg).file_name())
        .map_or_else(
            || "app".to_owned(),
            |name| escape(&name.to_string_lossy()).into_owned(),
        );
    let mut output_dir: Option<OsString> = None;
    let mut format = Format::Json;
    let mut rest = args.get(1..).unwrap_or_default().iter();
    let usage_error = |message: String, stderr: &mut dyn Write| {
        let _ = writeln!(stderr, "error: {message}\ntry `{program} --help`");
        USAGE
    };
    while let Some(&arg) = rest.next() {
        match arg.to_str() {
            Some("-h" | "--help") => {
                let text = app_usage(&program);
                return match write_stdout(stdout, text.as_bytes()) {
                    Ok(()) => 0,
                    Err(Failure::Io(message) | Failure::Usage(message)) => {
                        let _ = writeln!(stderr, "error: {message}");
                        IO_ERROR
                    }
                };
            }
            Some("--output-dir" | "-o") => match rest.next() {
                Some(dir) if output_dir.is_none() => output_dir = Some((*dir).to_owned()),
                Some(_) => {
                    return usage_error("`--output-dir` is given more than once".into(), stderr);
                }
                None => return usage_error("`--output-dir` needs a value".into(), stderr),
            },
            Some("--format") => match rest.next().and_then(|f| f.to_str()) {
                Some("json") => format = Format::Json,
                Some("yaml") => format = Format::Yaml,
                _ => return usage_error("`--format` takes `json` or `yaml`".into(), stderr),
            },
            Some("--output") => {
                return usage_error(
                    "an app writes one template per stack: `--output-dir DIR`".into(),
                    stderr,
                );
            }
            _ => {
                let shown = shown(arg);
                let message = match did_you_mean(&shown, ["--output-dir", "--format", "--help"]) {
                    Some(option) => format!("unknown argument `{shown}`; did you mean `{option}`?"),
                    None => format!("unknown argument `{shown}`"),
                };
                return usage_error(message, stderr);
            }
        }
    }
    let Some(dir) = output_dir else {
        return usage_error(
            "an app writes its templates to a directory: `--output-dir DIR`".into(),
            stderr,
        );
    };
    match write_app(app, Path::new(&dir), format) {
        Ok(text) => match write_stdout(stdout, text.as_bytes()) {
            Ok(()) => 0,
            Err(Failure::Io(message) | Failure::Usage(message)) => {
                let _ = writeln!(stderr, "error: {message}");
                IO_ERROR
            }
        },
        Err(message) => {
            let _ = writeln!(stderr, "error: {message}");
            IO_ERROR
        }
    }
}

fn app_usage(program: &str) -> String {
    format!(
        "\
Writes this app's stacks to a directory: one template per stack and
`manifest.json`, which lists the stacks in deployment order with their
parameters, capabilities, exports and imports.

usage: {program} --output-dir DIR [--format json|yaml]

options:
  -o, --output-dir DIR   the directory (created if missing)
      --format FORMAT    the templates' format, `json` (the default) or `yaml`
  -h, --help             print this help
"
    )
}

/// Writes the templates and the manifest; what to print: the files and the
/// commands that deploy the stacks in order.
fn write_app(app: &App, dir: &Path, format: Format) -> Result<String, String> {
    let shown_dir = escape(&dir.display().to_string()).into_owned();
    fs::create_dir_all(dir).map_err(|e| format!("cannot create `{shown_dir}`: {e}"))?;
    let extension = match format {
        Format::Json => "json",
        Format::Yaml => "yaml",
    };
    let mut commands = String::new();
    for stack in &app.stacks {
        let template = (stack.template)();
        let text = match format {
            Format::Json => template.to_json_pretty(),
            Format::Yaml => template.to_yaml(),
        };
        let file = dir.join(format!("{}.{extension}", stack.name));
        let shown_file = escape(&file.display().to_string()).into_owned();
        write_file(&file, text.as_bytes())
            .map_err(|e| format!("cannot write `{shown_file}`: {e}"))?;
        let _ = write!(
            commands,
            "  aws cloudformation deploy --stack-name {} --template-file {shown_file}",
            stack.stack_name
        );
        let capabilities = crate::app::capabilities(&template);
        if !capabilities.is_empty() {
            let _ = write!(commands, " --capabilities {}", capabilities.join(" "));
        }
        let required: Vec<String> = template
            .parameters
            .iter()
            .filter(|(_, p)| p.default.is_none())
            .map(|(name, _)| format!("{name}=…"))
            .collect();
        if !required.is_empty() {
            let _ = write!(commands, " --parameter-overrides {}", required.join(" "));
        }
        commands.push('\n');
    }
    let mut manifest = serde_json::to_string_pretty(&app.manifest(extension))
        .map_err(|e| format!("cannot write the manifest: {e}"))?;
    manifest.push('\n');
    let manifest_file = dir.join("manifest.json");
    write_file(&manifest_file, manifest.as_bytes()).map_err(|e| {
        format!(
            "cannot write `{}`: {e}",
            escape(&manifest_file.display().to_string())
        )
    })?;
    let names: Vec<String> = app
        .stacks
        .iter()
        .map(|s| format!("{}.{extension}", s.name))
        .collect();
    Ok(format!(
        "wrote {} and manifest.json to {shown_dir}\n\ndeploy every stack in order:\n  ecsnet deploy {shown_dir}\n\nor, with the AWS CLI, in this order:\n{commands}",
        names.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::template::{Parameter, Resource};

    fn template() -> Template {
        let mut template = Template::new();
        template.description = Some("Test stack".into());
        template.parameters.insert(
            "VpcId".into(),
            Parameter {
                ty: "AWS::EC2::VPC::Id".into(),
                ..Parameter::default()
            },
        );
        template.parameters.insert(
            "ImageTag".into(),
            Parameter {
                ty: "String".into(),
                default: Some("latest".into()),
                ..Parameter::default()
            },
        );
        template.parameters.insert(
            "Counts".into(),
            Parameter {
                ty: "List<Number>".into(),
                default: Some(vec![Value::Int(1), Value::Int(2)].into()),
                ..Parameter::default()
            },
        );
        let mut bucket = Resource::new("AWS::S3::Bucket");
        bucket
            .properties
            .insert("BucketName".into(), Value::reference("VpcId"));
        template.resources.insert("Bucket".into(), bucket);
        template
    }

    /// Runs the command line; returns the exit status, stdout and stderr.
    fn cli(args: &[&str]) -> (u8, String, String) {
        let args: Vec<String> = std::iter::once("/path/to/todobackend")
            .chain(args.iter().copied())
            .map(str::to_owned)
            .collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&template(), &args, &mut out, &mut err);
        (
            code,
            String::from_utf8(out).expect("utf-8"),
            String::from_utf8(err).expect("utf-8"),
        )
    }

    /// A file in a directory of its own for this test.
    fn temp_file(test: &str, name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ecsnet-cli-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir.join(name)
    }

    fn usage_error(args: &[&str], message: &str) {
        let (code, out, err) = cli(args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(out, "");
        assert_eq!(
            err,
            format!("error: {message}\ntry `todobackend --help`\n"),
            "{args:?}"
        );
    }

    #[test]
    fn prints_pretty_json_by_default() {
        let (code, out, err) = cli(&[]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(out, template().to_json_pretty());
        assert!(out.starts_with("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n"));
    }

    #[test]
    fn formats() {
        assert_eq!(cli(&["--format", "json"]).1, template().to_json_pretty());
        assert_eq!(cli(&["--format=json"]).1, template().to_json_pretty());
        assert_eq!(cli(&["--format", "yaml"]).1, template().to_yaml());
        assert_eq!(cli(&["--format=yaml"]).1, template().to_yaml());
        let (code, out, _) = cli(&["--compact"]);
        assert_eq!(code, 0);
        assert_eq!(out, template().to_json());
        assert_eq!(out.lines().count(), 1);
        assert_eq!(
            cli(&["--compact", "--format", "json"]).1,
            template().to_json()
        );
    }

    #[test]
    fn writes_the_output_file() {
        for (i, args) in [["--output", "yaml"], ["-o", "yaml"], ["--output=", "yaml"]]
            .iter()
            .enumerate()
        {
            let path = temp_file("output", &format!("template-{i}.yaml"));
            let path_text = path.to_str().expect("utf-8 path");
            let args: Vec<String> = if args[0].ends_with('=') {
                vec![format!("{}{path_text}", args[0])]
            } else {
                vec![args[0].to_owned(), path_text.to_owned()]
            };
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.extend(["--format", "yaml"]);
            let (code, out, err) = cli(&args);
            assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""), "{args:?}");
            assert_eq!(
                std::fs::read_to_string(&path).expect("written"),
                template().to_yaml()
            );
        }
    }

    #[test]
    fn an_unwritable_output_file_is_an_io_error() {
        let path = temp_file("unwritable", "missing-dir").join("template.json");
        let (code, out, err) = cli(&["-o", path.to_str().expect("utf-8")]);
        assert_eq!((code, out.as_str()), (1, ""));
        assert!(
            err.starts_with(&format!("error: cannot write `{}`: ", path.display())),
            "{err}"
        );
    }

    #[test]
    fn help_names_the_program() {
        for flag in ["--help", "-h"] {
            let (code, out, err) = cli(&[flag]);
            assert_eq!((code, err.as_str()), (0, ""));
            assert!(
                out.contains(
                    "usage: todobackend [--format json|yaml] [--compact] [--output FILE]\n"
                )
            );
            assert!(out.contains("       todobackend --check-params FILE\n"));
            assert!(out.contains("--check-params FILE"));
        }
        let mut out = Vec::new();
        let args = [String::new(), "--help".to_owned()];
        run(&template(), &args, &mut out, &mut Vec::new());
        assert!(
            String::from_utf8(out)
                .expect("utf-8")
                .contains("usage: stack ")
        );
    }

    #[test]
    fn usage_errors() {
        usage_error(
            &["--fromat", "yaml"],
            "unknown option `--fromat`; did you mean `--format`?",
        );
        usage_error(
            &["--compat"],
            "unknown option `--compat`; did you mean `--compact`?",
        );
        usage_error(&["-x"], "unknown option `-x`");
        usage_error(&["--verbose"], "unknown option `--verbose`");
        usage_error(&["template.json"], "unexpected argument `template.json`");
        usage_error(&["--format"], "`--format` needs a value");
        usage_error(&["--format="], "`--format` needs a value");
        usage_error(
            &["--format", "xml"],
            "invalid format `xml`; expected `json` or `yaml`",
        );
        usage_error(
            &["--format", "\u{1b}[2J"],
            "invalid format `\\u{1b}[2J`; expected `json` or `yaml`",
        );
        usage_error(&["a\u{7}"], "unexpected argument `a\\u{7}`");
        usage_error(&["--\u{1b}"], "unknown option `--\\u{1b}`");
        usage_error(
            &["--format", "JSON"],
            "invalid format `JSON`; expected `json` or `yaml`",
        );
        usage_error(&["-o"], "`-o` needs a value");
        usage_error(&["-o", "--compact"], "`-o` needs a value");
        usage_error(&["--output"], "`--output` needs a value");
        usage_error(&["--check-params"], "`--check-params` needs a value");
        usage_error(&["--compact=yes"], "`--compact` takes no value");
        usage_error(&["--help=me"], "`--help` takes no value");
        usage_error(
            &["--format", "json", "--format", "yaml"],
            "`--format` is given more than once",
        );
        usage_error(
            &["--compact", "--compact"],
            "`--compact` is given more than once",
        );
        usage_error(
            &["-o", "a", "--output", "b"],
            "`--output` is given more than once",
        );
        usage_error(
            &["--compact", "--format", "yaml"],
            "`--compact` applies to JSON only, not to `--format yaml`",
        );
        usage_error(
            &["--check-params", "dev.cfg", "--format", "yaml"],
            "`--check-params` cannot be combined with `--format`",
        );
        usage_error(
            &["--check-params", "dev.cfg", "-o", "x"],
            "`--check-params` cannot be combined with `--output`",
        );
    }

    #[test]
    fn a_lone_dash_is_not_an_option() {
        usage_error(&["-"], "unexpected argument `-`");
    }

    #[test]
    fn check_params_valid() {
        let path = temp_file("valid", "dev.cfg");
        std::fs::write(&path, "# dev\nVpcId=vpc-f8233a80\nImageTag=5fdbe62\n").expect("write");
        let file = path.to_str().expect("utf-8");
        let (code, out, err) = cli(&["--check-params", file]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(
            out,
            format!(
                "{file}: valid; sets 2 of the stack's 3 parameters\n  VpcId=vpc-f8233a80\n  \
                 ImageTag=5fdbe62\n  Counts=1,2 (default)\n"
            )
        );
        let (code, _, _) = cli(&[&format!("--check-params={file}")]);
        assert_eq!(code, 0);
    }

    #[test]
    fn check_params_invalid() {
        let path = temp_file("invalid", "dev.cfg");
        std::fs::write(&path, "VpcID=vpc-f8233a80\nImageTag=a b\nCounts=1,x\n").expect("write");
        let file = path.to_str().expect("utf-8");
        let (code, out, err) = cli(&["--check-params", file]);
        assert_eq!((code, out.as_str()), (2, ""));
        assert_eq!(
            err,
            format!(
                "{file}:1: unknown parameter `VpcID`; did you mean `VpcId`?\n\
                 {file}:2: `ImageTag=a b` contains whitespace, where the shell splits `$(cat …)`, \
                 quotes or not; expected `Key=Value` without spaces\n\
                 {file}:3: Counts=1,x: `x` is not a number; expected an integer or a decimal number \
                 such as `3` or `2.5`\n\
                 {file}: missing value for parameter `VpcId` of type `AWS::EC2::VPC::Id`, which has \
                 no `Default`\n\
                 error: `{file}` does not fit the stack's parameters (4 problems)\n"
            )
        );
    }

    #[test]
    fn check_params_unreadable_file() {
        let path = temp_file("unreadable", "missing.cfg");
        let (code, out, err) = cli(&["--check-params", path.to_str().expect("utf-8")]);
        assert_eq!((code, out.as_str()), (1, ""));
        assert!(
            err.starts_with(&format!("error: cannot read `{}`: ", path.display())),
            "{err}"
        );
    }

    /// The names of the files in a directory, as they are.
    fn dir_entries(dir: &Path) -> Vec<OsString> {
        let mut names: Vec<OsString> = fs::read_dir(dir)
            .expect("read dir")
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_dash_for_output_is_standard_output() {
        for args in [&["-o", "-"][..], &["--output", "-"], &["--output=-"]] {
            let (code, out, err) = cli(args);
            assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
            assert_eq!(out, template().to_json_pretty(), "{args:?}");
        }
        let (code, out, _) = cli(&["--format", "yaml", "-o", "-"]);
        assert_eq!((code, out), (0, template().to_yaml()));
    }

    #[test]
    fn the_output_file_is_replaced_whole_and_no_temporary_file_stays() {
        let path = temp_file("replace", "template.json");
        let dir = path.parent().expect("dir").to_owned();
        fs::write(&path, "previous").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        let (code, out, err) = cli(&["-o", path.to_str().expect("utf-8")]);
        assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            template().to_json_pretty()
        );
        assert_eq!(dir_entries(&dir), [OsString::from("template.json")]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&path).expect("metadata").permissions().mode();
            assert_eq!(mode & 0o777, 0o640, "the file keeps its permissions");
        }
    }

    #[cfg(unix)]
    #[test]
    fn an_output_file_behind_a_symbolic_link_is_replaced_not_the_link() {
        let target = temp_file("symlink", "target.json");
        let link = target.with_file_name("link.json");
        fs::write(&target, "previous").expect("write");
        let _ = fs::remove_file(&link);
        std::os::unix::fs::symlink("target.json", &link).expect("symlink");
        let (code, _, err) = cli(&["-o", link.to_str().expect("utf-8")]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert!(fs::symlink_metadata(&link).expect("link").is_symlink());
        assert_eq!(
            fs::read_to_string(&target).expect("read"),
            template().to_json_pretty()
        );
    }

    #[cfg(unix)]
    #[test]
    fn file_names_that_are_not_utf8_are_used_as_they_are() {
        use std::os::unix::ffi::{OsStrExt as _, OsStringExt as _};
        let dir = temp_file("non-utf8", "x").parent().expect("dir").to_owned();
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("dir");
        let name = OsString::from_vec(b"t\xff\x1b.json".to_vec());
        let path = dir.join(&name);
        for output in [
            vec![OsString::from("-o"), path.clone().into_os_string()],
            vec![OsString::from_vec(
                [b"--output=", path.as_os_str().as_bytes()].concat(),
            )],
        ] {
            let _ = fs::remove_file(&path);
            let mut args = vec![OsString::from("stack")];
            args.extend(output);
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let code = run(&template(), &args, &mut out, &mut err);
            assert_eq!(
                (code, out.as_slice(), err.as_slice()),
                (0, &[][..], &[][..])
            );
            assert_eq!(dir_entries(&dir), std::slice::from_ref(&name), "{args:?}");
            assert_eq!(
                fs::read_to_string(&path).expect("read"),
                template().to_json_pretty()
            );
        }
        // `--check-params` reads such a file, and shows its name escaped.
        fs::write(&path, "VpcId=vpc-f8233a80\n").expect("write");
        let args = [
            OsString::from("stack"),
            "--check-params".into(),
            path.into(),
        ];
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&template(), &args, &mut out, &mut err);
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
        let out = String::from_utf8(out).expect("utf-8");
        assert!(
            out.starts_with(&format!(
                "{}/t\u{fffd}\\u{{1b}}.json: valid; ",
                dir.display()
            )),
            "{out}"
        );
        // An option's value that is not UTF-8 is quoted lossily, and escaped.
        let args = [
            OsString::from("stack"),
            "--format".into(),
            OsString::from_vec(b"\xffyaml".to_vec()),
        ];
        let mut err = Vec::new();
        assert_eq!(run(&template(), &args, &mut Vec::new(), &mut err), 2);
        assert_eq!(
            String::from_utf8(err).expect("utf-8"),
            "error: invalid format `\u{fffd}yaml`; expected `json` or `yaml`\n\
             try `stack --help`\n"
        );
    }

    #[test]
    fn a_parameter_file_over_1_mib_is_refused() {
        let path = temp_file("too-large", "dev.cfg");
        let file = path.to_str().expect("utf-8");
        // Exactly at the limit: accepted.
        let line = "VpcId=vpc-f8233a80\n";
        let padding = usize::try_from(MAX_PARAMS_FILE).expect("small") - line.len() - 1;
        fs::write(&path, format!("{line}{}\n", "#".repeat(padding))).expect("write");
        assert_eq!(
            fs::metadata(&path).expect("metadata").len(),
            MAX_PARAMS_FILE
        );
        let (code, _, err) = cli(&["--check-params", file]);
        assert_eq!((code, err.as_str()), (0, ""));
        // One byte more, or a sparse file of 100 MiB, is refused unread.
        for len in [MAX_PARAMS_FILE + 1, 100 * MAX_PARAMS_FILE] {
            File::options()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_len(len))
                .expect("set_len");
            let (code, out, err) = cli(&["--check-params", file]);
            assert_eq!((code, out.as_str()), (2, ""));
            assert_eq!(
                err,
                format!(
                    "error: `{file}` is larger than 1 MiB; expected a parameter file, which for \
                     CloudFormation's at most 200 parameters of at most 4,096 bytes each is \
                     smaller\n"
                )
            );
        }
        fs::remove_file(&path).expect("remove");
    }

    #[test]
    fn a_source_of_unknown_size_is_read_only_up_to_the_limit() {
        /// An endless source of `#`, which fails once read much too far.
        struct Endless(u64);
        impl Read for Endless {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0 > 4 * MAX_PARAMS_FILE {
                    return Err(io::Error::other("read too far"));
                }
                buf.fill(b'#');
                self.0 += buf.len() as u64;
                Ok(buf.len())
            }
        }
        let mut source = Endless(0);
        assert!(
            read_at_most(&mut source, MAX_PARAMS_FILE)
                .expect("read")
                .is_none()
        );
        assert_eq!(source.0, MAX_PARAMS_FILE + 1);
        let bytes = read_at_most(&b"A=1\n"[..], MAX_PARAMS_FILE).expect("read");
        assert_eq!(bytes.as_deref(), Some(&b"A=1\n"[..]));
        assert_eq!(read_at_most(&b"12345"[..], 4).expect("read"), None);
        assert_eq!(
            read_at_most(&b"1234"[..], 4).expect("read"),
            Some(b"1234".to_vec())
        );
    }

    #[test]
    fn check_params_escapes_what_it_echoes() {
        let path = temp_file("escapes", "dev\u{1b}[2J.cfg");
        fs::write(&path, "VpcId=vpc-f8233a80\nImageTag=\u{1b}[31mred\u{7}\n").expect("write");
        let file = path.to_str().expect("utf-8");
        let shown = file.replace('\u{1b}', "\\u{1b}");
        let (code, out, err) = cli(&["--check-params", file]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(
            out,
            format!(
                "{shown}: valid; sets 2 of the stack's 3 parameters\n  VpcId=vpc-f8233a80\n  \
                 ImageTag=\\u{{1b}}[31mred\\u{{7}}\n  Counts=1,2 (default)\n"
            )
        );
        fs::write(&path, "VpcId=\u{1b}]0;x\u{7}\n").expect("write");
        let (code, _, err) = cli(&["--check-params", file]);
        assert_eq!(code, 2);
        assert!(
            !err.contains(|c: char| c != '\n' && c.is_control()),
            "{err:?}"
        );
        assert!(err.contains("\\u{1b}]0;x\\u{7}"), "{err}");
    }

    #[test]
    fn a_broken_stdout_is_an_io_error() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut err = Vec::new();
        let code = run(&template(), &["stack".to_owned()], &mut Broken, &mut err);
        assert_eq!(code, 1);
        assert!(
            String::from_utf8(err)
                .expect("utf-8")
                .starts_with("error: cannot write to standard output: ")
        );
    }
}
