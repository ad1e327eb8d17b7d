//! The properties of an `extern` resource pass through unchecked, but the references in them are still checked.
use ecsnet::prelude::*;

#[stack]
mod database {
    #[parameter(String)]
    struct AtlasProject;

    // ANCHOR: here
    #[resource(extern MongoDB::Atlas::Cluster {
        ProjectId: AtlasProjct,
        Name: "todobackend",
    })]
    struct Atlas;
    // ANCHOR_END: here
}

fn main() {}
