//! In-process fuzzing of `#[stack]`: the macro promises that any input
//! gives either a template or a compile error inside the input; never a
//! panic, a hang or a crash. This harness feeds it mutants of every passing
//! UI test and example and checks that promise, case by case:
//!
//! - no panic;
//! - bounded work, counted in units of `crate::diag::step` rather than
//!   timed, so the bound holds on any machine ([`checks::STEP_BOUND`]);
//! - bounded recursion: every case runs on a thread with a 2 MiB stack, a
//!   quarter of the 8 MiB rustc gives a proc macro ([`CASE_STACK`]), so deep
//!   recursion crashes this test (naming the case) before it can crash a
//!   user's rustc;
//! - every `compile_error!` of the expansion points inside the input, not
//!   at the call site or elsewhere;
//! - the expansion parses as Rust items;
//! - a stack accepted without error has valid logical ids, a resource, no
//!   key twice in an object, finite numbers and plain parameter defaults.
//!
//! `cargo test -p ecsnet-macros fuzz` runs 20,000 cases from a fixed seed.
//! Longer runs, replays and samples for a real compiler are set by
//! environment variables, read in [`Config::from_env`] (see the book's
//! "Reliability" page).

mod checks;
mod corpus;
mod known;
mod mutate;
mod rng;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use checks::{Evaluation, Finding, Kind};
use corpus::Seed;
use mutate::Mutant;
use rng::Rng;

/// Cases of the default run.
const DEFAULT_CASES: u64 = 20_000;
/// The default run's seed.
const DEFAULT_SEED: u64 = 0x00EC_5E7F_0022;
/// The stack each case runs on (see the module documentation): a quarter
/// of rustc's 8 MiB. The harness runs in the dev profile, as the macro does
/// inside rustc: an optimized build takes a quarter to a tenth of the stack
/// per level of nesting, and would hide what rustc runs into.
const CASE_STACK: usize = 2 << 20;
/// The stack of the threads that build cases: generous, as building a case
/// nests as deep as the case (3,000 brackets at most); only what is used is
/// ever committed.
const LANE_STACK: usize = 256 << 20;
/// How many accepted mutants `ECSNET_FUZZ_SAMPLE_DIR` receives.
const SAMPLES: usize = 20;
/// A case still running after this long is reported and the run stopped:
/// a safety net so a hang fails CI at once instead of at its time limit.
/// The check itself is the step bound; this never decides a pass.
const WATCHDOG: Duration = Duration::from_mins(5);

/// A run's settings, from the environment.
struct Config {
    cases: u64,
    seed: u64,
    threads: usize,
    /// Replay this case alone, printing its input and result.
    only: Option<u64>,
    /// With `only`: shrink the input while it shows the same finding.
    minimize: bool,
    sample_dir: Option<std::path::PathBuf>,
}

impl Config {
    /// `ECSNET_FUZZ_CASES` (20,000), `ECSNET_FUZZ_SEED` (decimal or 0x…),
    /// `ECSNET_FUZZ_THREADS` (the cores), `ECSNET_FUZZ_CASE` (replay one),
    /// `ECSNET_FUZZ_MINIMIZE=1` (shrink the replayed case),
    /// `ECSNET_FUZZ_SAMPLE_DIR` (write accepted mutants as programs).
    #[allow(
        clippy::disallowed_methods,
        reason = "test code: the harness's settings, never read during an expansion"
    )]
    fn from_env() -> Config {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let number = |name: &str| {
            var(name).map(|text| {
                let parsed = match text.strip_prefix("0x") {
                    Some(hex) => u64::from_str_radix(hex, 16),
                    None => text.parse(),
                };
                parsed.unwrap_or_else(|_| panic!("{name}={text} is not a number"))
            })
        };
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Config {
            cases: number("ECSNET_FUZZ_CASES").unwrap_or(DEFAULT_CASES),
            seed: number("ECSNET_FUZZ_SEED").unwrap_or(DEFAULT_SEED),
            threads: number("ECSNET_FUZZ_THREADS")
                .map_or(cores, |n| usize::try_from(n).expect("a thread count"))
                .max(1),
            only: number("ECSNET_FUZZ_CASE"),
            minimize: var("ECSNET_FUZZ_MINIMIZE").is_some(),
            sample_dir: var("ECSNET_FUZZ_SAMPLE_DIR").map(Into::into),
        }
    }
}

/// What became of one case.
enum Outcome {
    /// The mutant is no input rustc would pass to the macro: an empty item
    /// (every token deleted), or text that does not lex.
    Unlexable,
    /// A known defect's input that cannot run yet (see [`known::KNOWN`]).
    Skipped(&'static str),
    Ran(Evaluation),
}

struct Case {
    number: u64,
    /// How long the case took; reported for the slowest, never checked.
    took: Duration,
    seed: usize,
    mutations: Vec<&'static str>,
    args: String,
    item: String,
    outcome: Outcome,
}

impl Case {
    fn input(&self) -> String {
        format!("#[stack({})]\n{}", self.args, self.item)
    }
}

/// The seeds' indices, weighted by the cost of a case: a small seed four
/// times, a large example (ten times as long to expand, and with most of
/// its declarations in common with the others) once, and a seed of more
/// than 20,000 tokens (a test of long literals: seconds per expansion in a
/// debug build) never; [`seeds_expand_cleanly`] still expands it.
fn weighted(seeds: &[Mutant]) -> Vec<usize> {
    (0..seeds.len())
        .flat_map(|i| {
            let weight = match seeds[i].item_size() {
                0..1000 => 4,
                1000..20_000 => 1,
                _ => 0,
            };
            std::iter::repeat_n(i, weight)
        })
        .collect()
}

/// Builds case `number` of a run: a seed with one to four mutations.
fn generate(seeds: &[Mutant], run_seed: u64, number: u64) -> (usize, Vec<&'static str>, Mutant) {
    let mut rng = Rng::for_case(run_seed, number);
    let seed = *rng.pick(&weighted(seeds));
    let donor = rng.pick(seeds);
    let mut mutant = seeds[seed].clone();
    // Mostly one or two mutations: more, and nearly every mutant is
    // rejected by the first rule it breaks.
    let count = match rng.below(8) {
        0..4 => 1,
        4..6 => 2,
        6 => 3,
        _ => 4,
    };
    let mutations = mutant.mutate(donor, &mut rng, count);
    (seed, mutations, mutant)
}

/// Runs a mutant on a case thread, unless a known defect says it cannot
/// run yet. Called on a lane thread, whose big stack can hold the mutant.
fn run_mutant(mutant: &Mutant, thread_name: String) -> (String, String, Outcome) {
    let (args, item) = (mutant.args_text(), mutant.item_text());
    let outcome = if mutant.item.is_empty() {
        Outcome::Unlexable
    } else if let Some(known) = known::skipped(&mutant.args, &mutant.item) {
        Outcome::Skipped(known.name)
    } else {
        let (args, item) = (args.clone(), item.clone());
        on_case_thread(thread_name, move || match checks::evaluate(&args, &item) {
            Ok(evaluation) => Outcome::Ran(evaluation),
            Err(_) => Outcome::Unlexable,
        })
    };
    (args, item, outcome)
}

/// Runs `f` on a fresh thread with the small stack, named after the case
/// so a stack overflow's abort message says which case it was. A fresh
/// thread also starts with an empty map of spans (proc-macro2 keeps one per
/// thread), so positions are those of this case's text.
fn on_case_thread<T: Send + 'static>(name: String, f: impl FnOnce() -> T + Send + 'static) -> T {
    on_thread(name, CASE_STACK, f)
}

fn on_thread<T: Send + 'static>(
    name: String,
    stack: usize,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    std::thread::Builder::new()
        .name(name)
        .stack_size(stack)
        .spawn(f)
        .expect("spawn a thread")
        .join()
        .unwrap_or_else(|_| panic!("the harness itself panicked (see above)"))
}

/// The seeds as token trees, for one lane.
fn parse_seeds(seeds: &[Seed]) -> Vec<Mutant> {
    seeds
        .iter()
        .map(|seed| Mutant::parse(&seed.args, &seed.item))
        .collect()
}

fn run_case(seeds: &[Mutant], run_seed: u64, number: u64) -> Case {
    // The lane's spans are never looked up: keep its span map small.
    proc_macro2::extra::invalidate_current_thread_spans();
    let start = Instant::now();
    let (seed, mutations, mutant) = generate(seeds, run_seed, number);
    let (args, item, outcome) =
        run_mutant(&mutant, format!("fuzz case {number} of seed {run_seed:#x}"));
    Case {
        number,
        took: start.elapsed(),
        seed,
        mutations,
        args,
        item,
        outcome,
    }
}

/// The harness's panic hook: quiet in the macro (the panic is a finding,
/// reported with its case), the previous hook everywhere else.
struct QuietPanics {
    previous: Arc<dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync>,
}

static HOOK: Mutex<()> = Mutex::new(());

impl QuietPanics {
    fn install() -> QuietPanics {
        let previous: Arc<dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync> =
            Arc::from(std::panic::take_hook());
        let chained = Arc::clone(&previous);
        std::panic::set_hook(Box::new(move |info| {
            if checks::IN_MACRO.get() {
                let location = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                checks::PANIC_LOCATION.with(|l| *l.borrow_mut() = Some(location));
            } else {
                chained(info);
            }
        }));
        QuietPanics { previous }
    }
}

impl Drop for QuietPanics {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return; // The hook cannot change now; the test fails anyway.
        }
        let previous = Arc::clone(&self.previous);
        std::panic::set_hook(Box::new(move |info| previous(info)));
    }
}

/// What a lane is running: a case number and its start.
type Lane = Option<(u64, Instant)>;

/// The result of a run, in case order.
struct Run {
    cases: Vec<Case>,
    elapsed: Duration,
}

fn run(config: &Config, seeds: &Arc<Vec<Seed>>) -> Run {
    let next = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    // Per lane: the case it runs and since when.
    let running: Arc<Mutex<Vec<Lane>>> = Arc::new(Mutex::new(vec![None; config.threads]));
    let start = Instant::now();
    let watchdog = {
        let (done, running, seed) = (Arc::clone(&done), Arc::clone(&running), config.seed);
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(200));
                let lanes = running.lock().expect("not poisoned").clone();
                for (number, since) in lanes.into_iter().flatten() {
                    if since.elapsed() > WATCHDOG {
                        eprintln!(
                            "fuzz case {number} of seed {seed:#x} has run for {} s: a hang.\n\
                             Replay: ECSNET_FUZZ_SEED={seed:#x} ECSNET_FUZZ_CASE={number} \
                             cargo test -p ecsnet-macros --lib fuzz::replay -- --ignored --nocapture",
                            WATCHDOG.as_secs()
                        );
                        std::process::exit(1);
                    }
                }
            }
        })
    };
    let lanes: Vec<_> = (0..config.threads)
        .map(|lane| {
            let (next, running, seeds) =
                (Arc::clone(&next), Arc::clone(&running), Arc::clone(seeds));
            let (cases, seed) = (config.cases, config.seed);
            std::thread::Builder::new()
                .name(format!("fuzz lane {lane}"))
                .stack_size(LANE_STACK)
                .spawn(move || {
                    let seeds = parse_seeds(&seeds);
                    let mut out = Vec::new();
                    loop {
                        let number = next.fetch_add(1, Ordering::Relaxed);
                        if number >= cases {
                            break;
                        }
                        running.lock().expect("not poisoned")[lane] =
                            Some((number, Instant::now()));
                        out.push(run_case(&seeds, seed, number));
                    }
                    running.lock().expect("not poisoned")[lane] = None;
                    out
                })
                .expect("spawn a lane")
        })
        .collect();
    let mut cases: Vec<Case> = lanes
        .into_iter()
        .flat_map(|lane| lane.join().expect("a lane of the harness panicked"))
        .collect();
    let elapsed = start.elapsed();
    done.store(true, Ordering::Relaxed);
    watchdog.join().expect("the watchdog does not panic");
    cases.sort_by_key(|case| case.number);
    Run { cases, elapsed }
}

/// Counts of a run, and its findings split into known and new.
#[derive(Default)]
struct Summary {
    accepted: u64,
    rejected: u64,
    unlexable: u64,
    skipped: BTreeMap<&'static str, u64>,
    known: BTreeMap<&'static str, (u64, u64)>,
    new: Vec<(u64, Finding)>,
    new_by_kind: BTreeMap<Kind, u64>,
    most_steps: u64,
    mutations: BTreeMap<&'static str, u64>,
}

fn summarise(cases: &[Case]) -> Summary {
    let mut summary = Summary::default();
    for case in cases {
        for mutation in &case.mutations {
            *summary.mutations.entry(mutation).or_default() += 1;
        }
        let evaluation = match &case.outcome {
            Outcome::Unlexable => {
                summary.unlexable += 1;
                continue;
            }
            Outcome::Skipped(name) => {
                *summary.skipped.entry(name).or_default() += 1;
                continue;
            }
            Outcome::Ran(evaluation) => evaluation,
        };
        summary.most_steps = summary.most_steps.max(evaluation.steps);
        if evaluation.errors > 0 {
            summary.rejected += 1;
        } else {
            summary.accepted += 1;
        }
        for finding in &evaluation.findings {
            if let Some(known) = known::matching(finding) {
                summary
                    .known
                    .entry(known.name)
                    .or_insert((0, case.number))
                    .0 += 1;
            } else {
                *summary.new_by_kind.entry(finding.kind).or_default() += 1;
                summary.new.push((case.number, finding.clone()));
            }
        }
    }
    summary
}

fn report(config: &Config, run: &Run, summary: &Summary) -> String {
    let mut out = String::new();
    let seconds = run.elapsed.as_secs_f64();
    #[allow(
        clippy::cast_precision_loss,
        reason = "a rate for people to read; exact below 2^52 cases"
    )]
    let rate = run.cases.len() as f64 / seconds.max(f64::EPSILON);
    let _ = writeln!(
        out,
        "fuzz: {} cases from seed {:#x} in {seconds:.1} s on {} threads: {rate:.0} cases/s",
        run.cases.len(),
        config.seed,
        config.threads
    );
    let _ = writeln!(
        out,
        "  accepted {}, rejected with errors {}, impossible inputs {}, most work {} of {} units",
        summary.accepted,
        summary.rejected,
        summary.unlexable,
        summary.most_steps,
        checks::STEP_BOUND
    );
    for (name, count) in &summary.skipped {
        let _ = writeln!(out, "  skipped, known defect `{name}`: {count}");
    }
    for (name, (count, first)) in &summary.known {
        let _ = writeln!(
            out,
            "  found, known defect `{name}`: {count} (first in case {first})"
        );
    }
    for (kind, count) in &summary.new_by_kind {
        let _ = writeln!(out, "  NEW: {kind}: {count}");
    }
    let mutations: Vec<String> = summary
        .mutations
        .iter()
        .map(|(name, count)| format!("{name} {count}"))
        .collect();
    let _ = writeln!(out, "  mutations applied: {}", mutations.join(", "));
    let mut slowest: Vec<&Case> = run.cases.iter().collect();
    slowest.sort_by_key(|case| std::cmp::Reverse(case.took));
    let slowest: Vec<String> = slowest
        .iter()
        .take(5)
        .map(|case| {
            let steps = match &case.outcome {
                Outcome::Ran(evaluation) => evaluation.steps,
                _ => 0,
            };
            format!(
                "case {} {} ms ({steps} units)",
                case.number,
                case.took.as_millis()
            )
        })
        .collect();
    let _ = writeln!(out, "  slowest: {}", slowest.join(", "));
    out
}

/// The first case of each new finding's kind and message start, with its
/// input and how to replay it.
fn describe_new(config: &Config, seeds: &[Seed], run: &Run, summary: &Summary) -> String {
    let mut out = String::new();
    let mut shown: Vec<&Finding> = Vec::new();
    for (number, finding) in &summary.new {
        if shown.iter().any(|f| same_defect(f, finding)) || shown.len() >= 12 {
            continue;
        }
        shown.push(finding);
        let case = &run.cases[usize::try_from(*number).expect("a case index")];
        let mut input = case.input();
        if input.len() > 3000 {
            input = format!(
                "{}… ({} more bytes)",
                &input[..input.floor_char_boundary(3000)],
                input.len() - 3000
            );
        }
        let _ = writeln!(
            out,
            "\n{}: {}\n  case {number}, from {} with {}\n  replay: ECSNET_FUZZ_SEED={:#x} ECSNET_FUZZ_CASE={number} ECSNET_FUZZ_MINIMIZE=1 cargo test -p ecsnet-macros --lib fuzz::replay -- --ignored --nocapture\n{input}",
            finding.kind,
            finding.message,
            seeds[case.seed].path,
            case.mutations.join(", "),
            config.seed,
        );
    }
    out
}

/// Whether a stack module holds nothing but declarations: unit structs
/// with ecsnet's attributes and doc comments. A mutant that renamed an
/// attribute (`#[VpcId(…)]`) is accepted by the macro, which leaves other
/// attributes alone, and then rejected by rustc inside the input, as it
/// should be; it is no sample of what the macro accepts.
fn only_declarations(item: &str) -> bool {
    const ATTRIBUTES: &[&str] = &[
        "doc",
        "parameter",
        "resource",
        "output",
        "repeat",
        "depends_on",
        "metadata",
        "creation_policy",
        "update_policy",
        "deletion_policy",
        "update_replace_policy",
        "acknowledge",
    ];
    let Ok(module) = syn::parse_str::<syn::ItemMod>(item) else {
        return false;
    };
    let Some((_, items)) = &module.content else {
        return false;
    };
    let plain = |a: &syn::Attribute| match &a.meta {
        // rustc wants a literal after `=`; a string, for a doc comment.
        syn::Meta::NameValue(doc) => {
            a.path().is_ident("doc")
                && matches!(
                    &doc.value,
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(_),
                        ..
                    })
                )
        }
        // `#[doc(…)]` is rustc's to refuse, not a declaration.
        _ => a
            .path()
            .get_ident()
            .is_some_and(|name| name != "doc" && ATTRIBUTES.iter().any(|known| name == known)),
    };
    module.attrs.iter().all(plain)
        && items.iter().all(|item| match item {
            syn::Item::Struct(s) => s.attrs.iter().all(plain),
            _ => false,
        })
}

/// A program that prints a stack's template with ecsnet's command line.
fn program(comment: &str, args: &str, item: &str, name: &str) -> String {
    format!(
        "//! {comment}\n\
         #![allow(dead_code, reason = \"the declarations are read by the macro only\")]\n\
         use ecsnet::prelude::*;\n\n#[stack({args})]\n{item}\n\n\
         fn main() -> std::process::ExitCode {{\n    ecsnet::cli::main(&{name}::template())\n}}\n"
    )
}

/// Writes, for `tests/fuzz-sample.sh` to compile, run and lint: every seed
/// of `tests/ui-pass` unchanged, and accepted mutants: the first of each
/// seed, then further ones, up to [`SAMPLES`].
fn write_samples(dir: &std::path::Path, seeds: &[Seed], cases: &[Case]) {
    // A seed whose first line says cfn-lint disagrees by design (a type
    // outside the registry, a value newer than cfn-lint's lists) is no
    // sample for cfn-lint, and neither are its mutants.
    let linted: Vec<bool> = seeds
        .iter()
        .map(|seed| {
            std::fs::read_to_string(corpus::workspace_root().join(&seed.path)).map_or(
                true,
                |text| {
                    !text
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .contains("cfn-lint disagrees by design")
                },
            )
        })
        .collect();
    let accepted: Vec<(&Case, &str)> = cases
        .iter()
        .filter(|case| linted[case.seed])
        .filter_map(|case| match &case.outcome {
            Outcome::Ran(Evaluation {
                accepted: Some((name, true)),
                findings,
                ..
            }) if findings.is_empty()
                && !case.mutations.is_empty()
                && only_declarations(&case.item) =>
            {
                Some((case, name.as_str()))
            }
            _ => None,
        })
        .collect();
    let mut chosen: Vec<(&Case, &str)> = Vec::new();
    for seed in 0..seeds.len() {
        if let Some(first) = accepted.iter().find(|(case, _)| case.seed == seed) {
            chosen.push(*first);
        }
    }
    for candidate in &accepted {
        if chosen.len() >= SAMPLES {
            break;
        }
        if !chosen
            .iter()
            .any(|(case, _)| case.number == candidate.0.number)
        {
            chosen.push(*candidate);
        }
    }
    chosen.truncate(SAMPLES);
    chosen.sort_by_key(|(case, _)| case.number);
    std::fs::create_dir_all(dir).expect("create the sample directory");
    for (case, name) in chosen {
        let comment = format!(
            "Fuzz case {} (from {}; {}), accepted by `#[stack]`.",
            case.number,
            seeds[case.seed].path,
            case.mutations.join(", ")
        );
        let file = dir.join(format!("case_{}.rs", case.number));
        let text = program(&comment, &case.args, &case.item, name);
        std::fs::write(&file, text).expect("write a sample");
    }
    for (index, seed) in seeds.iter().enumerate() {
        if !seed.path.starts_with("tests/ui-pass/") || !linted[index] {
            continue; // CI lints the examples' templates already.
        }
        let Ok(module) = syn::parse_str::<syn::ItemMod>(&seed.item) else {
            continue;
        };
        let comment = format!("Seed {}, unchanged.", seed.path);
        let file = dir.join(format!("seed_{index}.rs"));
        let text = program(&comment, &seed.args, &seed.item, &module.ident.to_string());
        std::fs::write(&file, text).expect("write a sample");
    }
}

fn load_seeds() -> Arc<Vec<Seed>> {
    let seeds = corpus::load();
    assert!(seeds.len() >= 10, "found only {} seeds", seeds.len());
    Arc::new(seeds)
}

/// The default run (and, with `ECSNET_FUZZ_CASES`, a longer one).
#[test]
fn fuzz_stack_macro() {
    let config = Config::from_env();
    if config.only.is_some() {
        return; // `replay` runs it.
    }
    let seeds = load_seeds();
    let run = {
        let _lock = HOOK
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let _quiet = QuietPanics::install();
        run(&config, &seeds)
    };
    let summary = summarise(&run.cases);
    println!("{}", report(&config, &run, &summary));
    if let Some(dir) = &config.sample_dir {
        write_samples(dir, &seeds, &run.cases);
    }
    assert!(
        summary.new.is_empty(),
        "the fuzz harness found new defects:\n{}{}",
        report(&config, &run, &summary),
        describe_new(&config, &seeds, &run, &summary)
    );
    assert!(
        summary.accepted > config.cases / 50 && summary.rejected > config.cases / 50,
        "the mutants should be a mix of accepted and rejected stacks"
    );
}

/// `ECSNET_FUZZ_CASE=N`: replays one case, printing its input and result;
/// with `ECSNET_FUZZ_MINIMIZE=1`, shrinks it while its first finding stays.
#[test]
#[ignore = "a tool: replays the case ECSNET_FUZZ_CASE names"]
fn replay() {
    let config = Config::from_env();
    let number = config
        .only
        .expect("ECSNET_FUZZ_CASE names the case to replay");
    let seeds = load_seeds();
    let _lock = HOOK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let quiet = QuietPanics::install();
    on_thread("fuzz replay".to_owned(), LANE_STACK, move || {
        let parsed = parse_seeds(&seeds);
        let (seed, mutations, mutant) = generate(&parsed, config.seed, number);
        println!(
            "case {number}: from {} with {}",
            seeds[seed].path,
            mutations.join(", ")
        );
        println!("#[stack({})]\n{}", mutant.args_text(), mutant.item_text());
        let (args, item, outcome) = run_mutant(
            &mutant,
            format!("fuzz case {number} of seed {:#x}", config.seed),
        );
        let Outcome::Ran(evaluation) = outcome else {
            println!("(not run: unlexable, or a known defect's input)");
            return;
        };
        println!(
            "{} errors, {} units of work",
            evaluation.errors, evaluation.steps
        );
        for finding in &evaluation.findings {
            println!("{}: {}", finding.kind, finding.message);
        }
        if let (true, Some(first)) = (config.minimize, evaluation.findings.first()) {
            let smallest = minimize(&args, &item, first);
            println!(
                "\nminimized:\n#[stack({})]\n{}",
                smallest.args_text(),
                smallest.item_text()
            );
        }
    });
    drop(quiet);
}

/// Whether a finding is the same defect as another: same kind, same message
/// up to the first name quoted in it.
fn same_defect(a: &Finding, b: &Finding) -> bool {
    let stem = |f: &Finding| {
        let message = f.message.split(" (at ").next().unwrap_or_default();
        message.split('`').next().unwrap_or_default().to_owned()
    };
    a.kind == b.kind && stem(a) == stem(b)
}

/// Greedy shrinking: removes nodes, then unwraps groups, depth by depth,
/// keeping every change after which the input still shows the finding.
fn minimize(args: &str, item: &str, finding: &Finding) -> Mutant {
    let shows = |mutant: &Mutant| {
        let finding = finding.clone();
        let args = mutant.args_text();
        let item = mutant.item_text();
        if known::skipped(&mutant.args, &mutant.item).is_some() {
            return false;
        }
        on_case_thread("fuzz case (minimizing)".to_owned(), move || {
            matches!(
                checks::evaluate(&args, &item),
                Ok(e) if e.findings.iter().any(|f| same_defect(f, &finding))
            )
        })
    };
    let mut mutant = Mutant::parse(args, item);
    for _ in 0..4 {
        let before = mutant.args_text() + &mutant.item_text();
        for depth in 1.. {
            let mut paths = Vec::new();
            mutate::paths_at_depth(&mutant, depth, &mut paths);
            if paths.is_empty() {
                break;
            }
            for path in paths.into_iter().rev() {
                if !mutant.has(&path) {
                    continue; // Gone with an item removed after it.
                }
                for edit in [
                    mutate::Edit::RemoveThroughSemicolon,
                    mutate::Edit::RemoveThroughComma,
                    mutate::Edit::Remove,
                    mutate::Edit::Unwrap,
                    mutate::Edit::Empty,
                ] {
                    let mut smaller = mutant.clone();
                    if smaller.edit(&path, edit) && shows(&smaller) {
                        mutant = smaller;
                        break;
                    }
                }
            }
        }
        if mutant.args_text() + &mutant.item_text() == before {
            break;
        }
    }
    mutant
}

/// Every seed, unchanged: no error, no finding, and (with the file's own
/// spans) a clean model.
#[test]
fn seeds_expand_cleanly() {
    let _lock = HOOK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let _quiet = QuietPanics::install();
    for path in corpus::seed_files() {
        let name = path.display().to_string();
        let problems = on_case_thread(format!("fuzz case (seed {name})"), move || {
            let text = std::fs::read_to_string(&path).expect("seed is readable");
            let file = syn::parse_file(&text).expect("seed parses");
            let mut problems = Vec::new();
            for (args, item) in corpus::stack_modules(&file) {
                let first = item.clone().into_iter().next().expect("a module");
                let files = [(first.span().file(), text.as_str())];
                let evaluation = checks::evaluate_tokens(args, &item, &files);
                if evaluation.errors > 0 || evaluation.accepted.is_none() {
                    problems.push(format!("{} errors", evaluation.errors));
                }
                problems.extend(
                    evaluation
                        .findings
                        .iter()
                        .map(|f| format!("{}: {}", f.kind, f.message)),
                );
            }
            problems
        });
        assert!(problems.is_empty(), "seed {name}: {problems:?}");
    }
}

/// Whether a known defect's reproducer still overflows the cases' stack:
/// run in a child process (this test binary, running [`known_overflow_probe`]),
/// since an overflow aborts the whole process.
fn overflows_in_child(name: &str) -> bool {
    let output = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "fuzz::known_overflow_probe",
            "--exact",
            "--ignored",
            "--nocapture",
        ])
        .env("ECSNET_FUZZ_KNOWN", name)
        .output()
        .expect("run the test binary again");
    let stderr = String::from_utf8_lossy(&output.stderr);
    !output.status.success() && stderr.contains("has overflowed its stack")
}

/// Runs the reproducer named by `ECSNET_FUZZ_KNOWN` on a case thread; for
/// `known_defects_still_reproduce`, in a child process.
#[test]
#[ignore = "run by known_defects_still_reproduce in a child process"]
#[allow(
    clippy::disallowed_methods,
    reason = "test code: which reproducer to run, never read during an expansion"
)]
fn known_overflow_probe() {
    let name = std::env::var("ECSNET_FUZZ_KNOWN").expect("ECSNET_FUZZ_KNOWN names a known defect");
    let known = known::KNOWN
        .iter()
        .find(|k| k.name == name)
        .expect("a known defect of that name");
    let (args, item) = (known.reproducer)();
    let errors = on_case_thread(format!("fuzz case (known {name})"), move || {
        checks::evaluate(&args, &item).map(|e| e.errors).ok()
    });
    println!("`{name}` ran without overflowing the stack: {errors:?} errors");
}

/// Each known defect's reproducer still shows it: once it does not, the
/// defect is fixed and its entry comes out of [`known::KNOWN`].
#[test]
fn known_defects_still_reproduce() {
    let _lock = HOOK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let quiet = QuietPanics::install();
    let mut stale = Vec::new();
    for known in known::KNOWN {
        let (args, item) = (known.reproducer)();
        let reproduces = match known.signature {
            known::Signature::Finding(..) => {
                on_case_thread(format!("fuzz case (known {})", known.name), move || {
                    let evaluation = checks::evaluate(&args, &item).expect("reproducers lex");
                    evaluation
                        .findings
                        .iter()
                        .any(|f| known::matching(f).is_some_and(|k| k.name == known.name))
                })
            }
            known::Signature::Input(test, probe) => {
                let name = known.name;
                let skips = on_thread(format!("fuzz (known {name})"), LANE_STACK, move || {
                    let m = Mutant::parse(&args, &item);
                    test(&m.args, &m.item)
                });
                assert!(skips, "the reproducer of `{name}` is not an input it skips");
                match probe {
                    known::Probe::StackOverflow => overflows_in_child(name),
                    known::Probe::FixedWith(other) => !stale
                        .iter()
                        .any(|s: &String| s.contains(&format!("`{other}`"))),
                }
            }
        };
        if !reproduces {
            stale.push(format!("`{}` ({})", known.name, known.defect));
        }
    }
    drop(quiet);
    assert!(
        stale.is_empty(),
        "known defects that no longer reproduce; remove them from KNOWN: {}",
        stale.join("; ")
    );
}
