//! `dependentRequired`: a property that needs others brings them along.
use ecsnet::prelude::*;

#[stack]
mod scaling {
    // ANCHOR: here
    #[resource(AWS::ApplicationAutoScaling::ScalingPolicy {
        policy_name: "cpu",
        policy_type: "TargetTrackingScaling",
        resource_id: "service/todobackend/web",
        target_tracking_scaling_policy_configuration: {
            predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageCPUUtilization" },
            target_value: 50,
        },
    })]
    struct CpuTracking;
    // ANCHOR_END: here
}

fn main() {}
