//! `awsvpc` tasks on EC2 instances get no public IP: in a subnet routed to an internet gateway they cannot reach the internet (the chapter's quiz, question 5).
use ecsnet::prelude::*;

#[stack]
mod workers {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    struct Vpc;

    #[resource(AWS::EC2::InternetGateway {})]
    struct InternetGateway;

    #[resource(AWS::EC2::VPCGatewayAttachment { vpc_id: Vpc, internet_gateway_id: InternetGateway })]
    struct GatewayAttachment;

    #[resource(AWS::EC2::Subnet { cidr_block: "10.0.0.0/24", vpc_id: Vpc, map_public_ip_on_launch: true })]
    struct PublicSubnet;

    #[resource(AWS::EC2::RouteTable { vpc_id: Vpc })]
    struct PublicRouteTable;

    #[resource(AWS::EC2::SubnetRouteTableAssociation { route_table_id: PublicRouteTable, subnet_id: PublicSubnet })]
    struct PublicSubnetRoutes;

    #[resource(AWS::EC2::Route {
        destination_cidr_block: "0.0.0.0/0",
        route_table_id: PublicRouteTable,
        gateway_id: InternetGateway,
    })]
    #[depends_on(GatewayAttachment)]
    struct PublicDefaultRoute;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    #[depends_on(GatewayAttachment)]
    struct ElasticIP;

    #[resource(AWS::EC2::NatGateway { allocation_id: ElasticIP.AllocationId, subnet_id: PublicSubnet })]
    struct NatGateway;

    #[resource(AWS::EC2::Subnet { cidr_block: "10.0.1.0/24", vpc_id: Vpc })]
    struct PrivateSubnet;

    #[resource(AWS::EC2::RouteTable { vpc_id: Vpc })]
    struct PrivateRouteTable;

    #[resource(AWS::EC2::SubnetRouteTableAssociation { route_table_id: PrivateRouteTable, subnet_id: PrivateSubnet })]
    struct PrivateSubnetRoutes;

    #[resource(AWS::EC2::Route {
        destination_cidr_block: "0.0.0.0/0",
        route_table_id: PrivateRouteTable,
        nat_gateway_id: NatGateway,
    })]
    struct PrivateDefaultRoute;

    #[resource(AWS::EC2::SecurityGroup { group_description: "worker tasks", vpc_id: Vpc })]
    struct TaskSecurityGroup;

    #[resource(AWS::ECS::Cluster {})]
    struct Cluster;

    #[resource(AWS::ECS::TaskDefinition {
        family: "worker",
        network_mode: "awsvpc",
        container_definitions: [{ name: "worker", image: "worker:latest", memory: 256 }],
    })]
    struct WorkerTask;

    // ANCHOR: here
    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: WorkerTask,
        desired_count: 1,
        launch_type: "EC2",
        network_configuration: {
            awsvpc_configuration: { subnets: [PublicSubnet], security_groups: [TaskSecurityGroup] },
        },
    })]
    struct WorkerService;
    // ANCHOR_END: here
}

fn main() {}
