//! The constructs' definitions.

use ecsnet_macros::construct;

/// A NAT gateway with its Elastic IP, in a public subnet: the way out to
/// the internet for private subnets (`private_subnet`).
///
/// Declares `Gateway` (`AWS::EC2::NatGateway`) and `Address`
/// (`AWS::EC2::EIP` in the VPC domain, which a NAT gateway requires).
#[construct(export)]
pub mod nat_gateway {
    /// The public subnet the gateway lives in: one routed to an internet
    /// gateway.
    #[input(AWS::EC2::Subnet::Id)]
    pub struct PublicSubnet;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: sub!("${Address.AllocationId}"),
        subnet_id: PublicSubnet,
    })]
    pub struct Gateway;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    pub struct Address;
}

/// A private subnet with its own route table, the table's association, and
/// a default route through a NAT gateway: tasks in it reach the internet
/// without being reachable from it.
///
/// Declares `Subnet`, `RouteTable`, `SubnetRouteTableAssociation` and
/// `RouteTableDefaultRoute`.
#[construct(export)]
pub mod private_subnet {
    /// The VPC of the subnet.
    #[input(AWS::EC2::VPC::Id)]
    pub struct Vpc;

    /// The subnet's address block, inside the VPC's.
    #[input(String)]
    pub struct CidrBlock;

    /// The NAT gateway of the default route (for example a `nat_gateway`
    /// instance's `Gateway`).
    #[input(AWS::EC2::NatGateway)]
    pub struct NatGateway;

    /// The letter of the availability zone in the stack's region.
    #[input(String, default = "a")]
    pub struct Zone;

    #[resource(AWS::EC2::Subnet {
        availability_zone: sub!("${AWS::Region}${Zone}"),
        cidr_block: CidrBlock,
        vpc_id: Vpc,
    })]
    pub struct Subnet;

    #[resource(AWS::EC2::RouteTable { vpc_id: Vpc })]
    pub struct RouteTable;

    #[resource(AWS::EC2::SubnetRouteTableAssociation {
        route_table_id: RouteTable,
        subnet_id: Subnet,
    })]
    pub struct SubnetRouteTableAssociation;

    #[resource(AWS::EC2::Route {
        destination_cidr_block: "0.0.0.0/0",
        route_table_id: RouteTable,
        nat_gateway_id: NatGateway,
    })]
    pub struct RouteTableDefaultRoute;
}

/// An ECS service in `awsvpc` mode behind an Application Load Balancer's
/// target group, for the EC2 and Fargate launch types, in the spirit of
/// the CDK's `ApplicationLoadBalancedFargateService`: the tasks' own
/// security group, a target group of type `ip`, the load balancer's group
/// admitted on the container port (ingress and egress), and the service
/// with its network configuration.
///
/// Declares `SecurityGroup`, `ServiceTargetGroup`,
/// `LoadBalancerToTasksIngress`, `LoadBalancerToTasksEgress` and `Service`.
/// The task definition (in `awsvpc` mode), the cluster, the load balancer
/// and its listener are the stack's: a listener forwards to
/// `ServiceTargetGroup`.
#[construct(export)]
pub mod awsvpc_service {
    /// The VPC of the tasks and the target group.
    #[input(AWS::EC2::VPC::Id)]
    pub struct Vpc;

    /// The subnets of the tasks (private subnets, on EC2).
    #[input(List<AWS::EC2::Subnet::Id>)]
    pub struct Subnets;

    /// The cluster.
    #[input(AWS::ECS::Cluster)]
    pub struct Cluster;

    /// The task definition, in `awsvpc` network mode.
    #[input(AWS::ECS::TaskDefinition)]
    pub struct TaskDefinition;

    /// The container the load balancer sends traffic to, and its port.
    #[input(String)]
    pub struct ContainerName;

    #[input(Number)]
    pub struct ContainerPort;

    /// The load balancer's security group.
    #[input(AWS::EC2::SecurityGroup)]
    pub struct LoadBalancerSecurityGroup;

    /// How many tasks run.
    #[input(Number, default = 1)]
    pub struct DesiredCount;

    /// `"EC2"` or `"FARGATE"`; by default, the cluster's capacity decides.
    #[input(String, default = AWS::NoValue)]
    pub struct LaunchType;

    /// The description of the tasks' security group.
    #[input(String, default = "awsvpc tasks")]
    pub struct GroupDescription;

    /// What the tasks may reach: egress rules of their security group.
    #[input(List, default = AWS::NoValue)]
    pub struct Egress;

    /// Attributes of the target group, such as the deregistration delay.
    #[input(List, default = AWS::NoValue)]
    pub struct TargetGroupAttributes;

    /// The deployment configuration of the service.
    #[input(Object, default = AWS::NoValue)]
    pub struct DeploymentConfiguration;

    /// What the service waits for, in brackets: at least the listener that
    /// forwards to `ServiceTargetGroup` (a service whose target group has
    /// no listener yet fails to create).
    #[input(List)]
    pub struct DependsOn;

    #[resource(AWS::EC2::SecurityGroup {
        group_description: GroupDescription,
        vpc_id: Vpc,
        security_group_egress: Egress,
    })]
    pub struct SecurityGroup;

    #[resource(AWS::ElasticLoadBalancingV2::TargetGroup {
        protocol: "HTTP",
        port: ContainerPort,
        vpc_id: Vpc,
        target_type: "ip",
        target_group_attributes: TargetGroupAttributes,
    })]
    pub struct ServiceTargetGroup;

    #[resource(AWS::EC2::SecurityGroupIngress {
        ip_protocol: "tcp",
        from_port: ContainerPort,
        to_port: ContainerPort,
        group_id: SecurityGroup,
        source_security_group_id: LoadBalancerSecurityGroup,
    })]
    pub struct LoadBalancerToTasksIngress;

    #[resource(AWS::EC2::SecurityGroupEgress {
        ip_protocol: "tcp",
        from_port: ContainerPort,
        to_port: ContainerPort,
        group_id: LoadBalancerSecurityGroup,
        destination_security_group_id: SecurityGroup,
    })]
    pub struct LoadBalancerToTasksEgress;

    #[resource(AWS::ECS::Service {
        task_definition: TaskDefinition,
        cluster: Cluster,
        launch_type: LaunchType,
        desired_count: DesiredCount,
        network_configuration: {
            awsvpc_configuration: {
                security_groups: [SecurityGroup],
                subnets: Subnets,
            },
        },
        load_balancers: [{
            container_name: ContainerName,
            container_port: ContainerPort,
            target_group_arn: ServiceTargetGroup,
        }],
        deployment_configuration: DeploymentConfiguration,
    })]
    #[depends_on(DependsOn)]
    pub struct Service;
}
