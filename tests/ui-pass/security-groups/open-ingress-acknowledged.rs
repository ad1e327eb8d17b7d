//! An acknowledged open port compiles, and the reason is recorded in the resource's metadata.
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
            { ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ip: "0.0.0.0/0" },
            #[acknowledge(open_ingress, reason = "SSH from anywhere while the bastion host is built")]
            { ip_protocol: "tcp", from_port: 22, to_port: 22, cidr_ip: "0.0.0.0/0" },
        ],
    })]
    struct WebSecurityGroup;
    // ANCHOR_END: here
}

fn main() {
    let template = web::template();
    let json = template.to_json();
    assert!(json.contains(r#""Rule":"open-ingress","At":"SecurityGroupIngress[1]""#), "{json}");
}
