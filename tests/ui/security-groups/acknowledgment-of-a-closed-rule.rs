//! An acknowledgment on a rule that opens nothing beyond 80 and 443 is an error: it would record an exception that is not one.
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
            #[acknowledge(open_ingress, reason = "HTTPS from anywhere")]
            { ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ip: "0.0.0.0/0" },
        ],
    })]
    struct WebSecurityGroup;
    // ANCHOR_END: here
}

fn main() {}
