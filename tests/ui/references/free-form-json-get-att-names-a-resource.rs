//! `Fn::GetAtt` written as free-form JSON, as in a policy copied from a template, names a resource of the stack like `Name.Attribute` does.
use ecsnet::prelude::*;

#[stack]
mod orders {
    #[resource(AWS::DynamoDB::Table {
        billing_mode: "PAY_PER_REQUEST",
        attribute_definitions: [{ attribute_name: "id", attribute_type: "S" }],
        key_schema: [{ attribute_name: "id", key_type: "HASH" }],
    })]
    struct OrdersTable;

    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "lambda.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
    })]
    struct ApiFunctionRole;

    // ANCHOR: here
    #[resource(AWS::IAM::Policy {
        policy_name: "OrdersTableAccess",
        roles: [ApiFunctionRole],
        policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
                "Resource": { "Fn::GetAtt": ["OrderTable", "Arn"] },
            }],
        },
    })]
    struct OrdersTableAccess;
    // ANCHOR_END: here
}

fn main() {}
