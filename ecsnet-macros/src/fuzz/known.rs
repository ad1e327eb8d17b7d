//! Defects the harness has found and that are not fixed yet. A finding that
//! matches an entry is counted, not failed on, so the default run stays
//! green while the fix is under way; an entry whose reproducer no longer
//! reproduces fails `known_defects_still_reproduce`, so a fixed defect's
//! entry is removed with the fix and the harness guards against its return.
//!
//! The aim is an empty list.

use super::checks::{Finding, Kind};
use super::mutate::Node;

/// A defect: how to recognise it, and the smallest input that shows it.
pub struct Known {
    pub name: &'static str,
    /// What goes wrong.
    pub defect: &'static str,
    pub signature: Signature,
    /// `(args, item)` of the smallest input known to show it.
    pub reproducer: fn() -> (String, String),
}

#[allow(dead_code, reason = "no open defect uses every kind of signature")]
pub enum Signature {
    /// A finding of this kind whose message contains this text. (The first
    /// runs matched panics, errors at the call site and accepted stacks
    /// CloudFormation refuses this way; all are fixed.)
    #[allow(dead_code, reason = "no such defect is open")]
    Finding(Kind, &'static str),
    /// An input that cannot be run at all: it would abort the whole test
    /// process (stack overflow) or run for minutes. Such cases are skipped,
    /// and counted, until the defect is fixed; the probe tells when it is.
    /// (The first runs skipped values nested over 256 deep, parameter types
    /// over 48, and `#[repeat]` ranges over 10,000 rows this way; all are
    /// fixed.)
    Input(fn(&[Node], &[Node]) -> bool, Probe),
}

/// How to tell that a defect whose inputs are skipped is fixed.
#[derive(Clone, Copy)]
#[allow(dead_code, reason = "no open defect uses every kind of probe")]
pub enum Probe {
    /// The reproducer, run in a child process, no longer overflows the
    /// cases' stack.
    StackOverflow,
    /// The fix of this other (earlier) entry fixes it too.
    #[allow(dead_code, reason = "no open defect needs it")]
    FixedWith(&'static str),
}

/// Every open defect; none is known.
pub const KNOWN: &[Known] = &[];

/// The entry a finding matches, if any.
pub fn matching(finding: &Finding) -> Option<&'static Known> {
    KNOWN.iter().find(|known| match known.signature {
        Signature::Finding(kind, text) => finding.kind == kind && finding.message.contains(text),
        Signature::Input(..) => false,
    })
}

/// The entry that says an input must not be run yet, if any.
pub fn skipped(args: &[Node], item: &[Node]) -> Option<&'static Known> {
    KNOWN.iter().find(|known| match known.signature {
        Signature::Input(test, _) => test(args, item),
        Signature::Finding(..) => false,
    })
}
