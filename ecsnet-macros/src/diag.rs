//! The error collector: every phase pushes errors here and keeps going, so
//! one run of the compiler shows every mistake in a stack, each at its token.

use std::cell::{Cell, RefCell};
use std::fmt::Display;

use proc_macro2::{Group, Literal, Span, TokenStream, TokenTree};

/// Collects spanned errors and warnings, each naming its rule;
/// [`Errors::finish`] must be called before drop.
#[allow(
    clippy::struct_field_names,
    reason = "errors and warnings are the two things collected"
)]
pub struct Errors {
    errors: RefCell<Option<Vec<Finding>>>,
    /// Warnings: what deploys but is suspicious or redundant.
    warnings: RefCell<Vec<Finding>>,
    /// Where errors were reported, to report one error per place: a value
    /// written once in a `#[repeat]` loop is checked once per instance.
    places: RefCell<Vec<String>>,
    /// The rule being checked, named by every error reported meanwhile.
    rule: Cell<&'static str>,
    /// What the stack copied from the other stacks of its app (see
    /// [`Errors::set_foreign`]).
    foreign: RefCell<Foreign>,
}

/// The declarations a stack of an app copied from the stacks it refers to:
/// checked with the stack, but reported by their own stack.
#[derive(Default)]
pub struct Foreign {
    /// Where the copies were written: file, first and last position.
    pub ranges: Vec<(String, Position, Position)>,
    /// The modules of the stacks copied from: a copy of `Vpc` from module
    /// `network` is named `network__Vpc`, and messages say `network::Vpc`.
    pub modules: Vec<String>,
}

/// A line (from 1) and a column (from 0) in a file.
pub type Position = (usize, usize);

/// One error or warning: the message at its place, its rule, and what the
/// message adds before naming the rule (where it holds: "where `IsProduction`
/// is false"), usually nothing.
pub type Finding = (syn::Error, &'static str, String);

/// Errors and warnings taken out of a collector.
pub struct Findings {
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

/// The rule of errors reported while parsing: the stack's text itself is
/// malformed.
pub const SYNTAX: &str = "syntax";

/// Restores the previous rule when dropped (see [`Errors::rule`]).
pub struct RuleScope<'a> {
    errors: &'a Errors,
    previous: &'static str,
}

impl Drop for RuleScope<'_> {
    fn drop(&mut self) {
        self.errors.rule.set(self.previous);
    }
}

impl Errors {
    pub fn new() -> Errors {
        Errors {
            errors: RefCell::new(Some(Vec::new())),
            warnings: RefCell::new(Vec::new()),
            places: RefCell::new(Vec::new()),
            rule: Cell::new(SYNTAX),
            foreign: RefCell::new(Foreign::default()),
        }
    }

    /// Names `rule` in every error reported until the scope ends: each
    /// check starts with `let _rule = cx.errors.rule("target-type");`.
    pub fn rule(&self, rule: &'static str) -> RuleScope<'_> {
        let previous = self.rule.replace(rule);
        RuleScope {
            errors: self,
            previous,
        }
    }

    /// Records an error at `span`.
    pub fn push_spanned(&self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Records an error that underlines everything from `start` to `end`.
    pub fn push_range(&self, start: Span, end: Span, message: impl Display) {
        self.push(range_error(start, end, message));
    }

    /// Records a warning that underlines everything from `start` to `end`,
    /// under the current rule.
    pub fn warn_range(&self, start: Span, end: Span, message: impl Display) {
        self.warn_finding((
            range_error(start, end, message),
            self.rule.get(),
            String::new(),
        ));
    }

    /// Declares the declarations copied from other stacks of the app: what
    /// is found inside them is their own stack's to report (it is, once,
    /// at the same place), so it is dropped here; and their names, which
    /// the copies carry as `network__Vpc`, are written `network::Vpc` in
    /// every message.
    pub fn set_foreign(&self, foreign: Foreign) {
        *self.foreign.borrow_mut() = foreign;
    }

    /// Whether `span` lies inside a declaration copied from another stack.
    fn is_foreign(&self, span: Span) -> bool {
        let foreign = self.foreign.borrow();
        if foreign.ranges.is_empty() {
            return false;
        }
        let start = span.start();
        let position = (start.line, start.column);
        // A compiler without span locations reports line 0: nothing is
        // dropped then, at the price of repeated messages.
        position.0 > 0
            && foreign.ranges.iter().any(|(file, first, last)| {
                *first <= position && position <= *last && *file == span.file()
            })
    }

    /// `message` with the names of copied declarations as the user wrote
    /// them: `network__Vpc` becomes `network::Vpc`.
    fn display_names(&self, message: String) -> String {
        let foreign = self.foreign.borrow();
        let mut message = message;
        for module in &foreign.modules {
            let mangled = format!("{module}__");
            if message.contains(&mangled) {
                message = message.replace(&mangled, &format!("{module}::"));
            }
        }
        message
    }

    /// Whether nothing was reported at `span` yet (always true outside a
    /// compiler, where spans carry no location).
    fn is_new_place(&self, span: Span) -> bool {
        // The compiler's spans print as `#0 bytes(120..134)`; outside a
        // compiler (unit tests) they carry no location and are all kept.
        let place = format!("{span:?}");
        if place.contains("bytes(") {
            let mut places = self.places.borrow_mut();
            if places.contains(&place) {
                return false;
            }
            places.push(place);
        }
        true
    }

    /// Records an error, unless one was already recorded at the same place.
    pub fn push(&self, error: syn::Error) {
        self.push_finding((error, self.rule.get(), String::new()));
    }

    /// Takes every error and warning recorded so far, each with its rule:
    /// the findings of one assignment of the stack's conditions, checked on
    /// a collector of its own, before they are judged and merged.
    pub fn take_findings(&self) -> Findings {
        Findings {
            errors: std::mem::take(
                self.errors
                    .borrow_mut()
                    .as_mut()
                    .expect("errors used after finish"),
            ),
            warnings: std::mem::take(&mut *self.warnings.borrow_mut()),
        }
    }

    /// Records an error with its rule and clause (one found under another
    /// collector, or by [`Errors::push`]), unless one was already recorded at
    /// the same place.
    pub fn push_finding(&self, finding: Finding) {
        if !self.is_foreign(finding.0.span()) && self.is_new_place(finding.0.span()) {
            self.errors
                .borrow_mut()
                .as_mut()
                .expect("errors used after finish")
                .push(finding);
        }
    }

    /// Records a warning with its rule and clause, unless something was
    /// already recorded at the same place.
    pub fn warn_finding(&self, finding: Finding) {
        if !self.is_foreign(finding.0.span()) && self.is_new_place(finding.0.span()) {
            self.warnings.borrow_mut().push(finding);
        }
    }

    /// Consumes the collector: every error as a `compile_error!`, its
    /// message ending with its rule, or `None` when there is none.
    pub fn finish(self) -> Option<TokenStream> {
        let errors = self
            .errors
            .borrow_mut()
            .take()
            .expect("finish called twice");
        if errors.is_empty() {
            return None;
        }
        Some(
            errors
                .into_iter()
                .map(|(error, rule, clause)| {
                    with_rule(error.to_compile_error(), |text| {
                        self.display_names(format!("{text}{clause}{}", rule_suffix(rule)))
                    })
                })
                .collect(),
        )
    }

    /// The warnings, as uses of deprecated items that rustc reports at
    /// the user's tokens (`warning: use of deprecated constant …`), so they
    /// obey `#[allow]`, `-D warnings` and every other lint setting.
    pub fn warnings(&self) -> TokenStream {
        let mut out = TokenStream::new();
        for (warning, rule, clause) in self.warnings.borrow().iter() {
            for part in warning.clone() {
                let note = self.display_names(format!("{part}{clause}{}", rule_suffix(rule)));
                let span = part.span();
                let name = proc_macro2::Ident::new("warning", span);
                out.extend(quote::quote_spanned! {span=>
                    const _: () = {
                        #[deprecated(note = #note)]
                        #[allow(non_upper_case_globals)]
                        const warning: () = ();
                        #name
                    };
                });
            }
        }
        out
    }
}

/// How every message ends: the rule's name and the command that explains it.
pub fn rule_suffix(rule: &str) -> String {
    format!("; rule `{rule}`, see `ecsnet explain {rule}`")
}

/// A `compile_error!` invocation with its message rewritten by `finish`
/// (the rule appended); the message keeps its span, so the error stays
/// where it was.
fn with_rule(tokens: TokenStream, finish: impl Fn(String) -> String) -> TokenStream {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(group) => {
                let inner: TokenStream = group
                    .stream()
                    .into_iter()
                    .map(|tree| match tree {
                        TokenTree::Literal(literal) => {
                            let Ok(syn::Lit::Str(text)) =
                                syn::parse2::<syn::Lit>(TokenTree::Literal(literal.clone()).into())
                            else {
                                return TokenTree::Literal(literal);
                            };
                            let mut message = Literal::string(&finish(text.value()));
                            message.set_span(literal.span());
                            TokenTree::Literal(message)
                        }
                        other => other,
                    })
                    .collect();
                let mut copy = Group::new(group.delimiter(), inner);
                copy.set_span(group.span());
                TokenTree::Group(copy)
            }
            other => other,
        })
        .collect()
}

impl Drop for Errors {
    fn drop(&mut self) {
        assert!(
            std::thread::panicking() || self.errors.borrow().is_none(),
            "Errors dropped without calling finish"
        );
    }
}

thread_local! {
    /// Units of work done on this thread since [`reset_steps`]: one per value
    /// parsed or visited, per repeated row, per candidate block tried. Tests
    /// bound work with it instead of timing it, so a bound holds on any machine.
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Counts `n` units of work (see [`steps_taken`]).
pub fn step(n: u64) {
    STEPS.with(|steps| steps.set(steps.get().saturating_add(n)));
}

/// The units of work done on this thread since the last [`reset_steps`].
#[cfg_attr(
    not(test),
    allow(dead_code, reason = "read by the tests and the fuzz harness")
)]
pub fn steps_taken() -> u64 {
    STEPS.with(Cell::get)
}

/// Starts counting work from zero.
#[cfg_attr(
    not(test),
    allow(dead_code, reason = "read by the tests and the fuzz harness")
)]
pub fn reset_steps() {
    STEPS.with(|steps| steps.set(0));
}

/// A `syn::Error` underlining everything from `start` to `end`.
pub fn range_error(start: Span, end: Span, message: impl Display) -> syn::Error {
    // syn::Error spans a range only through `new_spanned`, which takes the
    // first and last token of what it is given.
    let tokens: proc_macro2::TokenStream = [
        proc_macro2::TokenTree::Ident(proc_macro2::Ident::new("start", start)),
        proc_macro2::TokenTree::Ident(proc_macro2::Ident::new("end", end)),
    ]
    .into_iter()
    .collect();
    syn::Error::new_spanned(tokens, message)
}

/// The closest candidate to `word` by edit distance, if it is close enough
/// to be a plausible typo (a third of the word's length, at least 1; a
/// difference of case alone always counts).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    closest(word, 3, candidates, |c| c).first().copied()
}

/// The candidates at the smallest edit distance from `word` (compared
/// through `key`, case-insensitively), if within `1/fraction` of its
/// length, in their order.
pub fn closest<'a>(
    word: &str,
    fraction: usize,
    candidates: impl IntoIterator<Item = &'a str>,
    key: impl Fn(&'a str) -> &'a str,
) -> Vec<&'a str> {
    let limit = (word.chars().count() / fraction).max(1);
    let word = word.to_ascii_lowercase();
    let mut best = (limit, Vec::new());
    for candidate in candidates {
        let distance = strsim::levenshtein(&word, &key(candidate).to_ascii_lowercase());
        if distance > limit {
            continue;
        }
        if distance < best.0 || best.1.is_empty() {
            best = (distance, vec![candidate]);
        } else if distance == best.0 {
            best.1.push(candidate);
        }
    }
    best.1
}

/// `` `a`, `b` and `c` `` for a message.
pub fn list_in_backticks<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["network_mode", "cpu", "memory"];
        assert_eq!(did_you_mean("netwrok_mode", names), Some("network_mode"));
        assert_eq!(did_you_mean("CPU", names), Some("cpu"));
        assert_eq!(did_you_mean("volumes", names), None);
    }

    #[test]
    fn lists_names_in_prose() {
        assert_eq!(list_in_backticks(&["a"]), "`a`");
        assert_eq!(list_in_backticks(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
