"""ecsnet deploy's overhead over moto's own time for the same API calls.

Starts nothing: AWS_ENDPOINT_URL must point at a running moto server.
For each run, a fresh stack name: (a) `ecsnet deploy` as a process, wall
time; (b) the same sequence of CloudFormation calls ecsnet makes, through
boto3 in this process (client created beforehand), wall time."""
import os, statistics, subprocess, sys, time, uuid
import boto3

ecsnet, template, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
body = open(template).read()
ec2 = boto3.client("ec2")
cfn = boto3.client("cloudformation")
def new_vpc():
    # Each stack gets its own VPC: the subnet's CIDR is the same each time.
    return ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]

def direct(name):
    params = [{"ParameterKey": "VpcId", "ParameterValue": new_vpc()}]
    start = time.perf_counter()
    try:
        cfn.describe_stacks(StackName=name)
    except cfn.exceptions.ClientError:
        pass
    created = cfn.create_change_set(StackName=name, ChangeSetName="c1", ChangeSetType="CREATE",
                                    TemplateBody=body, Parameters=params, Capabilities=[])
    cs, sid = created["Id"], created["StackId"]
    cfn.describe_change_set(ChangeSetName=cs)
    cfn.describe_stack_events(StackName=sid)
    cfn.execute_change_set(ChangeSetName=cs)
    cfn.describe_stacks(StackName=sid)
    cfn.describe_stack_events(StackName=sid)
    cfn.describe_stacks(StackName=sid)
    return time.perf_counter() - start

def through_ecsnet(name):
    vpc = new_vpc()
    start = time.perf_counter()
    subprocess.run([ecsnet, "deploy", template, "--stack-name", name, "--parameter",
                    f"VpcId={vpc}", "--yes"], check=True, capture_output=True)
    return time.perf_counter() - start

# One of each first, to warm moto's lazily loaded services.
direct("warm-" + uuid.uuid4().hex[:8]); through_ecsnet("warm-" + uuid.uuid4().hex[:8])
d, e = [], []
for i in range(runs):
    d.append(direct(f"d{i}-" + uuid.uuid4().hex[:8]))
    e.append(through_ecsnet(f"e{i}-" + uuid.uuid4().hex[:8]))
md, me = statistics.median(d), statistics.median(e)
print(f"moto, same calls via boto3: median {md*1000:.0f} ms  {[round(x*1000) for x in d]}")
print(f"ecsnet deploy (process):    median {me*1000:.0f} ms  {[round(x*1000) for x in e]}")
print(f"overhead: {(me-md)*1000:.0f} ms")
