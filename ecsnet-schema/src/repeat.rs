//! How the stack language names the instances of `#[repeat]`: shared by
//! the `#[stack]` macro, which names them, and `ecsnet import`, which forms
//! a loop only where the macro gives back the template's logical ids.

/// The suffix of an instance's logical id: a value in `UpperCamelCase`, with
/// only ASCII letters and digits; a negative number starts with `Minus`, so
/// `-1` and `1` name different instances. Empty when the value has no ASCII
/// letter or digit.
#[must_use]
pub fn suffix(text: &str) -> String {
    let (sign, text) = match text.strip_prefix('-') {
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            ("Minus", digits)
        }
        _ => ("", text),
    };
    let camel: String = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect();
    if camel.is_empty() {
        return camel;
    }
    format!("{sign}{camel}")
}

#[cfg(test)]
mod tests {
    use super::suffix;

    #[test]
    fn suffixes_are_upper_camel_case_letters_and_digits() {
        assert_eq!(suffix("a"), "A");
        assert_eq!(suffix("us-east-1a"), "UsEast1a");
        assert_eq!(suffix("-1"), "Minus1");
        assert_eq!(suffix("-"), "");
    }
}
