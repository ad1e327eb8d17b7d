//! `oneOf`: exactly one of the alternative forms the schema gives.
use ecsnet::prelude::*;

#[stack]
mod database {
    // ANCHOR: here
    #[resource(AWS::RDS::GlobalCluster {
        global_cluster_identifier: "todobackend",
        engine: "aurora-mysql",
        source_db_cluster_identifier: "arn:aws:rds:us-east-1:123456789012:cluster:todobackend",
    })]
    struct Global;
    // ANCHOR_END: here
}

fn main() {}
