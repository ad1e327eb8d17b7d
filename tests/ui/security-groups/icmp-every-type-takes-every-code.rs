//! An ICMP rule for every type (`-1`) covers every code (`-1`).
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[resource(AWS::EC2::SecurityGroup {
        group_description: "ping",
        security_group_ingress: [
            { ip_protocol: "icmp", from_port: -1, to_port: 1, cidr_ip: "10.0.0.0/16" },
        ],
    })]
    struct PingSecurityGroup;
    // ANCHOR_END: here
}

fn main() {}
