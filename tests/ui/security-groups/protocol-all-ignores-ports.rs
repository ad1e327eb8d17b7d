//! With protocol `-1` AWS opens every port and ignores the range, the opposite of what the rule says.
#![deny(warnings)]
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
            { ip_protocol: "-1", from_port: 22, to_port: 22, cidr_ip: "10.0.0.0/16" },
        ],
    })]
    struct WebSecurityGroup;
    // ANCHOR_END: here
}

fn main() {}
