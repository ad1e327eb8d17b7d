//! Parameter values for `ecsnet deploy`: `--parameter KEY=VALUE` and
//! `--parameters-file FILE` (one `KEY=VALUE` a line, `#` comments and blank
//! lines skipped, as in `tests/fixtures/dev.cfg`), checked against the
//! parameters each template declares before anything is sent.

use indexmap::IndexMap;
use serde_json::Value;

/// A parameter a template declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// Its name.
    pub name: String,
    /// Whether it has a `Default`, so a value may be left out.
    pub has_default: bool,
    /// Whether it is `NoEcho`: its value is printed as `****`.
    pub no_echo: bool,
}

/// The parameters a template declares, in its order.
#[must_use]
pub fn declared(template: &Value) -> Vec<Declared> {
    let Some(parameters) = template.get("Parameters").and_then(Value::as_object) else {
        return Vec::new();
    };
    parameters
        .iter()
        .map(|(name, parameter)| Declared {
            name: name.clone(),
            has_default: parameter.get("Default").is_some(),
            no_echo: matches!(parameter.get("NoEcho"), Some(Value::Bool(true)))
                || parameter
                    .get("NoEcho")
                    .and_then(Value::as_str)
                    .is_some_and(|text| text.eq_ignore_ascii_case("true")),
        })
        .collect()
}

/// The values given on the command line and in files, in the order given;
/// a later value for the same key replaces an earlier one (so
/// `--parameter` after `--parameters-file` overrides the file).
#[derive(Debug, Default, Clone)]
pub struct Given {
    values: IndexMap<String, String>,
}

impl Given {
    /// Adds one `KEY=VALUE`.
    ///
    /// # Errors
    ///
    /// The text has no `=` or no key.
    pub fn add(&mut self, assignment: &str) -> Result<(), String> {
        match assignment.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => {
                self.values.insert(key.trim().to_owned(), value.to_owned());
                Ok(())
            }
            _ => Err(format!(
                "`{assignment}` is not a parameter; expected `KEY=VALUE`"
            )),
        }
    }

    /// Adds every line of a parameter file (`name` is how messages call it).
    ///
    /// # Errors
    ///
    /// A line that is not `KEY=VALUE`, with its number.
    pub fn add_file(&mut self, name: &str, text: &str) -> Result<(), String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            self.add(line)
                .map_err(|error| format!("{name}:{}: {error}", index + 1))?;
        }
        Ok(())
    }

    /// The keys given, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }

    /// The values for one template: those of its declared parameters, in
    /// the template's order.
    ///
    /// # Errors
    ///
    /// Every declared parameter without a default and without a value, in
    /// one message.
    pub fn for_template(&self, declared: &[Declared]) -> Result<Vec<(String, String)>, String> {
        let missing: Vec<&str> = declared
            .iter()
            .filter(|parameter| {
                !parameter.has_default && !self.values.contains_key(&parameter.name)
            })
            .map(|parameter| parameter.name.as_str())
            .collect();
        if !missing.is_empty() {
            let (noun, verb) = if missing.len() == 1 {
                ("parameter", "has")
            } else {
                ("parameters", "have")
            };
            let list = backticked(&missing);
            return Err(format!(
                "missing {noun} {list}, which {verb} no default; \
                 pass `--parameter KEY=VALUE` or `--parameters-file FILE`"
            ));
        }
        Ok(declared
            .iter()
            .filter_map(|parameter| {
                self.values
                    .get(&parameter.name)
                    .map(|value| (parameter.name.clone(), value.clone()))
            })
            .collect())
    }

    /// The keys that no template declares.
    ///
    /// # Errors
    ///
    /// One message naming them, each with the closest declared name when
    /// one is close.
    pub fn check_known(&self, declared: &[&Declared]) -> Result<(), String> {
        let unknown: Vec<String> = self
            .keys()
            .filter(|key| !declared.iter().any(|p| p.name == *key))
            .map(|key| match closest(key, declared) {
                Some(close) => format!("`{key}` (did you mean `{close}`?)"),
                None => format!("`{key}`"),
            })
            .collect();
        if unknown.is_empty() {
            return Ok(());
        }
        let noun = if unknown.len() == 1 {
            "parameter"
        } else {
            "parameters"
        };
        Err(format!(
            "unknown {noun} {}; no template declares {}",
            unknown.join(", "),
            if unknown.len() == 1 { "it" } else { "them" }
        ))
    }
}

/// The declared name closest to `key`, when it is close enough to be a typo.
fn closest<'a>(key: &str, declared: &[&'a Declared]) -> Option<&'a str> {
    declared
        .iter()
        .map(|parameter| {
            (
                strsim::levenshtein(
                    &key.to_ascii_lowercase(),
                    &parameter.name.to_ascii_lowercase(),
                ),
                parameter.name.as_str(),
            )
        })
        .min()
        .filter(|(distance, _)| *distance <= key.len().max(3) / 3)
        .map(|(_, name)| name)
}

/// `` `a`, `b` and `c` ``.
fn backticked(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// A parameter's value as printed: `****` for `NoEcho`.
#[must_use]
pub fn shown<'a>(declared: &[Declared], name: &str, value: &'a str) -> &'a str {
    if declared.iter().any(|p| p.name == name && p.no_echo) {
        "****"
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> Value {
        serde_json::json!({
            "Parameters": {
                "VpcId": { "Type": "AWS::EC2::VPC::Id" },
                "SubnetIds": { "Type": "List<AWS::EC2::Subnet::Id>" },
                "Cidr": { "Type": "String", "Default": "10.0.0.0/16" },
                "Password": { "Type": "String", "NoEcho": true }
            }
        })
    }

    #[test]
    fn names_every_missing_parameter_in_one_error() {
        let declared = declared(&template());
        let mut given = Given::default();
        given.add("Cidr=10.1.0.0/16").unwrap();
        assert_eq!(
            given.for_template(&declared).unwrap_err(),
            "missing parameters `VpcId`, `SubnetIds` and `Password`, which have no default; \
             pass `--parameter KEY=VALUE` or `--parameters-file FILE`"
        );
    }

    #[test]
    fn reads_the_chapter_parameter_file() {
        let mut given = Given::default();
        given
            .add_file("dev.cfg", include_str!("../../tests/fixtures/dev.cfg"))
            .unwrap();
        assert_eq!(
            given.keys().collect::<Vec<_>>(),
            [
                "ApplicationDesiredCount",
                "ApplicationImageId",
                "ApplicationImageTag",
                "ApplicationSubnets",
                "PrivateSubnets",
                "VpcId"
            ]
        );
    }

    #[test]
    fn skips_comments_and_blank_lines_and_names_a_bad_line() {
        let mut given = Given::default();
        given
            .add_file("p.cfg", "# the VPC\n\nVpcId=vpc-1\r\nSubnetIds=a,b\n")
            .unwrap();
        let declared = declared(&template());
        given.add("Password=x").unwrap();
        assert_eq!(
            given.for_template(&declared).unwrap(),
            [
                ("VpcId".to_owned(), "vpc-1".to_owned()),
                ("SubnetIds".to_owned(), "a,b".to_owned()),
                ("Password".to_owned(), "x".to_owned()),
            ]
        );
        assert_eq!(
            Given::default().add_file("p.cfg", "VpcId=1\nnonsense\n"),
            Err("p.cfg:2: `nonsense` is not a parameter; expected `KEY=VALUE`".to_owned())
        );
    }

    #[test]
    fn suggests_a_close_name_for_an_unknown_parameter() {
        let declared = declared(&template());
        let mut given = Given::default();
        given.add("VpcID=vpc-1").unwrap();
        given.add("Colour=red").unwrap();
        assert_eq!(
            given
                .check_known(&declared.iter().collect::<Vec<_>>())
                .unwrap_err(),
            "unknown parameters `VpcID` (did you mean `VpcId`?), `Colour`; \
             no template declares them"
        );
    }

    #[test]
    fn hides_no_echo_values() {
        let declared = declared(&template());
        assert_eq!(shown(&declared, "Password", "hunter2"), "****");
        assert_eq!(shown(&declared, "VpcId", "vpc-1"), "vpc-1");
    }
}
