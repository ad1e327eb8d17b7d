//! Recipe: HTTPS on an Application Load Balancer. The listener on 443
//! terminates TLS with an ACM certificate and forwards to the targets; the
//! listener on 80 redirects every request to HTTPS.
//!
//! ```text
//! cargo run --example https_listener
//! ```

use std::process::ExitCode;

use ecsnet::prelude::*;

/// A public load balancer serving HTTPS, redirecting HTTP.
#[stack]
pub mod https_listener {
    /// The VPC to run in.
    #[parameter(AWS::EC2::VPC::Id)]
    pub struct VpcId;

    /// Public subnets for the load balancer (two zones at least).
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    pub struct PublicSubnets;

    /// The ACM certificate for the site's name, in the stack's region.
    #[parameter(String, allowed_pattern = "^arn:aws[a-z-]*:acm:.+")]
    pub struct CertificateArn;

    /// HTTP and HTTPS from anywhere: the two ports the world may reach.
    #[resource(AWS::EC2::SecurityGroup {
        group_description: "public load balancer",
        vpc_id: VpcId,
        security_group_ingress: [
            { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ip: "0.0.0.0/0" },
            { ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ip: "0.0.0.0/0" },
        ],
    })]
    pub struct LoadBalancerSecurityGroup;

    #[resource(AWS::ElasticLoadBalancingV2::LoadBalancer {
        scheme: "internet-facing",
        subnets: PublicSubnets,
        security_groups: [LoadBalancerSecurityGroup],
    })]
    pub struct LoadBalancer;

    #[resource(AWS::ElasticLoadBalancingV2::TargetGroup {
        protocol: "HTTP",
        port: 8080,
        vpc_id: VpcId,
        target_type: "ip",
    })]
    pub struct Targets;

    // ANCHOR: listeners
    /// TLS ends here, with a current security policy.
    #[resource(AWS::ElasticLoadBalancingV2::Listener {
        load_balancer_arn: LoadBalancer,
        protocol: "HTTPS",
        port: 443,
        certificates: [{ certificate_arn: CertificateArn }],
        ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
        default_actions: [{ type: "forward", target_group_arn: Targets }],
    })]
    pub struct HttpsListener;

    /// Every plain HTTP request gets a permanent redirect to HTTPS.
    #[resource(AWS::ElasticLoadBalancingV2::Listener {
        load_balancer_arn: LoadBalancer,
        protocol: "HTTP",
        port: 80,
        default_actions: [{
            type: "redirect",
            redirect_config: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" },
        }],
    })]
    pub struct HttpRedirect;
    // ANCHOR_END: listeners

    /// Where to browse.
    #[output(sub!("https://${LoadBalancer.DNSName}"))]
    pub struct Url;
}

fn main() -> ExitCode {
    ecsnet::cli::main(&https_listener::template())
}
