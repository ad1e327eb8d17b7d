//! Warnings kept on purpose: an acknowledged deprecated runtime and an acknowledged engine version newer than ecsnet's data compile, and the reasons go into the template. cfn-lint disagrees by design: it judges runtimes against today's date and takes its version lists as complete, so the fuzz sample does not lint this stack.
#![deny(warnings)]
use ecsnet::prelude::*;

#[stack]
mod kept {
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" }],
        },
    })]
    struct HandlerRole;

    // ANCHOR: here
    /// Kept on a deprecated runtime until its dependencies move, on purpose.
    #[resource(AWS::Lambda::Function {
        code: { zip_file: "def handler(event, context):\n    return None\n" },
        handler: "index.handler",
        role: HandlerRole.Arn,
        runtime: #[acknowledge(discouraged_value, reason = "the vendored SDK needs Python 3.9 until the next release")] "python3.9",
    })]
    struct LegacyHandler;

    /// On an engine version released after the data was published.
    #[resource(AWS::RDS::DBInstance {
        engine: "MySQL",
        engine_version: #[acknowledge(unlisted_value, reason = "released after ecsnet's data; tested in staging")] "8.4.99",
        db_instance_class: "db.t3.micro",
        allocated_storage: "10",
        master_username: "todobackend",
        master_user_password: "change-me-please",
    })]
    struct ReleaseCandidateDatabase;
    // ANCHOR_END: here
}

fn main() {
    let template = kept::template().to_json();
    assert!(template.contains("\"python3.9\""));
    assert!(template.contains("\"8.4.99\""));
    assert!(template.contains("the vendored SDK needs Python 3.9"));
}
