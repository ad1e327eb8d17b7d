//! PLACEHOLDER for the offline template diff, to be replaced wholesale by the
//! real module: the signatures are the real ones, the bodies are trivial
//! (JSON only, and "changed or not" instead of a per-resource diff).

use std::path::Path;

use serde_json::Value;

/// The differences between two templates (placeholder: changed or not).
pub struct TemplateDiff {
    changed: bool,
}

/// Reads a template file (placeholder: JSON only).
///
/// # Errors
///
/// The file cannot be read or is not JSON.
pub fn read_template(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    parse_template(&text)
}

/// Parses a template's text (placeholder: JSON only).
///
/// # Errors
///
/// The text is not JSON.
pub fn parse_template(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|error| error.to_string())
}

/// Compares two templates (placeholder: equal or not).
#[must_use]
pub fn diff_templates(old: &Value, new: &Value) -> TemplateDiff {
    TemplateDiff {
        changed: old != new,
    }
}

impl TemplateDiff {
    /// Whether the templates are the same.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        !self.changed
    }

    /// Whether some resource is replaced (placeholder: it cannot tell, so
    /// any change may replace).
    #[must_use]
    pub fn replaces_any(&self) -> bool {
        self.changed
    }

    /// Whether IAM or security-group rules are added (placeholder: it
    /// cannot tell, so any change may).
    #[must_use]
    pub fn broadens_security(&self) -> bool {
        self.changed
    }

    /// The diff for a reader (placeholder: one line).
    #[must_use]
    pub fn render_human(&self, _color: bool) -> String {
        if self.changed {
            "the template changed (placeholder diff: no details)\n".to_owned()
        } else {
            "no differences\n".to_owned()
        }
    }

    /// The diff as JSON (placeholder: whether it changed).
    #[must_use]
    pub fn to_json(&self) -> Value {
        serde_json::json!({ "changed": self.changed })
    }
}
