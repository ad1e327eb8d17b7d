//! `minimum`: a number is at least the schema's bound.
use ecsnet::prelude::*;

#[stack]
mod config {
    // ANCHOR: here
    #[resource(AWS::AppConfig::DeploymentStrategy {
        name: "Canary",
        deployment_duration_in_minutes: 30,
        growth_factor: 0.5,
        replicate_to: "NONE",
    })]
    struct Strategy;
    // ANCHOR_END: here
}

fn main() {}
