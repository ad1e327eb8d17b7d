//! `maximum` (and `minimum`) hold for numbers that are not integers too.
use ecsnet::prelude::*;

#[stack]
mod config {
    // ANCHOR: here
    #[resource(AWS::AppConfig::DeploymentStrategy {
        name: "Canary",
        deployment_duration_in_minutes: 30,
        growth_factor: 100.5,
        replicate_to: "NONE",
    })]
    struct Strategy;
    // ANCHOR_END: here
}

fn main() {}
