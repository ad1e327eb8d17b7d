//! `minItems`: a list has at least as many items as the schema says.
use ecsnet::prelude::*;

#[stack]
mod certificates {
    // ANCHOR: here
    #[resource(AWS::ACMPCA::Permission {
        actions: [],
        certificate_authority_arn: "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d",
        principal: "acm.amazonaws.com",
    })]
    struct AcmMayIssue;
    // ANCHOR_END: here
}

fn main() {}
