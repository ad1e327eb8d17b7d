//! The capabilities a template needs CloudFormation to be told about,
//! inferred from what it declares (the AWS CLI makes the user list them).

use serde_json::Value;

/// The properties that name an IAM resource, which then needs
/// `CAPABILITY_NAMED_IAM` instead of `CAPABILITY_IAM`.
const IAM_NAME_PROPERTIES: [&str; 5] = [
    "RoleName",
    "UserName",
    "GroupName",
    "ManagedPolicyName",
    "InstanceProfileName",
];

/// The capabilities the template needs, in CloudFormation's spelling and
/// a fixed order.
#[must_use]
pub fn required(template: &Value) -> Vec<&'static str> {
    let mut capabilities = Vec::new();
    let resources = template
        .get("Resources")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|resources| resources.values());
    let mut iam = false;
    let mut named_iam = false;
    for resource in resources {
        let is_iam = resource
            .get("Type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.starts_with("AWS::IAM::"));
        if !is_iam {
            continue;
        }
        iam = true;
        let properties = resource.get("Properties");
        if IAM_NAME_PROPERTIES
            .iter()
            .any(|name| properties.and_then(|p| p.get(name)).is_some())
        {
            named_iam = true;
        }
    }
    if named_iam {
        capabilities.push("CAPABILITY_NAMED_IAM");
    } else if iam {
        capabilities.push("CAPABILITY_IAM");
    }
    if template.get("Transform").is_some() {
        capabilities.push("CAPABILITY_AUTO_EXPAND");
    }
    capabilities
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_iam_role_needs_capability_iam() {
        let template = json!({ "Resources": {
            "Role": { "Type": "AWS::IAM::Role", "Properties": { "Path": "/" } },
            "Topic": { "Type": "AWS::SNS::Topic" }
        }});
        assert_eq!(required(&template), ["CAPABILITY_IAM"]);
    }

    #[test]
    fn a_named_role_needs_capability_named_iam() {
        let template = json!({ "Resources": {
            "Role": { "Type": "AWS::IAM::Role", "Properties": { "RoleName": "app" } }
        }});
        assert_eq!(required(&template), ["CAPABILITY_NAMED_IAM"]);
    }

    #[test]
    fn a_transform_needs_auto_expand() {
        let template = json!({
            "Transform": "AWS::Serverless-2016-10-31",
            "Resources": { "Topic": { "Type": "AWS::SNS::Topic" } }
        });
        assert_eq!(required(&template), ["CAPABILITY_AUTO_EXPAND"]);
        assert!(required(&json!({ "Resources": {} })).is_empty());
    }
}
