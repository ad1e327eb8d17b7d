#!/usr/bin/env bash
# Writes the transcripts of the book's "Diff, deploy and destroy" page by
# running each command against moto's CloudFormation emulator:
#
#   tests/moto.sh book/deploying.sh
#
# The network stack of `examples/todobackend_app.rs` goes into the
# emulator's default VPC (172.31.0.0/16, the chapter's), its private subnet
# is moved to another block, and the stack is destroyed. Each transcript is
# what the commands print, standard error included; the ids are the
# emulator's and change from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${AWS_ENDPOINT_URL:-}" in
    http://127.0.0.1:*) ;;
    *) echo "run through tests/moto.sh: AWS_ENDPOINT_URL must be a local emulator" >&2; exit 2 ;;
esac
pages=book/src/deploying-with-ecsnet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --quiet --workspace --bin ecsnet --example todobackend_app
PATH="$PWD/target/debug:$PWD/target/debug/examples:$PATH"
cd "$work"
todobackend_app --output-dir out > /dev/null

# The default VPC and two of its subnets, from the emulator.
read -r vpc subnets < <(python3 - <<'PY'
import boto3
ec2 = boto3.client("ec2")
vpc = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
subnets = sorted(s["SubnetId"] for s in ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"])
print(vpc, ",".join(subnets[:2]))
PY
)
printf 'VpcId=%s\nApplicationSubnets=%s\n' "$vpc" "$subnets" > network.cfg

# Runs a command as the reader would type it, and appends the command and
# everything it prints to a transcript.
transcript() {
    local file=$1
    shift
    printf '$ %s\n' "$*" >> "$file"
    "$@" >> "$file" 2>&1 || printf '[exit status %d]\n' "$?" >> "$file"
}

rm -f "$OLDPWD/$pages"/*.txt
out="$OLDPWD/$pages"
transcript "$out/deploy.txt" cat network.cfg
transcript "$out/deploy.txt" ecsnet deploy out/network.json --stack-name todobackend-network --parameters-file network.cfg --yes

sed 's#172.31.96.0/20#172.31.112.0/20#' out/network.json > moved.json
transcript "$out/diff.txt" ecsnet diff --stack todobackend-network moved.json
transcript "$out/refused.txt" ecsnet deploy moved.json --stack-name todobackend-network --parameters-file network.cfg
transcript "$out/redeploy.txt" ecsnet deploy moved.json --stack-name todobackend-network --parameters-file network.cfg --yes
transcript "$out/destroy.txt" ecsnet destroy --stack-name todobackend-network --yes
echo "wrote $(ls "$out" | tr '\n' ' ')"
