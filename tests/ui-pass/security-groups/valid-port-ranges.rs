//! Port ranges that mean what they say: ordered tcp ranges, every ICMP type with `-1`, and every protocol with `-1` and no ports.
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
            { ip_protocol: "tcp", from_port: 8000, to_port: 8080, cidr_ip: "10.0.0.0/16" },
            { ip_protocol: "icmp", from_port: -1, to_port: -1, cidr_ip: "10.0.0.0/16" },
            { ip_protocol: "-1", cidr_ip: "10.1.0.0/16" },
        ],
    })]
    struct WebSecurityGroup;
    // ANCHOR_END: here
}

fn main() {
    let template = web::template();
    assert!(template.resources.contains_key("WebSecurityGroup"));
}
