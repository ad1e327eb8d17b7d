//! A rule's port range runs from `from_port` up to `to_port`.
use ecsnet::prelude::*;

#[stack]
mod web {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    // ANCHOR: here
    #[resource(AWS::EC2::SecurityGroup {
        group_description: "Web servers",
        vpc_id: VpcId,
        security_group_ingress: [
            { ip_protocol: "tcp", from_port: 8080, to_port: 8000, cidr_ip: "10.0.0.0/16" },
        ],
    })]
    struct WebSecurityGroup;
    // ANCHOR_END: here
}

fn main() {}
