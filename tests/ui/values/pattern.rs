//! `pattern`: a string matches the registry schema's regular expression (ECMA-262, as JSON Schema says).
use ecsnet::prelude::*;

#[stack]
mod storage {
    // ANCHOR: here
    #[resource(AWS::S3::Bucket { bucket_name: "Todobackend_Static" })]
    struct StaticFiles;
    // ANCHOR_END: here
}

fn main() {}
