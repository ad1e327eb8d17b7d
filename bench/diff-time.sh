#!/usr/bin/env bash
# Measures `ecsnet diff` on the largest template CloudFormation accepts:
# the generated 500-resource stack of the benchmarks against a copy with 50
# changes, whole process, release build, on this machine.
#
# The copy is made deterministically (a Python step, standard library
# only): 10 subnets get a new CidrBlock (create-only: each replaces its
# subnet and, through SubnetId, its route table association), 10 security
# groups a new GroupDescription (create-only), 10 subnets a new tag value
# and 10 groups a new ingress port (in place; the ports are security
# changes), 5 route tables a tag, and 5 ingress rule resources are added.
#
# Usage: bench/diff-time.sh [RUNS]   (timed runs, default 50; prints the
# median wall time). Work happens under target/diff-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
work=target/diff-bench
mkdir -p "$work"

median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m }'; }

cargo build --quiet --release -p ecsnet-cli -p ecsnet-bench --bin ecsnet --bin large_stack
target/release/large_stack --output "$work/old.json"
python3 - "$work/old.json" "$work/new.json" <<'PY'
import json
import sys

template = json.load(open(sys.argv[1]))
resources = template["Resources"]
for n in range(0, 120, 12):  # 10 subnets: CidrBlock, create-only
    resources[f"Subnet{n}"]["Properties"]["CidrBlock"] = f"10.1.{n}.0/24"
for n in range(5, 125, 12):  # 10 groups: GroupDescription, create-only
    resources[f"SecurityGroup{n}"]["Properties"]["GroupDescription"] = f"Tasks of subnet {n}, moved"
for n in range(1, 121, 12):  # 10 subnets: a tag, in place
    resources[f"Subnet{n}"]["Properties"]["Tags"][0]["Value"] = f"subnet-{n}-renamed"
for n in range(2, 122, 12):  # 10 groups: the ingress port, in place
    rule = resources[f"SecurityGroup{n}"]["Properties"]["SecurityGroupIngress"][0]
    rule["FromPort"] = rule["ToPort"] = 8080
for n in range(3, 63, 12):  # 5 route tables: a tag, in place
    resources[f"RouteTable{n}"]["Properties"]["Tags"] = [{"Key": "Tier", "Value": "private"}]
for n in range(4, 64, 12):  # 5 rule resources added
    resources[f"Http{n}"] = {
        "Type": "AWS::EC2::SecurityGroupIngress",
        "Properties": {"GroupId": {"Ref": f"SecurityGroup{n}"}, "IpProtocol": "tcp",
                       "FromPort": 80, "ToPort": 80, "CidrIp": "10.0.0.0/16"},
    }
json.dump(template, open(sys.argv[2], "w"), indent=2)
PY

ecsnet=target/release/ecsnet
"$ecsnet" diff "$work/old.json" "$work/new.json" --format json > "$work/diff.json"
python3 - "$work/diff.json" <<'PY'
import json
import sys

resources = json.load(open(sys.argv[1]))["resources"]
replaced = [r for r in resources if r["replacement"] == "always"]
chained = [r for r in replaced if r["caused_by"]]
print(f"diff: {len(resources)} resources change, {len(replaced)} replaced ({len(chained)} through a reference)")
PY

walls=()
for _ in $(seq "$runs"); do
    start=$EPOCHREALTIME
    "$ecsnet" diff "$work/old.json" "$work/new.json" > /dev/null
    end=$EPOCHREALTIME
    walls+=("$(awk -v s="$start" -v e="$end" 'BEGIN { print (e - s) * 1000 }')")
done
echo "ecsnet diff, 500 resources, 50 changes, whole process (median of $runs): $(printf '%s\n' "${walls[@]}" | median) ms"
