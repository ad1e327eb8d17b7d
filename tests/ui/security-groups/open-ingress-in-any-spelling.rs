//! Ingress open to the world is found however the block is written.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[resource(AWS::EC2::SecurityGroup {
        group_description: "bastion",
        security_group_ingress: [
            { ip_protocol: "tcp", from_port: 22, to_port: 22, cidr_ip: "0.0.0.0/00" },
            { ip_protocol: "tcp", from_port: 3389, to_port: 3389, cidr_ip: sub!("0.0.0.0/0") },
        ],
    })]
    struct BastionSecurityGroup;
    // ANCHOR_END: here
}

fn main() {}
