//! The error collector: every phase pushes errors here and keeps going, so
//! one run of the compiler shows every mistake in a stack, each at its token.

use std::cell::{Cell, RefCell};
use std::fmt::Display;

use proc_macro2::Span;

/// Collects spanned errors; [`Errors::finish`] must be called before drop.
pub struct Errors {
    errors: RefCell<Option<Vec<syn::Error>>>,
    /// Where errors were reported, to report one error per place: a value
    /// written once in a `#[repeat]` loop is checked once per instance.
    places: RefCell<Vec<String>>,
}

impl Errors {
    pub fn new() -> Errors {
        Errors {
            errors: RefCell::new(Some(Vec::new())),
            places: RefCell::new(Vec::new()),
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

    /// Records an error, unless one was already recorded at the same place.
    pub fn push(&self, error: syn::Error) {
        // The compiler's spans print as `#0 bytes(120..134)`; outside a
        // compiler (unit tests) they carry no location and are all kept.
        let place = format!("{:?}", error.span());
        if place.contains("bytes(") {
            let mut places = self.places.borrow_mut();
            if places.contains(&place) {
                return;
            }
            places.push(place);
        }
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("errors used after finish")
            .push(error);
    }

    /// Consumes the collector; all errors combined into one, if any.
    pub fn finish(self) -> Result<(), syn::Error> {
        let errors = self
            .errors
            .borrow_mut()
            .take()
            .expect("finish called twice");
        errors
            .into_iter()
            .reduce(|mut all, next| {
                all.combine(next);
                all
            })
            .map_or(Ok(()), Err)
    }
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
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter_map(|candidate| {
            if candidate.eq_ignore_ascii_case(word) {
                return Some((0, candidate));
            }
            let distance =
                strsim::levenshtein(&word.to_ascii_lowercase(), &candidate.to_ascii_lowercase());
            (distance <= limit).then_some((distance, candidate))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
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
