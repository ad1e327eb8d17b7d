//! A reversed port range is one error, at the range: the rules that read the range report nothing more, not even a missing ingress rule.
use ecsnet::prelude::*;

#[stack]
mod web {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PrivateSubnets;

    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PublicSubnets;

    #[resource(AWS::ECS::Cluster {})]
    struct Cluster;

    #[resource(AWS::EC2::SecurityGroup { group_description: "web tasks", vpc_id: VpcId })]
    struct TaskSecurityGroup;

    #[resource(AWS::EC2::SecurityGroup {
        group_description: "web load balancer",
        vpc_id: VpcId,
        security_group_ingress: [
            { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ip: "0.0.0.0/0" },
        ],
    })]
    struct LoadBalancerSecurityGroup;

    // ANCHOR: here
    #[resource(AWS::EC2::SecurityGroupIngress {
        ip_protocol: "tcp",
        from_port: 443,
        to_port: 80,
        group_id: TaskSecurityGroup,
        source_security_group_id: LoadBalancerSecurityGroup,
    })]
    struct LoadBalancerToTasks;
    // ANCHOR_END: here

    #[resource(AWS::ElasticLoadBalancingV2::LoadBalancer {
        subnets: PublicSubnets,
        security_groups: [LoadBalancerSecurityGroup],
    })]
    struct LoadBalancer;

    #[resource(AWS::ElasticLoadBalancingV2::Listener {
        load_balancer_arn: LoadBalancer,
        protocol: "HTTP",
        port: 80,
        default_actions: [{ type: "forward", target_group_arn: WebTargetGroup }],
    })]
    struct HttpListener;

    // ANCHOR: here
    #[resource(AWS::ElasticLoadBalancingV2::TargetGroup {
        protocol: "HTTP",
        port: 8000,
        vpc_id: VpcId,
        target_type: "ip",
    })]
    struct WebTargetGroup;

    #[resource(AWS::ECS::TaskDefinition {
        family: "web",
        network_mode: "awsvpc",
        container_definitions: [{
            name: "web",
            image: "nginx",
            memory: 256,
            port_mappings: [{ container_port: 8000 }],
        }],
    })]
    struct WebTask;

    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: WebTask,
        desired_count: 1,
        network_configuration: {
            awsvpc_configuration: {
                subnets: PrivateSubnets,
                security_groups: [TaskSecurityGroup],
            },
        },
        load_balancers: [{
            container_name: "web",
            container_port: 8000,
            target_group_arn: WebTargetGroup,
        }],
    })]
    #[depends_on(HttpListener)]
    struct WebService;
    // ANCHOR_END: here
}

fn main() {}
