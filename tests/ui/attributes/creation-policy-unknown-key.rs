//! A creation policy has the shape CloudFormation documents; an unknown key is an error.
use ecsnet::prelude::*;

#[stack]
mod instances {
    #[resource(AWS::AutoScaling::LaunchConfiguration { image_id: "ami-12345678", instance_type: "t3.micro" })]
    struct LaunchConfiguration;

    // ANCHOR: here
    #[resource(AWS::AutoScaling::AutoScalingGroup {
        launch_configuration_name: LaunchConfiguration,
        min_size: "1",
        max_size: "1",
        availability_zones: get_azs(),
    })]
    #[creation_policy { resource_signal: { count: 1, timout: "PT15M" } }]
    struct Instances;
    // ANCHOR_END: here
}

fn main() {}
