//! JSON output, through serde: a value serializes to the long form of every
//! intrinsic function (`{"Ref": …}`, `{"Fn::GetAtt": […]}`).

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::template::Template;
use crate::value::Value;

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Int(n) => serializer.serialize_i64(*n),
            Value::Float(n) => serializer.serialize_f64(*n),
            Value::String(s) => serializer.serialize_str(s),
            Value::List(values) => {
                let mut seq = serializer.serialize_seq(Some(values.len()))?;
                for value in values {
                    seq.serialize_element(value)?;
                }
                seq.end()
            }
            Value::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Value::Intrinsic(intrinsic) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(intrinsic.name(), &intrinsic.argument())?;
                map.end()
            }
        }
    }
}

impl Serialize for Template {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

impl Template {
    /// The template as indented JSON (two spaces), ending with a newline.
    ///
    /// # Panics
    ///
    /// Never: every [`Value`] serializes, as its keys are strings.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a template always serializes");
        json.push('\n');
        json
    }

    /// The template as compact JSON on one line, ending with a newline.
    ///
    /// # Panics
    ///
    /// Never: every [`Value`] serializes, as its keys are strings.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string(self).expect("a template always serializes");
        json.push('\n');
        json
    }
}
