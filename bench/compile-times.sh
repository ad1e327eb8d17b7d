#!/usr/bin/env bash
# Measures what ecsnet costs at compile time and at run time, on this machine:
#
#   * cold `cargo build --example todobackend` from an empty target directory;
#   * `cargo check` after changing one property (the edit-to-error loop), for
#     the todobackend stack (37 resources) and generated stacks of 124, 248
#     and 500 resources, to show how the cost grows;
#   * the macro's share: `cargo check` of the 500-resource stack against the
#     same structs without ecsnet;
#   * constructs: `cargo check` after a one-property edit of a stack of 100
#     construct instances, against the same stack written by hand;
#   * whole-process emission time and peak memory of the release binaries.
#
# Usage: bench/compile-times.sh [RUNS]   (RUNS timed runs per figure, default 5;
# figures are medians). Work happens under target/compile-bench; the source
# tree is not modified.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
root=$PWD
work=$root/target/compile-bench
mkdir -p "$work"

median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m }'; }
seconds() { /usr/bin/time -f %e -o "$work/time" "$@" >/dev/null 2>&1; cat "$work/time"; }

# A scratch crate that depends on ecsnet by path, with one stack as main.rs.
scratch() {
    local name=$1
    local dir=$work/$name
    mkdir -p "$dir/src"
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "$name"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
ecsnet = { path = "$root" }

[workspace]
TOML
    echo "$dir"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(rustc --version)"
echo

# Cold build: an empty target directory, every dependency compiled.
cold=$work/cold-target
rm -rf "$cold"
echo "cold cargo build --example todobackend: $(CARGO_TARGET_DIR=$cold seconds cargo build --example todobackend) s"
rm -rf "$cold"

# The generated stacks and the baseline, from the generator the benchmarks use.
cargo build --quiet -p ecsnet-bench --bin generate_stack
generate=$root/target/debug/generate_stack

# `cargo check` after a one-property edit: the edit alternates a value back and
# forth, so every run re-expands and re-checks the stack. Prints the median
# time and the median peak memory of the largest process: rustc, inside
# which the macro runs.
edit_loop() {
    local dir=$1 file=$2 from=$3 to=$4
    CARGO_TARGET_DIR=$work/target cargo check --quiet --manifest-path "$dir/Cargo.toml" 2>/dev/null
    local times=() peaks=()
    for _ in $(seq "$runs"); do
        sed -i "s|$from|$to|" "$file"
        if ! /usr/bin/time -f '%e %M' -o "$work/time" env CARGO_TARGET_DIR="$work/target" \
            cargo check --manifest-path "$dir/Cargo.toml" >/dev/null 2>&1; then
            echo "cargo check of $dir failed" >&2
            exit 1
        fi
        read -r wall peak < "$work/time"
        times+=("$wall")
        peaks+=("$peak")
        local swap=$from; from=$to; to=$swap
    done
    printf '%s s, peak %s MiB' "$(printf '%s\n' "${times[@]}" | median)" \
        "$(printf '%s\n' "${peaks[@]}" | awk '{ print $1 / 1024 }' | median)"
}

dir=$(scratch todobackend-stack)
cp "$root/examples/todobackend.rs" "$dir/src/main.rs"
rm -rf "$dir/src/lambda" && cp -r "$root/examples/lambda" "$dir/src/lambda"
echo "cargo check after a one-property edit (median of $runs):"
printf '  %4s resources: %s\n' 37 "$(edit_loop "$dir" "$dir/src/main.rs" 'retention_in_days: 7,' 'retention_in_days: 14,')"

for groups in 31 62 125; do
    dir=$(scratch "generated-$groups")
    { "$generate" "$groups"; printf '\nfn main() {\n    print!("{}", large_stack::template().to_json());\n}\n'; } > "$dir/src/main.rs"
    printf '  %4s resources: %s\n' $((groups * 4)) "$(edit_loop "$dir" "$dir/src/main.rs" 'Tasks of subnet 0"' 'Tasks of subnet zero"')"
done

# 300 different resource types, one of each: every type's schema is decoded.
dir=$(scratch many-types-300)
{ "$generate" --types 300; printf '\nfn main() {\n    print!("{}", many_types::template().to_json());\n}\n'; } > "$dir/src/main.rs"
printf '  %4s resource types: %s\n' 300 "$(edit_loop "$dir" "$dir/src/main.rs" 'Any text, known only' 'Any text, only known')"

dir=$(scratch plain-500)
{ "$generate" --plain 125; printf '\nfn main() {\n    let _ = large_stack::VpcId;\n}\n'; } > "$dir/src/main.rs"
echo "  500 plain structs, no ecsnet (baseline): $(edit_loop "$dir" "$dir/src/main.rs" '/// Subnet 0.' '/// Subnet zero.')"
echo

# Constructs: one stack of 404 resources, 100 private subnets behind a NAT
# gateway, written three ways: 100 instances of
# `ecsnet::constructs::private_subnet` (its definition comes from another
# crate, through a macro callback), 100 instances of the same construct
# defined in the crate, and the 400 declarations by hand. The three give
# the same template (ecsnet-bench's `constructs` test). The edit changes
# the first private subnet's block, an instance's argument or a property.
# Runs alternate between the three crates, round after round, so a machine
# that slows down slows all three alike; the ratios are the medians of each
# round's ratio.
construct_dirs=()
for how in library local by-hand; do
    dir=$(scratch "subnets-$how")
    module=$("$generate" --private-subnets "$how" 1 | sed -n 's/^pub mod \(subnets_[a-z_]*\) {$/\1/p')
    { "$generate" --private-subnets "$how" 100; printf '\nfn main() {\n    print!("{}", %s::template().to_json());\n}\n' "$module"; } > "$dir/src/main.rs"
    CARGO_TARGET_DIR=$work/target cargo check --quiet --manifest-path "$dir/Cargo.toml" 2>/dev/null
    construct_dirs+=("$dir")
done
declare -A construct_times=()
from='"10.0.0.0/24"' to='"10.0.0.0/25"'
for round in $(seq "$runs"); do
    for dir in "${construct_dirs[@]}"; do
        sed -i "s|$from|$to|" "$dir/src/main.rs"
        if ! /usr/bin/time -f %e -o "$work/time" env CARGO_TARGET_DIR="$work/target" \
            cargo check --manifest-path "$dir/Cargo.toml" >/dev/null 2>&1; then
            echo "cargo check of $dir failed" >&2
            exit 1
        fi
        construct_times[$dir]+="$(cat "$work/time") "
    done
    swap=$from; from=$to; to=$swap
done
# The median of one crate's times, and of its round-by-round ratio to the
# crate written by hand.
by_hand=${construct_dirs[2]}
construct_figures() {
    local dir=$1
    printf '%s s' "$(printf '%s\n' ${construct_times[$dir]} | median)"
    if [[ $dir != "$by_hand" ]]; then
        printf ', %s × by hand' "$(paste -d ' ' <(printf '%s\n' ${construct_times[$dir]}) \
            <(printf '%s\n' ${construct_times[$by_hand]}) | awk '{ print $1 / $2 }' | median)"
    fi
}
echo "constructs: cargo check after a one-property edit, 404 resources (median of $runs, runs alternating):"
echo "  100 instances of ecsnet::constructs::private_subnet: $(construct_figures "${construct_dirs[0]}")"
echo "  100 instances of the same construct, defined in the crate: $(construct_figures "${construct_dirs[1]}")"
echo "  the 400 declarations by hand: $(construct_figures "$by_hand")"
echo

# The schema data: in the repository, and inside the compiled macro (the
# dynamic library rustc loads, as `cargo check` above built it).
data=$root/ecsnet-schema/data/resources.txt
macro_lib=$(ls -t "$work"/target/debug/deps/libecsnet_macros-*.so 2>/dev/null | head -1)
echo "schema data: $(stat -c %s "$data") bytes in the repository ($(gzip -9c "$data" | wc -c) gzipped); macro library $(stat -c %s "$macro_lib") bytes (debug build)"
echo

# Whole-process emission: release binaries, each run timed by the kernel.
cargo build --quiet --release --example todobackend -p ecsnet
cargo build --quiet --release -p ecsnet-bench --bin large_stack
# Wall time comes from bash's microsecond clock around the process (GNU
# time counts in hundredths of a second, too coarse here); peak memory from
# GNU time's maximum resident set size.
emit() {
    local binary=$1
    local walls=() rss=()
    "$binary" > /dev/null
    for _ in $(seq "$((runs * 2))"); do
        local start=$EPOCHREALTIME
        "$binary" > /dev/null
        local end=$EPOCHREALTIME
        walls+=("$(awk -v s="$start" -v e="$end" 'BEGIN { print (e - s) * 1000 }')")
        /usr/bin/time -f '%M' -o "$work/time" "$binary" > /dev/null
        rss+=("$(cat "$work/time")")
    done
    printf 'wall %s ms, peak %s MiB' \
        "$(printf '%s\n' "${walls[@]}" | median)" \
        "$(printf '%s\n' "${rss[@]}" | awk '{ print $1 / 1024 }' | median)"
}
echo "emit the template, whole process (median of $((runs * 2))):"
echo "  todobackend (37 resources): $(emit "$root/target/release/examples/todobackend")"
echo "  large_stack (500 resources): $(emit "$root/target/release/large_stack")"
