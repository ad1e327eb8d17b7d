//! The template-level sections: `Transform`, `Metadata` with a console interface, and `Rules`.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(
    description = "A queue, with its console form",
    transform = ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"],
    metadata = {
        "AWS::CloudFormation::Interface": {
            "ParameterGroups": [
                { "Label": { "default": "Environment" }, "Parameters": ["Environment", "Retention"] },
            ],
            "ParameterLabels": { "Retention": { "default": "How long messages stay" } },
        },
    },
    rules = {
        "ProductionKeepsMessages": {
            "RuleCondition": { "Fn::Equals": [Environment, "prod"] },
            "Assertions": [{
                "Assert": { "Fn::Contains": [["1209600"], Retention] },
                "AssertDescription": "production keeps messages 14 days",
            }],
        },
    },
)]
mod queue {
    #[parameter(String, allowed_values = ["dev", "prod"])]
    pub struct Environment;

    #[parameter(Number, default = 345600)]
    pub struct Retention;

    #[resource(AWS::SQS::Queue { message_retention_period: Retention })]
    pub struct Queue;
}
// ANCHOR_END: here

fn main() {
    let json: serde_json::Value = serde_json::from_str(&queue::template().to_json()).unwrap();
    let expected: serde_json::Value = serde_json::from_str(
        r#"{
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "A queue, with its console form",
        "Metadata": {
            "AWS::CloudFormation::Interface": {
                "ParameterGroups": [
                    {"Label": {"default": "Environment"}, "Parameters": ["Environment", "Retention"]}
                ],
                "ParameterLabels": {"Retention": {"default": "How long messages stay"}}
            }
        },
        "Parameters": {
            "Environment": {"Type": "String", "AllowedValues": ["dev", "prod"]},
            "Retention": {"Type": "Number", "Default": "345600"}
        },
        "Rules": {
            "ProductionKeepsMessages": {
                "RuleCondition": {"Fn::Equals": [{"Ref": "Environment"}, "prod"]},
                "Assertions": [{
                    "Assert": {"Fn::Contains": [["1209600"], {"Ref": "Retention"}]},
                    "AssertDescription": "production keeps messages 14 days"
                }]
            }
        },
        "Transform": ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"],
        "Resources": {
            "Queue": {"Type": "AWS::SQS::Queue",
                      "Properties": {"MessageRetentionPeriod": {"Ref": "Retention"}}}
        }
    }"#,
    )
    .unwrap();
    assert_eq!(json, expected);
    // In the order of the template anatomy.
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Transform", "Resources"]
    );
}
