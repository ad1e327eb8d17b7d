//! Every intrinsic function, pseudo parameter, resource attribute and output option, and the JSON each becomes.
use ecsnet::prelude::*;

#[stack(description = "Every part of the language")]
mod language {
    /// How many instances
    #[parameter(Number, default = 2, allowed_values = [1, 2, 4], min_value = 1, max_value = 4)]
    pub struct Count;

    #[parameter(String, no_echo, min_length = 8, max_length = 64, allowed_pattern = "[a-zA-Z0-9]*", constraint_description = "letters and digits")]
    pub struct Password;

    #[parameter(CommaDelimitedList, default = "a,b")]
    pub struct Names;

    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {
        log_group_name: sub!("/${AWS::StackName}/${Suffix}-${!Literal}", { Suffix: select(1, Names) }),
        retention_in_days: 7,
        tags: [
            { key: "Joined", value: join("-", [AWS::Region, AWS::AccountId, "x"]) },
            { key: "Zone", value: select(0, get_azs()) },
            { key: "First", value: select(0, split(",", "a,b")) },
            { key: "Imported", value: import_value(sub!("${AWS::StackName}-vpc")) },
            { key: "Encoded", value: base64("hello") },
            { key: "Partition", value: AWS::Partition },
        ],
    })]
    #[deletion_policy(Retain)]
    #[update_replace_policy(Delete)]
    #[metadata { "Purpose": "every intrinsic", "Count": Count }]
    pub struct Logs;

    #[resource(AWS::Logs::LogGroup { log_group_name: sub!("${Logs}-copy") })]
    #[depends_on(Logs)]
    pub struct CopyLogs;

    /// The first log group's ARN
    #[output(Logs.Arn, export = sub!("${AWS::StackName}-logs"))]
    pub struct LogsArn;
    // ANCHOR_END: here
}

fn main() {
    let template = language::template();
    let json: serde_json::Value = serde_json::from_str(&template.to_json()).unwrap();
    // The JSON below was checked by hand against the CloudFormation template reference.
    let expected: serde_json::Value = serde_json::from_str(
        r#"{
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "Every part of the language",
        "Parameters": {
            "Count": {"Type": "Number", "Description": "How many instances", "Default": "2",
                      "AllowedValues": ["1", "2", "4"], "MinValue": 1, "MaxValue": 4},
            "Password": {"Type": "String", "AllowedPattern": "[a-zA-Z0-9]*",
                         "ConstraintDescription": "letters and digits", "MinLength": 8, "MaxLength": 64,
                         "NoEcho": true},
            "Names": {"Type": "CommaDelimitedList", "Default": "a,b"}
        },
        "Resources": {
            "Logs": {
                "Type": "AWS::Logs::LogGroup",
                "Metadata": {"Purpose": "every intrinsic", "Count": {"Ref": "Count"}},
                "DeletionPolicy": "Retain",
                "UpdateReplacePolicy": "Delete",
                "Properties": {
                    "LogGroupName": {"Fn::Sub": ["/${AWS::StackName}/${Suffix}-${!Literal}",
                                                 {"Suffix": {"Fn::Select": [1, {"Ref": "Names"}]}}]},
                    "RetentionInDays": 7,
                    "Tags": [
                        {"Key": "Joined", "Value": {"Fn::Join": ["-", [{"Ref": "AWS::Region"}, {"Ref": "AWS::AccountId"}, "x"]]}},
                        {"Key": "Zone", "Value": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}},
                        {"Key": "First", "Value": {"Fn::Select": [0, {"Fn::Split": [",", "a,b"]}]}},
                        {"Key": "Imported", "Value": {"Fn::ImportValue": {"Fn::Sub": "${AWS::StackName}-vpc"}}},
                        {"Key": "Encoded", "Value": {"Fn::Base64": "hello"}},
                        {"Key": "Partition", "Value": {"Ref": "AWS::Partition"}}
                    ]
                }
            },
            "CopyLogs": {
                "Type": "AWS::Logs::LogGroup",
                "DependsOn": ["Logs"],
                "Properties": {"LogGroupName": {"Fn::Sub": "${Logs}-copy"}}
            }
        },
        "Outputs": {
            "LogsArn": {
                "Description": "The first log group's ARN",
                "Value": {"Fn::GetAtt": ["Logs", "Arn"]},
                "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-logs"}}
            }
        }
    }"#,
    )
    .unwrap();
    assert_eq!(json, expected);
    // Declaration order survives: parameters and resources come out as written.
    let keys: Vec<&String> = json["Resources"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["Logs", "CopyLogs"]);
}
