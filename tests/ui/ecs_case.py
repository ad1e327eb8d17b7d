"""Writes the ECS compile-fail and pass cases: one small web stack, varied
one block at a time. Run from tests/: `python3 ui/ecs_case.py` (the files it
writes are committed; this script is how they were made)."""

BLOCKS = {
"params": '''    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PrivateSubnets;

    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PublicSubnets;

    #[resource(AWS::ECS::Cluster {})]
    struct Cluster;
''',
"groups": '''    #[resource(AWS::EC2::SecurityGroup { group_description: "web tasks", vpc_id: VpcId })]
    struct TaskSecurityGroup;

    #[resource(AWS::EC2::SecurityGroup {
        group_description: "web load balancer",
        vpc_id: VpcId,
        security_group_ingress: [
            { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ip: "0.0.0.0/0" },
        ],
    })]
    struct LoadBalancerSecurityGroup;
''',
"ingress": '''    #[resource(AWS::EC2::SecurityGroupIngress {
        ip_protocol: "tcp",
        from_port: 8000,
        to_port: 8000,
        group_id: TaskSecurityGroup,
        source_security_group_id: LoadBalancerSecurityGroup,
    })]
    struct LoadBalancerToTasks;
''',
"balancer": '''    #[resource(AWS::ElasticLoadBalancingV2::LoadBalancer {
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
''',
"target_group": '''    #[resource(AWS::ElasticLoadBalancingV2::TargetGroup {
        protocol: "HTTP",
        port: 8000,
        vpc_id: VpcId,
        target_type: "ip",
    })]
    struct WebTargetGroup;
''',
"task": '''    #[resource(AWS::ECS::TaskDefinition {
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
''',
"service": '''    #[resource(AWS::ECS::Service {
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
''',
}
ORDER = ["params", "groups", "ingress", "balancer", "target_group", "task", "service"]


def write(path, doc, shown, passing=False, check=None, **changes):
    blocks = dict(BLOCKS)
    for name, (old, new) in changes.items():
        assert old in blocks[name], (path, name, old)
        blocks[name] = blocks[name].replace(old, new)
    hidden = [blocks[n] for n in ORDER if n not in shown]
    anchored = [blocks[n] for n in ORDER if n in shown]
    text = f"//! {doc}\nuse ecsnet::prelude::*;\n\n#[stack]\nmod web {{\n"
    text += "\n".join(hidden) + "\n    // ANCHOR: here\n" + "\n".join(anchored) + "    // ANCHOR_END: here\n}\n\n"
    if passing:
        check = check or 'assert!(web::template().resources.contains_key("WebService"));'
        text += "fn main() {\n    " + check + "\n}\n"
        open(f"ui-pass/{path}.rs", "w").write(text)
    else:
        text += "fn main() {}\n"
        open(f"ui/{path}.rs", "w").write(text)


write("network-mode/awsvpc-service-behind-an-ip-target-group",
      "An `awsvpc` service registers its tasks by IP address: its target group has `target_type: \"ip\"`, its tasks have subnets and a security group, and the load balancer's group is admitted on the container port.",
      ["target_group", "task", "service"], passing=True)
write("network-mode/awsvpc-requires-ip-target-type",
      "An `awsvpc` service needs target groups of type `ip`; an omitted `target_type` means `instance`.",
      ["target_group", "service"], target_group=('        target_type: "ip",\n', ''))
write("network-mode/instance-target-type-with-awsvpc",
      "An `awsvpc` service cannot use a target group of type `instance`.",
      ["target_group", "task"], target_group=('target_type: "ip"', 'target_type: "instance"'))
write("network-mode/bridge-requires-instance-target-type",
      "A `bridge` service is reached through its container instances: its target group has type `instance`.",
      ["target_group", "task"],
      task=('network_mode: "awsvpc"', 'network_mode: "bridge"'),
      service=('''        network_configuration: {
            awsvpc_configuration: {
                subnets: PrivateSubnets,
                security_groups: [TaskSecurityGroup],
            },
        },
''', ''))
write("network-mode/awsvpc-service-sets-no-role",
      "An `awsvpc` service uses ECS's service-linked role; setting `role` fails the deployment.",
      ["service"], service=('        desired_count: 1,\n', '        desired_count: 1,\n        role: "ecsServiceRole",\n'))
write("network-mode/awsvpc-service-needs-network-configuration",
      "An `awsvpc` service says which subnets and security groups its tasks' network interfaces use.",
      ["service"], service=('''        network_configuration: {
            awsvpc_configuration: {
                subnets: PrivateSubnets,
                security_groups: [TaskSecurityGroup],
            },
        },
''', ''))
write("network-mode/bridge-service-takes-no-network-configuration",
      "Only `awsvpc` services take a network configuration.",
      ["task", "service"], task=('network_mode: "awsvpc"', 'network_mode: "bridge"'),
      target_group=('target_type: "ip"', 'target_type: "instance"'))
write("network-mode/awsvpc-on-ec2-gets-no-public-ip",
      "`awsvpc` tasks on EC2 instances get no public IP address; they reach the internet through a NAT gateway.",
      ["service"], service=('                security_groups: [TaskSecurityGroup],\n', '                security_groups: [TaskSecurityGroup],\n                assign_public_ip: "ENABLED",\n'))
write("network-mode/awsvpc-service-uses-no-classic-load-balancer",
      "`awsvpc` services work with application and network load balancers, not Classic Load Balancers.",
      ["service"], service=('            target_group_arn: WebTargetGroup,\n        }],', '            target_group_arn: WebTargetGroup,\n        }, {\n            container_name: "web",\n            container_port: 8000,\n            load_balancer_name: "classic-web",\n        }],'))
write("network-mode/at-most-five-target-groups",
      "A service has at most five target groups.",
      ["service"], service=('''        load_balancers: [{
            container_name: "web",
            container_port: 8000,
            target_group_arn: WebTargetGroup,
        }],''', '''        load_balancers: [
            { container_name: "web", container_port: 8000, target_group_arn: WebTargetGroup },
            { container_name: "web", container_port: 8000, target_group_arn: WebTargetGroup },
            { container_name: "web", container_port: 8000, target_group_arn: WebTargetGroup },
            { container_name: "web", container_port: 8000, target_group_arn: WebTargetGroup },
            { container_name: "web", container_port: 8000, target_group_arn: WebTargetGroup },
            { container_name: "web", container_port: 8000, target_group_arn: WebTargetGroup },
        ],'''))
write("network-mode/fargate-requires-awsvpc",
      "Fargate runs only `awsvpc` tasks.",
      ["task"], task=('        network_mode: "awsvpc",\n', '        network_mode: "bridge",\n        requires_compatibilities: ["FARGATE"],\n        cpu: "256",\n'),
      service=('''        network_configuration: {
            awsvpc_configuration: {
                subnets: PrivateSubnets,
                security_groups: [TaskSecurityGroup],
            },
        },
''', ''), target_group=('target_type: "ip"', 'target_type: "instance"'))
write("network-mode/fargate-task-definition",
      "A Fargate task definition uses `awsvpc`.",
      ["task"], passing=True,
      task=('        network_mode: "awsvpc",\n', '        network_mode: "awsvpc",\n        requires_compatibilities: ["FARGATE"],\n        cpu: "256",\n'))
write("network-mode/host-network-needs-an-acknowledgment",
      "`host` networking shares the instance's network stack; it compiles only when acknowledged with a reason.",
      ["task"], task=('network_mode: "awsvpc"', 'network_mode: "host"'),
      service=('''        network_configuration: {
            awsvpc_configuration: {
                subnets: PrivateSubnets,
                security_groups: [TaskSecurityGroup],
            },
        },
''', ''), target_group=('target_type: "ip"', 'target_type: "instance"'))
write("network-mode/host-network-acknowledged",
      "An acknowledged `host` task definition compiles, and the reason is recorded in its metadata.",
      ["task"], passing=True,
      check='let json = web::template().to_json();\n    assert!(json.contains(r#""Rule":"host-network","At":"NetworkMode""#), "{json}");',
      task=('    #[resource(AWS::ECS::TaskDefinition {\n        family: "web",\n        network_mode: "awsvpc",', '    #[resource(AWS::ECS::TaskDefinition {\n        family: "web",\n        network_mode: #[acknowledge(host_network, reason = "the agent sidecar needs the instance\'s network")] "host",'),
      service=('''        network_configuration: {
            awsvpc_configuration: {
                subnets: PrivateSubnets,
                security_groups: [TaskSecurityGroup],
            },
        },
''', ''), target_group=('target_type: "ip"', 'target_type: "instance"'))
write("ports/awsvpc-has-no-dynamic-host-port",
      "`awsvpc` tasks publish container ports as they are: `host_port` is omitted or equals `container_port`.",
      ["task"], task=('port_mappings: [{ container_port: 8000 }]', 'port_mappings: [{ container_port: 8000, host_port: 0 }]'))
write("ports/load-balancer-names-a-container-of-the-task",
      "A service's load balancer entry names a container of its task definition.",
      ["task", "service"], service=('container_name: "web"', 'container_name: "webapp"'))
write("ports/load-balancer-names-a-mapped-port",
      "A service's load balancer entry names a port its container maps.",
      ["task", "service"], service=('container_port: 8000,\n            target_group_arn', 'container_port: 80,\n            target_group_arn'))
write("ports/dynamic-host-port-is-health-checked-on-the-traffic-port",
      "A `bridge` task with a dynamic host port is health-checked on the port the load balancer sends traffic to.",
      ["target_group", "task"],
      task=('network_mode: "awsvpc"', 'network_mode: "bridge"'),
      service=('''        network_configuration: {
            awsvpc_configuration: {
                subnets: PrivateSubnets,
                security_groups: [TaskSecurityGroup],
            },
        },
''', ''), target_group=('        target_type: "ip",\n', '        health_check_port: "8000",\n'))
write("ports/bridge-service-with-dynamic-host-ports",
      "The bridge-mode way: dynamic host ports, an `instance` target group health-checked on the traffic port.",
      ["target_group", "task"], passing=True,
      task=('network_mode: "awsvpc"', 'network_mode: "bridge"'),
      service=('''        network_configuration: {
            awsvpc_configuration: {
                subnets: PrivateSubnets,
                security_groups: [TaskSecurityGroup],
            },
        },
''', ''), target_group=('        target_type: "ip",\n', '        health_check_port: "traffic-port",\n'))
write("security-groups/load-balancer-reaches-awsvpc-tasks-through-their-group",
      "With `awsvpc`, the tasks' own security group admits the load balancer's group on the container port.",
      ["groups", "ingress", "service"], ingress=('from_port: 8000,\n        to_port: 8000,', 'from_port: 80,\n        to_port: 80,'))
write("ordering/service-waits-for-its-listener",
      "A service is created after the listener that attaches its target group to a load balancer.",
      ["balancer", "service"], service=('    #[depends_on(HttpListener)]\n', ''))
write("security-groups/load-balancer-egress-lets-the-traffic-out",
      "When the load balancer's security group lists egress rules, one of them lets the container port out to the tasks' group.",
      ["groups", "ingress", "service"],
      groups=('''            { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ip: "0.0.0.0/0" },
        ],
    })]
    struct LoadBalancerSecurityGroup;''', '''            { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ip: "0.0.0.0/0" },
        ],
        security_group_egress: [
            { ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ip: "10.0.0.0/8" },
        ],
    })]
    struct LoadBalancerSecurityGroup;'''))
write("network-mode/awsvpc-service-has-at-most-five-security-groups",
      "An `awsvpc` service's tasks take at most five security groups.",
      ["service"], service=('security_groups: [TaskSecurityGroup],', """security_groups: [
                    TaskSecurityGroup,
                    TaskSecurityGroup,
                    TaskSecurityGroup,
                    TaskSecurityGroup,
                    TaskSecurityGroup,
                    TaskSecurityGroup,
                ],"""))
write("network-mode/fargate-service-runs-awsvpc-tasks",
      "A service launched on Fargate runs a task definition in `awsvpc` mode.",
      ["task", "service"], task=('network_mode: "awsvpc"', 'network_mode: "bridge"'),
      service=('''        desired_count: 1,
        network_configuration: {
            awsvpc_configuration: {
                subnets: PrivateSubnets,
                security_groups: [TaskSecurityGroup],
            },
        },
''', '''        desired_count: 1,
        launch_type: "FARGATE",
'''), target_group=('target_type: "ip"', 'target_type: "instance"'))
write("network-mode/role-needs-a-load-balancer",
      "A service `role` is only for registering tasks with a load balancer; a service without one sets none.",
      ["task", "service"], task=('network_mode: "awsvpc"', 'network_mode: "bridge"'),
      service=('''        network_configuration: {
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
''', '''        role: "ecsServiceRole",
'''))
