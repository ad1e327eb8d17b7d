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
/// outside a class is an error in Unicode mode) is taken without it.
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
    let regex = Regex::with_flags(pattern, "u")
        .or_else(|_| Regex::new(pattern))
        .ok()
        .map(|r| &*Box::leak(Box::new(r)));
    *cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .entry(pattern)
        .or_insert(regex)
}

/// Whether `text` matches `pattern` (anywhere, as JSON Schema says);
/// `None` if the pattern does not compile.
pub(crate) fn matches(pattern: &'static str, text: &str) -> Option<bool> {
    compiled(pattern).map(|r| r.find(text).is_some())
}

/// Why regress refuses `pattern`, or `None` if it compiles.
#[must_use]
pub fn compile_error(pattern: &str) -> Option<String> {
    match Regex::with_flags(pattern, "u").or_else(|_| Regex::new(pattern)) {
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
        assert!(std::ptr::eq(
            compiled("^x$").unwrap(),
            compiled("^x$").unwrap()
        ));
        assert!(compile_error("(?i)x").is_some());
        assert!(compile_error("x").is_none());
    }
}
