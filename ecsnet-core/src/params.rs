//! Checking parameter files against a stack's parameters.
//!
//! A parameter file holds the `Key=Value` lines that
//! `aws cloudformation deploy --parameter-overrides $(cat dev.cfg)` takes:
//!
//! ```text
//! ApplicationDesiredCount=1
//! ApplicationImageId=ami-ec957491
//! ApplicationSubnets=subnet-a5d3ecee,subnet-324e246f
//! VpcId=vpc-f8233a80
//! ```
//!
//! [`check`] finds what the deploy would trip over: lines that are not
//! `Key=Value`, unknown or repeated names, missing values, values of the
//! wrong shape for the parameter's type, and values outside the
//! parameter's `AllowedValues`, `MinLength`/`MaxLength` and
//! `MinValue`/`MaxValue`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use crate::template::{Parameter, Template};
use crate::value::Value;

/// A problem with one line of a parameter file, or a parameter it leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    /// The 1-based line number, or `None` for a parameter the file does not set.
    pub line: Option<usize>,
    /// The parameter name; the whole line when it has no `=`.
    pub key: String,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl ParamError {
    /// Displays the error after the file's name: `dev.cfg:3: message`.
    #[must_use]
    pub fn in_file<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        InFile { error: self, file }
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ParamError {}

struct InFile<'a> {
    error: &'a ParamError,
    file: &'a str,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.error.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.error.message),
            None => write!(f, "{}: {}", self.file, self.error.message),
        }
    }
}

/// Checks the text of a parameter file against the template's parameters,
/// and returns its `(key, value)` pairs in file order, or every problem found.
///
/// A byte order mark at the start of the text is skipped; so are blank
/// lines and lines starting with `#`. Note that the shell
/// does not skip them in `$(cat dev.cfg)`: a file with comments has to be
/// filtered (`$(grep -v '^#' dev.cfg)`) before it reaches the AWS CLI.
///
/// For list types (`List<…>` and `CommaDelimitedList`) each element is
/// checked against the element type and against `AllowedValues`,
/// `MinLength`/`MaxLength` and `MinValue`/`MaxValue`. `AllowedPattern` is
/// not checked, since that would need a regular expression engine.
///
/// Messages quote the file as it is, except that control characters and
/// other characters a terminal would not show as text are escaped as in
/// Rust (`\t`, `\u{1b}`), so that a parameter file cannot drive the
/// terminal that prints them.
///
/// # Errors
///
/// Every problem in the file, in line order, followed by the parameters
/// without a `Default` that the file does not set, in template order.
pub fn check(template: &Template, text: &str) -> Result<Vec<(String, String)>, Vec<ParamError>> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    // Editors on Windows start UTF-8 files with a byte order mark, which
    // would otherwise become part of the first key.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, line) in text.split('\n').enumerate() {
        let number = index + 1;
        let error = |key: &str, message: String| ParamError {
            line: Some(number),
            key: key.to_owned(),
            message: escape(&message).into_owned(),
        };
        // Spaces around a line do no harm: the shell drops them.
        let line = line.trim_matches([' ', '\t']);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.contains(char::is_whitespace) {
            let key = line.split_once('=').map_or(line, |(key, _)| key).trim();
            let message = if line.ends_with('\r') && !line.trim_end().contains(char::is_whitespace)
            {
                format!(
                    "`{}` ends with a carriage return, which `$(cat …)` keeps in the value; \
                     expected Unix line endings (LF, not CRLF)",
                    line.trim_end()
                )
            } else {
                format!(
                    "`{}` contains whitespace, where the shell splits `$(cat …)`, quotes or \
                     not; expected `Key=Value` without spaces",
                    line.trim_end()
                )
            };
            errors.push(error(key, message));
            // The parameter is there, if badly written: saying that it is
            // missing as well would be noise.
            first_line.entry(key).or_insert(number);
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            errors.push(error(
                line,
                format!("`{line}` is not a parameter; expected `Key=Value`"),
            ));
            continue;
        };
        if key.is_empty() {
            errors.push(error(
                key,
                format!("`{line}` has no parameter name; expected `Key=Value`"),
            ));
            continue;
        }
        if let Some(first) = first_line.get(key) {
            errors.push(error(
                key,
                format!("parameter `{key}` is set again; it was first set on line {first}"),
            ));
            continue;
        }
        first_line.insert(key, number);
        let Some(parameter) = template.parameters.get(key) else {
            let names = template.parameters.keys().map(AsRef::as_ref);
            let message = match did_you_mean(key, names) {
                Some(name) => format!("unknown parameter `{key}`; did you mean `{name}`?"),
                None if template.parameters.is_empty() => {
                    format!("unknown parameter `{key}`; the stack has no parameters")
                }
                None => format!("unknown parameter `{key}`"),
            };
            errors.push(error(key, message));
            continue;
        };
        if let Err(problem) = check_value(parameter, value) {
            errors.push(error(key, format!("{key}={value}: {problem}")));
            continue;
        }
        found.push((key.to_owned(), value.to_owned()));
    }
    for (name, parameter) in &template.parameters {
        if parameter.default.is_none() && !first_line.contains_key(name.as_ref()) {
            errors.push(ParamError {
                line: None,
                key: name.to_string(),
                message: escape(&format!(
                    "missing value for parameter `{name}` of type `{}`, which has no `Default`",
                    parameter.ty
                ))
                .into_owned(),
            });
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

/// The text with control characters, and other characters that a terminal
/// does not show as themselves, escaped as Rust's `{:?}` escapes them
/// (`\t`, `\u{1b}`, `\u{202e}`); quotes and backslashes stay as they are.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    let as_is = |c: char| matches!(c, '\\' | '\'' | '"') || c.escape_debug().len() == 1;
    if text.chars().all(as_is) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if as_is(c) {
            out.push(c);
        } else {
            out.extend(c.escape_debug());
        }
    }
    Cow::Owned(out)
}

/// The closest of `candidates` to a misspelt `name`: one that differs only
/// in case, or else the nearest by edit distance, if it is near enough.
pub(crate) fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(name)) {
        return Some(same);
    }
    let lower = name.to_lowercase();
    // A third of the name, at least one edit, but never half of it: `-x`
    // is not a misspelt `-o`.
    let length = name.chars().count();
    let limit = (length / 3).max(1).min(length.saturating_sub(1) / 2);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// Checks a value against its parameter's type and constraints.
fn check_value(parameter: &Parameter, value: &str) -> Result<(), String> {
    let ty = parameter.ty.as_ref();
    let element = if ty == "CommaDelimitedList" {
        Some("String")
    } else {
        ty.strip_prefix("List<")
            .and_then(|rest| rest.strip_suffix('>'))
    };
    let Some(element) = element else {
        check_shape(ty, value)?;
        return check_constraints(parameter, value);
    };
    // An empty comma-delimited list is an empty string; other lists need
    // at least one id.
    if value.is_empty() && element == "String" {
        return Ok(());
    }
    let what = describe(element);
    for (index, item) in value.split(',').enumerate() {
        if item.is_empty() {
            return Err(format!(
                "item {} of the list is empty; expected {what}, separated by commas with \
                 nothing between them",
                index + 1
            ));
        }
        check_shape(element, item)?;
        check_constraints(parameter, item)?;
    }
    Ok(())
}

/// What a value of a parameter type looks like, for messages about lists.
fn describe(ty: &str) -> &'static str {
    match ty {
        "Number" => "numbers",
        "AWS::EC2::VPC::Id" => "VPC ids",
        "AWS::EC2::Subnet::Id" => "subnet ids",
        "AWS::EC2::SecurityGroup::Id" => "security group ids",
        "AWS::EC2::Image::Id" => "AMI ids",
        "AWS::EC2::Instance::Id" => "instance ids",
        "AWS::EC2::Volume::Id" => "volume ids",
        "AWS::EC2::KeyPair::KeyName" => "key pair names",
        "AWS::EC2::AvailabilityZone::Name" => "availability zone names",
        "AWS::Route53::HostedZone::Id" => "hosted zone ids",
        _ => "values",
    }
}

/// Checks a single value (or list element) against the shape of its type;
/// types that are not listed here are not checked.
fn check_shape(ty: &str, value: &str) -> Result<(), String> {
    match ty {
        "Number" => check_number(value),
        "AWS::EC2::VPC::Id" => check_id(value, "vpc", "a VPC id"),
        "AWS::EC2::Subnet::Id" => check_id(value, "subnet", "a subnet id"),
        "AWS::EC2::SecurityGroup::Id" => check_id(value, "sg", "a security group id"),
        "AWS::EC2::Image::Id" => check_id(value, "ami", "an AMI id"),
        "AWS::EC2::Instance::Id" => check_id(value, "i", "an instance id"),
        "AWS::EC2::Volume::Id" => check_id(value, "vol", "a volume id"),
        "AWS::EC2::KeyPair::KeyName" => check_non_empty(value, "the name of a key pair"),
        "AWS::SSM::Parameter::Name" => check_non_empty(value, "the name of an SSM parameter"),
        "AWS::EC2::AvailabilityZone::Name" => check_zone(value),
        "AWS::Route53::HostedZone::Id" => check_hosted_zone(value),
        _ if ty.starts_with("AWS::SSM::Parameter::Value<") => {
            check_non_empty(value, "the name of an SSM parameter")
        }
        _ => Ok(()),
    }
}

fn check_non_empty(value: &str, expected: &str) -> Result<(), String> {
    if value.is_empty() {
        Err(format!("empty value; expected {expected}"))
    } else {
        Ok(())
    }
}

/// Whether a value is an integer or a decimal number, such as `-3` or `2.5`.
fn is_number(value: &str) -> bool {
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match digits.split_once('.') {
        Some((whole, fraction)) => digits_only(whole) && digits_only(fraction),
        None => digits_only(digits),
    }
}

fn check_number(value: &str) -> Result<(), String> {
    if is_number(value) {
        Ok(())
    } else if value.is_empty() {
        Err("empty value; expected an integer or a decimal number such as `3` or `2.5`".to_owned())
    } else {
        Err(format!(
            "`{value}` is not a number; expected an integer or a decimal number such as `3` or `2.5`"
        ))
    }
}

/// An EC2 id: the prefix, a dash, and 8 or 17 lowercase hexadecimal digits.
fn check_id(value: &str, prefix: &str, what: &str) -> Result<(), String> {
    let is_id = |value: &str| {
        value
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|hex| {
                (hex.len() == 8 || hex.len() == 17)
                    && hex
                        .bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            })
    };
    if is_id(value) {
        return Ok(());
    }
    let expected = format!("expected `{prefix}-` followed by 8 or 17 hexadecimal digits");
    if value.is_empty() {
        Err(format!("empty value; {expected}"))
    } else if is_id(&value.to_ascii_lowercase()) {
        Err(format!("`{value}` is not {what}; {expected}, in lowercase"))
    } else {
        Err(format!("`{value}` is not {what}; {expected}"))
    }
}

/// An availability zone: a region such as `us-east-1` followed by a zone
/// letter (`us-east-1a`), or by a local or wavelength zone's suffix
/// (`us-west-2-lax-1a`).
fn check_zone(value: &str) -> Result<(), String> {
    let valid = (|| {
        let (area, rest) = value.split_once('-')?;
        if area.len() != 2 || !area.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        // `east-1a`, `gov-west-1a`, `west-2-lax-1a`: words, a number, then a
        // zone letter or further dash-separated parts.
        let parts: Vec<&str> = rest.split('-').collect();
        let number_at = parts
            .iter()
            .position(|part| part.starts_with(|c: char| c.is_ascii_digit()))?;
        let words_ok = number_at > 0
            && parts[..number_at]
                .iter()
                .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()));
        let zone = parts[number_at];
        let digits = zone.trim_end_matches(|c: char| c.is_ascii_lowercase());
        let letters = zone.len() - digits.len();
        let zone_ok = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && letters <= 1
            && (letters == 1 || number_at + 1 < parts.len());
        let suffix_ok = parts[number_at + 1..].iter().all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        (words_ok && zone_ok && suffix_ok).then_some(())
    })()
    .is_some();
    if valid {
        return Ok(());
    }
    let expected = "expected a region followed by a zone letter, such as `us-east-1a`";
    if value.is_empty() {
        Err(format!("empty value; {expected}"))
    } else {
        Err(format!(
            "`{value}` is not an availability zone name; {expected}"
        ))
    }
}

/// A Route 53 hosted zone id: `Z` and uppercase letters and digits.
fn check_hosted_zone(value: &str) -> Result<(), String> {
    let valid = value.strip_prefix('Z').is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    });
    if valid {
        return Ok(());
    }
    let expected =
        "expected `Z` followed by uppercase letters and digits, such as `Z23ABC4XYZL05B`";
    if value.is_empty() {
        Err(format!("empty value; {expected}"))
    } else {
        Err(format!("`{value}` is not a hosted zone id; {expected}"))
    }
}

/// A parameter constraint's value as text: `AllowedValues` may hold numbers.
fn constraint_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.to_string()),
        Value::Int(n) => Some(n.to_string()),
        Value::Float(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn constraint_number(value: &Value) -> Option<f64> {
    match value {
        #[allow(clippy::cast_precision_loss)] // parameter bounds are small
        Value::Int(n) => Some(*n as f64),
        Value::Float(n) => Some(*n),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Checks `AllowedValues`, `MinLength`/`MaxLength` and `MinValue`/`MaxValue`.
fn check_constraints(parameter: &Parameter, value: &str) -> Result<(), String> {
    let number = value.parse::<f64>().ok().filter(|_| is_number(value));
    if !parameter.allowed_values.is_empty() {
        // `AllowedValues: [1, 2]` allows `1.0` as well as `1`.
        #[allow(clippy::float_cmp)]
        let matches = |candidate: &Value| {
            constraint_text(candidate).is_some_and(|text| text == value)
                || constraint_number(candidate)
                    .zip(number)
                    .is_some_and(|(a, b)| a == b)
        };
        if !parameter.allowed_values.iter().any(matches) {
            let allowed: Vec<String> = parameter
                .allowed_values
                .iter()
                .filter_map(constraint_text)
                .map(|text| format!("`{text}`"))
                .collect();
            return Err(format!(
                "`{value}` is not an allowed value; expected one of {} (`AllowedValues`)",
                allowed.join(", ")
            ));
        }
    }
    let length = i64::try_from(value.chars().count()).unwrap_or(i64::MAX);
    if let Some(min) = parameter.min_length
        && length < min
    {
        return Err(format!(
            "`{value}` is {length} characters long; expected at least {min} (`MinLength`)"
        ));
    }
    if let Some(max) = parameter.max_length
        && length > max
    {
        return Err(format!(
            "`{value}` is {length} characters long; expected at most {max} (`MaxLength`)"
        ));
    }
    if let Some(n) = number
        && let Some(min) = parameter.min_value.as_ref().and_then(constraint_number)
        && n < min
    {
        return Err(format!(
            "`{value}` is too small; expected at least {min} (`MinValue`)"
        ));
    }
    if let Some(n) = number
        && let Some(max) = parameter.max_value.as_ref().and_then(constraint_number)
        && n > max
    {
        return Err(format!(
            "`{value}` is too large; expected at most {max} (`MaxValue`)"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(ty: &'static str) -> Parameter {
        Parameter {
            ty: ty.into(),
            ..Parameter::default()
        }
    }

    fn template(parameters: Vec<(&'static str, Parameter)>) -> Template {
        let mut template = Template::new();
        for (name, parameter) in parameters {
            template.parameters.insert(name.into(), parameter);
        }
        template
    }

    /// The todobackend stack's parameters.
    fn todobackend() -> Template {
        template(vec![
            ("ApplicationDesiredCount", param("Number")),
            ("ApplicationImageId", param("String")),
            (
                "ApplicationImageTag",
                Parameter {
                    default: Some("latest".into()),
                    ..param("String")
                },
            ),
            ("ApplicationSubnets", param("List<AWS::EC2::Subnet::Id>")),
            ("PrivateSubnets", param("List<AWS::EC2::Subnet::Id>")),
            ("VpcId", param("AWS::EC2::VPC::Id")),
        ])
    }

    const DEV_CFG: &str = "ApplicationDesiredCount=1
ApplicationImageId=ami-ec957491
ApplicationImageTag=5fdbe62
ApplicationSubnets=subnet-a5d3ecee,subnet-324e246f
PrivateSubnets=subnet-3acd6370
VpcId=vpc-f8233a80
";

    fn errors(template: &Template, text: &str) -> Vec<String> {
        check(template, text)
            .expect_err("the file has problems")
            .iter()
            .map(|e| e.in_file("dev.cfg").to_string())
            .collect()
    }

    /// The one message about a single `Key=Value` line for a parameter of type `ty`.
    fn value_error(ty: &'static str, value: &str) -> String {
        let t = template(vec![("P", param(ty))]);
        let messages = errors(&t, &format!("P={value}"));
        assert_eq!(messages.len(), 1, "{messages:?}");
        messages[0].clone()
    }

    fn accepts(ty: &'static str, value: &str) -> bool {
        let t = template(vec![("P", param(ty))]);
        check(&t, &format!("P={value}")).is_ok()
    }

    #[test]
    fn the_todobackend_file_passes() {
        let found = check(&todobackend(), DEV_CFG).expect("valid");
        assert_eq!(found.len(), 6);
        assert_eq!(
            found[3],
            (
                "ApplicationSubnets".to_owned(),
                "subnet-a5d3ecee,subnet-324e246f".to_owned()
            )
        );
    }

    #[test]
    fn blank_lines_comments_and_surrounding_spaces_are_skipped() {
        let text = format!(
            "# dev environment\n\n  {}\n   \n\t# more\n",
            DEV_CFG.replace('\n', "\n  ")
        );
        assert_eq!(check(&todobackend(), &text).expect("valid").len(), 6);
    }

    #[test]
    fn a_parameter_with_a_default_may_be_left_out() {
        let text = DEV_CFG.replace("ApplicationImageTag=5fdbe62\n", "");
        assert_eq!(check(&todobackend(), &text).expect("valid").len(), 5);
    }

    #[test]
    fn missing_parameters_without_default() {
        let text = DEV_CFG.replace("VpcId=vpc-f8233a80\n", "");
        let errors = check(&todobackend(), &text).expect_err("missing");
        assert_eq!(
            errors,
            vec![ParamError {
                line: None,
                key: "VpcId".to_owned(),
                message: "missing value for parameter `VpcId` of type `AWS::EC2::VPC::Id`, \
                          which has no `Default`"
                    .to_owned(),
            }]
        );
        assert_eq!(
            errors[0].in_file("dev.cfg").to_string(),
            "dev.cfg: missing value for parameter `VpcId` of type `AWS::EC2::VPC::Id`, which has no `Default`"
        );
    }

    #[test]
    fn unknown_parameters_get_a_suggestion() {
        let text = DEV_CFG.replace("VpcId=", "VpcID=");
        let errors = check(&todobackend(), &text).expect_err("unknown");
        assert_eq!(errors[0].line, Some(6));
        assert_eq!(errors[0].key, "VpcID");
        assert_eq!(
            errors[0].in_file("dev.cfg").to_string(),
            "dev.cfg:6: unknown parameter `VpcID`; did you mean `VpcId`?"
        );
        assert_eq!(
            errors[0].to_string(),
            "line 6: unknown parameter `VpcID`; did you mean `VpcId`?"
        );
        // The misspelt line does not set `VpcId`.
        assert!(
            errors[1]
                .message
                .starts_with("missing value for parameter `VpcId`")
        );
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn suggestions_by_edit_distance() {
        let t = todobackend();
        let messages = errors(&t, &DEV_CFG.replace("PrivateSubnets=", "PrivateSubnet="));
        assert_eq!(
            messages[0],
            "dev.cfg:5: unknown parameter `PrivateSubnet`; did you mean `PrivateSubnets`?"
        );
        let messages = errors(
            &t,
            &DEV_CFG.replace("ApplicationImageId=", "ApplicatoinImageId="),
        );
        assert_eq!(
            messages[0],
            "dev.cfg:2: unknown parameter `ApplicatoinImageId`; did you mean `ApplicationImageId`?"
        );
        let messages = errors(&t, &format!("{DEV_CFG}Banana=1\n"));
        assert_eq!(messages, ["dev.cfg:7: unknown parameter `Banana`"]);
        let messages = errors(&Template::new(), "X=1");
        assert_eq!(
            messages,
            ["dev.cfg:1: unknown parameter `X`; the stack has no parameters"]
        );
    }

    #[test]
    fn did_you_mean_prefers_a_case_insensitive_match() {
        assert_eq!(did_you_mean("vpcid", ["VpcIds", "VpcId"]), Some("VpcId"));
        assert_eq!(did_you_mean("VpcI", ["VpcId"]), Some("VpcId"));
        assert_eq!(did_you_mean("Vpc", ["VpcId"]), None);
        assert_eq!(did_you_mean("Zzz", ["VpcId"]), None);
        assert_eq!(did_you_mean("-x", ["-o"]), None);
        assert_eq!(did_you_mean("Vpx", ["Vpc"]), Some("Vpc"));
    }

    #[test]
    fn malformed_lines() {
        let t = todobackend();
        let text = format!("{DEV_CFG}VpcId\n=vpc-f8233a80\n");
        assert_eq!(
            errors(&t, &text),
            [
                "dev.cfg:7: `VpcId` is not a parameter; expected `Key=Value`",
                "dev.cfg:8: `=vpc-f8233a80` has no parameter name; expected `Key=Value`",
            ]
        );
        let errors = check(&t, &text).expect_err("malformed");
        assert_eq!(errors[0].key, "VpcId");
        assert_eq!(errors[1].key, "");
    }

    #[test]
    fn duplicate_keys() {
        let text = format!("{DEV_CFG}VpcId=vpc-f8233a81\n");
        assert_eq!(
            errors(&todobackend(), &text),
            ["dev.cfg:7: parameter `VpcId` is set again; it was first set on line 6"]
        );
    }

    #[test]
    fn whitespace_inside_a_line_is_an_error() {
        let t = todobackend();
        let text = DEV_CFG.replace(
            "ApplicationImageTag=5fdbe62",
            "ApplicationImageTag=\"5fdbe62 beta\"",
        );
        assert_eq!(
            errors(&t, &text),
            [
                "dev.cfg:3: `ApplicationImageTag=\"5fdbe62 beta\"` contains whitespace, where the shell \
              splits `$(cat …)`, quotes or not; expected `Key=Value` without spaces"
            ]
        );
        let text = DEV_CFG.replace("VpcId=", "VpcId = ");
        assert_eq!(errors(&t, &text).len(), 1, "not missing as well");
        assert!(
            errors(&t, &text)[0]
                .starts_with("dev.cfg:6: `VpcId = vpc-f8233a80` contains whitespace")
        );
        let text = DEV_CFG.replace("VpcId=vpc-f8233a80", "VpcId=vpc-f8233a80 # the VPC");
        assert!(
            errors(&t, &text)[0]
                .starts_with("dev.cfg:6: `VpcId=vpc-f8233a80 # the VPC` contains whitespace")
        );
    }

    #[test]
    fn crlf_line_endings_are_an_error() {
        let text = DEV_CFG.replace('\n', "\r\n");
        let messages = errors(&todobackend(), &text);
        assert_eq!(messages.len(), 6);
        assert_eq!(
            messages[0],
            "dev.cfg:1: `ApplicationDesiredCount=1` ends with a carriage return, which `$(cat …)` \
             keeps in the value; expected Unix line endings (LF, not CRLF)"
        );
    }

    #[test]
    fn errors_are_all_reported_in_line_order() {
        let text = "ApplicationDesiredCount=one\nVpcID=vpc-f8233a80\nApplicationSubnets=subnet-a5d3ecee,subnet-xyz\n";
        let messages = errors(&todobackend(), text);
        assert_eq!(
            messages,
            [
                "dev.cfg:1: ApplicationDesiredCount=one: `one` is not a number; expected an integer \
                 or a decimal number such as `3` or `2.5`",
                "dev.cfg:2: unknown parameter `VpcID`; did you mean `VpcId`?",
                "dev.cfg:3: ApplicationSubnets=subnet-a5d3ecee,subnet-xyz: `subnet-xyz` is not a \
                 subnet id; expected `subnet-` followed by 8 or 17 hexadecimal digits",
                "dev.cfg: missing value for parameter `ApplicationImageId` of type `String`, which \
                 has no `Default`",
                "dev.cfg: missing value for parameter `PrivateSubnets` of type \
                 `List<AWS::EC2::Subnet::Id>`, which has no `Default`",
                "dev.cfg: missing value for parameter `VpcId` of type `AWS::EC2::VPC::Id`, which has \
                 no `Default`",
            ]
        );
    }

    #[test]
    fn numbers() {
        for good in [
            "0",
            "1",
            "-3",
            "+3",
            "2.5",
            "-0.25",
            "10000000000000000000000",
        ] {
            assert!(accepts("Number", good), "{good}");
        }
        for bad in [
            "", "one", "1e3", ".5", "5.", "1.2.3", "0x10", "1,5", "-", "1_000",
        ] {
            assert!(!accepts("Number", bad), "{bad}");
        }
        assert_eq!(
            value_error("Number", ""),
            "dev.cfg:1: P=: empty value; expected an integer or a decimal number such as `3` or `2.5`"
        );
    }

    #[test]
    fn number_lists() {
        assert!(accepts("List<Number>", "1,2.5,-3"));
        assert_eq!(
            value_error("List<Number>", "1,x"),
            "dev.cfg:1: P=1,x: `x` is not a number; expected an integer or a decimal number such as `3` or `2.5`"
        );
        assert_eq!(
            value_error("List<Number>", "1,,2"),
            "dev.cfg:1: P=1,,2: item 2 of the list is empty; expected numbers, separated by commas \
             with nothing between them"
        );
        assert_eq!(
            value_error("List<Number>", ""),
            "dev.cfg:1: P=: item 1 of the list is empty; expected numbers, separated by commas with \
             nothing between them"
        );
    }

    #[test]
    fn strings_and_comma_delimited_lists() {
        assert!(accepts("String", ""));
        assert!(accepts("String", "anything=at,all"));
        assert!(accepts("CommaDelimitedList", "a,b,c"));
        assert!(accepts("CommaDelimitedList", ""));
        assert!(!accepts("CommaDelimitedList", "a,"));
        // Types this checker does not know are not checked.
        assert!(accepts("AWS::EC2::Something::New", ""));
    }

    #[test]
    fn ec2_ids() {
        for (ty, prefix) in [
            ("AWS::EC2::VPC::Id", "vpc"),
            ("AWS::EC2::Subnet::Id", "subnet"),
            ("AWS::EC2::SecurityGroup::Id", "sg"),
            ("AWS::EC2::Image::Id", "ami"),
            ("AWS::EC2::Instance::Id", "i"),
            ("AWS::EC2::Volume::Id", "vol"),
        ] {
            assert!(accepts(ty, &format!("{prefix}-0123abcd")), "{ty}");
            assert!(accepts(ty, &format!("{prefix}-0123456789abcdef0")), "{ty}");
            for bad in ["", "0123abcd", "--0123abcd"] {
                assert!(!accepts(ty, &format!("{prefix}{bad}")), "{ty} {bad}");
            }
            for bad in [
                "-0123abc",
                "-0123abcde",
                "-0123abcg",
                "-0123456789abcdef",
                "_0123abcd",
            ] {
                assert!(!accepts(ty, &format!("{prefix}{bad}")), "{ty} {bad}");
            }
            let list = format!("List<{ty}>");
            let list: &'static str = Box::leak(list.into_boxed_str());
            assert!(accepts(
                list,
                &format!("{prefix}-0123abcd,{prefix}-89abcdef")
            ));
            assert!(!accepts(list, &format!("{prefix}-0123abcd,")));
            assert!(!accepts(list, ""));
        }
        assert_eq!(
            value_error("AWS::EC2::VPC::Id", "vpc-F8233A80"),
            "dev.cfg:1: P=vpc-F8233A80: `vpc-F8233A80` is not a VPC id; expected `vpc-` followed by \
             8 or 17 hexadecimal digits, in lowercase"
        );
        assert_eq!(
            value_error("AWS::EC2::Image::Id", ""),
            "dev.cfg:1: P=: empty value; expected `ami-` followed by 8 or 17 hexadecimal digits"
        );
        assert_eq!(
            value_error(
                "List<AWS::EC2::SecurityGroup::Id>",
                "sg-12345678,subnet-12345678"
            ),
            "dev.cfg:1: P=sg-12345678,subnet-12345678: `subnet-12345678` is not a security group \
             id; expected `sg-` followed by 8 or 17 hexadecimal digits"
        );
        assert_eq!(
            value_error("List<AWS::EC2::Subnet::Id>", ""),
            "dev.cfg:1: P=: item 1 of the list is empty; expected subnet ids, separated by commas \
             with nothing between them"
        );
    }

    #[test]
    fn names() {
        for ty in [
            "AWS::EC2::KeyPair::KeyName",
            "AWS::SSM::Parameter::Name",
            "AWS::SSM::Parameter::Value<String>",
            "AWS::SSM::Parameter::Value<List<String>>",
            "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
        ] {
            assert!(accepts(ty, "/ecsnet/dev/thing"), "{ty}");
            assert!(!accepts(ty, ""), "{ty}");
        }
        assert_eq!(
            value_error("AWS::EC2::KeyPair::KeyName", ""),
            "dev.cfg:1: P=: empty value; expected the name of a key pair"
        );
        assert!(accepts("List<AWS::EC2::KeyPair::KeyName>", "a,b"));
    }

    #[test]
    fn availability_zones() {
        for good in [
            "us-east-1a",
            "eu-west-2c",
            "ap-southeast-2b",
            "us-gov-west-1a",
            "cn-north-1a",
            "us-west-2-lax-1a",
            "us-east-1-wl1-bos-wlz-1",
        ] {
            assert!(accepts("AWS::EC2::AvailabilityZone::Name", good), "{good}");
        }
        for bad in [
            "",
            "us-east-1",
            "us-east-1ab",
            "us-east-a",
            "US-EAST-1A",
            "useast1a",
            "u-east-1a",
            "us--1a",
            "us-east-1a-",
        ] {
            assert!(!accepts("AWS::EC2::AvailabilityZone::Name", bad), "{bad}");
        }
        assert_eq!(
            value_error(
                "List<AWS::EC2::AvailabilityZone::Name>",
                "us-east-1a,us-east-1"
            ),
            "dev.cfg:1: P=us-east-1a,us-east-1: `us-east-1` is not an availability zone name; \
             expected a region followed by a zone letter, such as `us-east-1a`"
        );
    }

    #[test]
    fn hosted_zones() {
        assert!(accepts("AWS::Route53::HostedZone::Id", "Z23ABC4XYZL05B"));
        for bad in ["", "Z", "z23abc", "Z23abc", "23ABC", "/hostedzone/Z23ABC"] {
            assert!(!accepts("AWS::Route53::HostedZone::Id", bad), "{bad}");
        }
        assert_eq!(
            value_error("AWS::Route53::HostedZone::Id", "z23abc"),
            "dev.cfg:1: P=z23abc: `z23abc` is not a hosted zone id; expected `Z` followed by \
             uppercase letters and digits, such as `Z23ABC4XYZL05B`"
        );
    }

    #[test]
    fn allowed_values() {
        let t = template(vec![(
            "Env",
            Parameter {
                allowed_values: vec!["dev".into(), "prod".into()],
                ..param("String")
            },
        )]);
        assert!(check(&t, "Env=prod").is_ok());
        assert_eq!(
            errors(&t, "Env=Prod"),
            [
                "dev.cfg:1: Env=Prod: `Prod` is not an allowed value; expected one of `dev`, `prod` (`AllowedValues`)"
            ]
        );
        let t = template(vec![(
            "Count",
            Parameter {
                allowed_values: vec![Value::Int(1), Value::Int(3)],
                ..param("Number")
            },
        )]);
        assert!(check(&t, "Count=3").is_ok());
        assert!(check(&t, "Count=3.0").is_ok());
        assert!(check(&t, "Count=2").is_err());
        let t = template(vec![(
            "Envs",
            Parameter {
                allowed_values: vec!["dev".into(), "prod".into()],
                ..param("CommaDelimitedList")
            },
        )]);
        assert!(check(&t, "Envs=dev,prod").is_ok());
        assert_eq!(
            errors(&t, "Envs=dev,test"),
            [
                "dev.cfg:1: Envs=dev,test: `test` is not an allowed value; expected one of `dev`, `prod` (`AllowedValues`)"
            ]
        );
    }

    #[test]
    fn lengths() {
        let t = template(vec![(
            "Password",
            Parameter {
                min_length: Some(8),
                max_length: Some(10),
                allowed_pattern: Some("[a-z]*".into()),
                ..param("String")
            },
        )]);
        assert!(check(&t, "Password=abcdefgh").is_ok());
        // `AllowedPattern` is not checked.
        assert!(check(&t, "Password=ABCDEFGH").is_ok());
        assert!(check(&t, "Password=äöüäöüäö").is_ok());
        assert_eq!(
            errors(&t, "Password=short"),
            [
                "dev.cfg:1: Password=short: `short` is 5 characters long; expected at least 8 (`MinLength`)"
            ]
        );
        assert_eq!(
            errors(&t, "Password=much-too-long"),
            [
                "dev.cfg:1: Password=much-too-long: `much-too-long` is 13 characters long; expected at most 10 (`MaxLength`)"
            ]
        );
    }

    #[test]
    fn value_bounds() {
        let t = template(vec![(
            "Count",
            Parameter {
                min_value: Some(Value::Int(1)),
                max_value: Some(Value::Float(4.5)),
                ..param("Number")
            },
        )]);
        assert!(check(&t, "Count=1").is_ok());
        assert!(check(&t, "Count=4.5").is_ok());
        assert_eq!(
            errors(&t, "Count=0"),
            ["dev.cfg:1: Count=0: `0` is too small; expected at least 1 (`MinValue`)"]
        );
        assert_eq!(
            errors(&t, "Count=5"),
            ["dev.cfg:1: Count=5: `5` is too large; expected at most 4.5 (`MaxValue`)"]
        );
        let t = template(vec![(
            "Counts",
            Parameter {
                min_value: Some("1".into()),
                ..param("List<Number>")
            },
        )]);
        assert!(check(&t, "Counts=1,2").is_ok());
        assert!(check(&t, "Counts=1,0").is_err());
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let text = format!("\u{feff}{DEV_CFG}");
        assert_eq!(check(&todobackend(), &text).expect("valid").len(), 6);
        let t = template(vec![("X", param("String"))]);
        assert_eq!(
            check(&t, "\u{feff}X=1"),
            Ok(vec![("X".to_owned(), "1".to_owned())])
        );
        // Only at the start of the file.
        assert_eq!(
            errors(&t, "X=1\n\u{feff}Y=2"),
            ["dev.cfg:2: unknown parameter `\\u{feff}Y`"]
        );
    }

    #[test]
    fn control_characters_in_messages_are_escaped() {
        let t = template(vec![("Count", param("Number")), ("Name", param("String"))]);
        let text = "Name=x\nCount=\u{1b}[2J\u{7}\n\u{1b}]0;title\u{7}\nBad\u{1b}[31m=1\n\u{9b}31m\n\
                    Name=a\u{202e}b\tc\n\u{8}\u{0}\n";
        let messages = errors(&t, text);
        assert_eq!(
            messages,
            [
                "dev.cfg:2: Count=\\u{1b}[2J\\u{7}: `\\u{1b}[2J\\u{7}` is not a number; expected an \
                 integer or a decimal number such as `3` or `2.5`",
                "dev.cfg:3: `\\u{1b}]0;title\\u{7}` is not a parameter; expected `Key=Value`",
                "dev.cfg:4: unknown parameter `Bad\\u{1b}[31m`",
                "dev.cfg:5: `\\u{9b}31m` is not a parameter; expected `Key=Value`",
                "dev.cfg:6: `Name=a\\u{202e}b\\tc` contains whitespace, where the shell splits \
                 `$(cat …)`, quotes or not; expected `Key=Value` without spaces",
                "dev.cfg:7: `\\u{8}\\0` is not a parameter; expected `Key=Value`",
            ]
        );
        for message in &messages {
            assert!(!message.contains(char::is_control), "{message:?}");
        }
        // The key itself is kept as it is.
        let errors = check(&t, "Bad\u{1b}=1\nName=x\nCount=1").expect_err("unknown");
        assert_eq!(errors[0].key, "Bad\u{1b}");
        // Quotes, backslashes and printable Unicode are shown as they are.
        assert_eq!(
            escape("C:\\a \"b\" 'c' é 日本 😀 …"),
            "C:\\a \"b\" 'c' é 日本 😀 …"
        );
    }

    #[test]
    fn an_empty_file_only_misses_parameters() {
        let messages = errors(&todobackend(), "");
        assert_eq!(messages.len(), 5);
        assert!(
            messages
                .iter()
                .all(|m| m.starts_with("dev.cfg: missing value"))
        );
        assert_eq!(check(&Template::new(), "\n# nothing\n"), Ok(vec![]));
    }
}
