//! JSON Schema `pattern`s, compiled with regress once per process.
//!
//! JSON Schema Validation (draft 2020-12, section 6.3.3) says a pattern is an
//! ECMA-262 regular expression, not anchored. The registry schemas were
//! written against several engines, so some do not compile as ECMA-262 (an
//! inline `(?i)`, a Python `\Z`): those are skipped, never guessed, and the
//! example `cargo run -p ecsnet-schema --example patterns` lists them.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use regress::Regex;

/// Compiles `pattern`, or finds it compiled; `None` if regress refuses it.
///
/// The Unicode flag comes first, since patterns use `\p{L}` and the like; a
/// pattern that only compiles without it (an identity escape such as `\-`
/// outside a class is an error in Unicode mode) is taken without it, unless
/// it escapes a letter that means something else there or in the dialects
/// the schemas were written for (`\Z` is "end of input" in Python and Java,
/// but the letter `Z` to ECMA-262 without Unicode).
pub(crate) fn compiled(pattern: &'static str) -> Option<&'static Regex> {
    static CACHE: OnceLock<Mutex<HashMap<&'static str, Option<&'static Regex>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(found) = cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(pattern)
    {
        return *found;
    }
    // Compiled outside the lock; two threads may both compile, one result wins.
    let regex = compile(pattern).ok().map(|r| &*Box::leak(Box::new(r)));
    *cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .entry(pattern)
        .or_insert(regex)
}

fn compile(pattern: &str) -> Result<Regex, regress::Error> {
    Regex::with_flags(pattern, "u").or_else(|unicode_error| {
        if letters_mean_the_same_without_unicode(pattern) {
            Regex::new(pattern)
        } else {
            Err(unicode_error)
        }
    })
}

/// Whether every escaped letter of `pattern` is one ECMA-262 gives the same
/// meaning with and without the Unicode flag (ECMA-262, 22.2.1: `\d \w \s`,
/// their negations, `\b \B`, control escapes, `\c`, `\x`, `\u`).
fn letters_mean_the_same_without_unicode(pattern: &str) -> bool {
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(l) if l.is_ascii_alphabetic() && !"dDwWsSbBnrtfvcxu".contains(l) => {
                    return false;
                }
                _ => {}
            }
        }
    }
    true
}

/// Whether `text` matches `pattern` (anywhere, as JSON Schema says);
/// `None` if the pattern does not compile.
pub(crate) fn matches(pattern: &'static str, text: &str) -> Option<bool> {
    compiled(pattern).map(|r| r.find(text).is_some())
}

/// Why regress refuses `pattern`, or `None` if it compiles.
#[must_use]
pub fn compile_error(pattern: &str) -> Option<String> {
    match compile(pattern) {
        Ok(_) => None,
        Err(e) => Some(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_search_and_are_cached() {
        assert_eq!(matches("^[a-z]+$", "abc"), Some(true));
        assert_eq!(matches("b", "abc"), Some(true), "not anchored");
        assert_eq!(matches("^[a-z]+$", "aBc"), Some(false));
        assert_eq!(
            matches(r"^\p{L}+$", "été"),
            Some(true),
            "Unicode mode first"
        );
        assert_eq!(
            matches(r"^a\-b$", "a-b"),
            Some(true),
            "non-Unicode fallback"
        );
        assert_eq!(matches("(?i)abc", "abc"), None, "skipped, not guessed");
        assert_eq!(
            matches(r"^[a-z]{1,5}\Z", "abc"),
            None,
            "`\\Z` is not the letter Z"
        );
        assert_eq!(
            matches(r"^\p{L}+\-$", "a-"),
            None,
            "`\\p` is not the letter p"
        );
        assert!(std::ptr::eq(
            compiled("^x$").unwrap(),
            compiled("^x$").unwrap()
        ));
        assert!(compile_error("(?i)x").is_some());
        assert!(compile_error("x").is_none());
    }
}
