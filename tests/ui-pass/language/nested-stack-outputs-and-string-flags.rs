//! A nested stack's outputs are read as `Stack.Outputs.Name`, and a `String` parameter may list `true` and `false` as its values, as CloudFormation converts them.
use ecsnet::prelude::*;

#[stack]
mod parent {
    /// Whether the bucket keys are enabled.
    #[parameter(String, allowed_values = [true, false], default = false)]
    struct BucketKeyEnabled;

    // ANCHOR: here
    #[resource(AWS::CloudFormation::Stack {
        template_url: "https://s3.amazonaws.com/templates/network.yaml",
        parameters: { "BucketKeyEnabled": BucketKeyEnabled },
    })]
    struct Network;

    #[output(Network.Outputs.VpcId)]
    struct VpcId;
    // ANCHOR_END: here
}

fn main() {
    let template: serde_json::Value = serde_json::from_str(&parent::template().to_json()).unwrap();
    assert_eq!(
        template["Outputs"]["VpcId"]["Value"],
        serde_json::json!({ "Fn::GetAtt": ["Network", "Outputs.VpcId"] })
    );
    assert_eq!(template["Parameters"]["BucketKeyEnabled"]["Default"], "false");
}
