//! `Ref`, `Fn::GetAtt` and `Fn::Sub` written as free-form JSON name what the stack declares, pseudo parameters and the variables of their own map; they are emitted as written.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(
    rules = {
        "UsEastOnly": {
            "Assertions": [{
                "Assert": { "Fn::Equals": [{ "Ref": "AWS::Region" }, "us-east-1"] },
                "AssertDescription": "the stack deploys to us-east-1",
            }],
        },
    },
)]
mod app {
    #[parameter(String, allowed_values = ["dev", "prod"])]
    pub struct Environment;

    #[condition(equals(Environment, "prod"))]
    pub struct IsProduction;

    #[resource(AWS::S3::Bucket {})]
    pub struct ArchiveBucket;

    #[resource(AWS::S3::BucketPolicy {
        bucket: ArchiveBucket,
        policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": [
                    { "Fn::GetAtt": ["ArchiveBucket", "Arn"] },
                    { "Fn::Sub": ["${Bucket}/${Prefix}*", { "Bucket": { "Fn::GetAtt": "ArchiveBucket.Arn" }, "Prefix": "logs/" }] },
                ],
                "Condition": { "Bool": { "aws:SecureTransport": "false" } },
            }],
        },
    })]
    #[metadata {
        "Owner": { "Fn::Sub": "${AWS::StackName}-${Environment}-${!Literal}" },
        "Retained": { "Fn::If": ["IsProduction", { "Ref": "ArchiveBucket" }, { "Ref": "AWS::NoValue" }] },
    }]
    pub struct ArchiveBucketPolicy;
}
// ANCHOR_END: here

fn main() {
    let json: serde_json::Value = serde_json::from_str(&app::template().to_json()).unwrap();
    let policy = &json["Resources"]["ArchiveBucketPolicy"];
    assert_eq!(
        policy["Metadata"]["Owner"],
        serde_json::json!({ "Fn::Sub": "${AWS::StackName}-${Environment}-${!Literal}" })
    );
    assert_eq!(
        policy["Properties"]["PolicyDocument"]["Statement"][0]["Resource"][0],
        serde_json::json!({ "Fn::GetAtt": ["ArchiveBucket", "Arn"] })
    );
    assert_eq!(
        json["Rules"]["UsEastOnly"]["Assertions"][0]["Assert"],
        serde_json::json!({ "Fn::Equals": [{ "Ref": "AWS::Region" }, "us-east-1"] })
    );
}
