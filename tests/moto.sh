#!/usr/bin/env bash
# The deploy tests against a local CloudFormation emulator: installs moto's
# server (pinned) into a cached virtual environment, starts it on a free
# port of 127.0.0.1, runs `ecsnet-cli`'s deploy tests against it with dummy
# credentials, and stops it by its process id, also when the tests fail.
#
# Usage: tests/moto.sh [COMMAND [ARG...]]   runs COMMAND instead of the tests,
# in the same environment, with the virtual environment's `bin` first on
# PATH (book/deploying.sh writes the book's transcripts so).
set -euo pipefail
cd "$(dirname "$0")/.."

moto_version=5.2.5
venv="${XDG_CACHE_HOME:-$HOME/.cache}/ecsnet/moto-$moto_version"
if [[ ! -x "$venv/bin/moto_server" ]]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server,cloudformation]==$moto_version"
fi
"$venv/bin/python" -c "import moto; print('moto', moto.__version__)"

# A free port: the system picks one, and the server takes it a moment later.
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
moto_pid=$!
stop() {
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
    rm -f "$log"
}
trap stop EXIT

for _ in $(seq 1 100); do
    if "$venv/bin/python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/')" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$moto_pid" 2>/dev/null; then
        cat "$log" >&2
        echo "moto_server exited before it listened" >&2
        exit 1
    fi
    sleep 0.1
done

# Dummy credentials, and nothing read from the user's AWS configuration.
export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN
if (($#)); then
    PATH="$venv/bin:$PATH" "$@"
else
    # `--workspace`, not `-p ecsnet-cli`: the dependencies' features are then
    # the ones `cargo test --workspace` built them with, so nothing is rebuilt.
    cargo test --workspace --test deploy
fi
