//! `maxItems`: a list has at most as many items as the schema says.
use ecsnet::prelude::*;

#[stack]
mod certificates {
    // ANCHOR: here
    #[resource(AWS::ACMPCA::Permission {
        actions: ["IssueCertificate", "GetCertificate", "ListPermissions", "IssueCertificate"],
        certificate_authority_arn: "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d",
        principal: "acm.amazonaws.com",
    })]
    struct AcmMayIssue;
    // ANCHOR_END: here
}

fn main() {}
