//! `allOf`: every form the schema gives, here requirements beyond the `required` list.
use ecsnet::prelude::*;

#[stack]
mod metrics {
    // ANCHOR: here
    #[resource(AWS::CloudWatch::MetricStream {
        output_format: "json",
    })]
    struct Stream;
    // ANCHOR_END: here
}

fn main() {}
