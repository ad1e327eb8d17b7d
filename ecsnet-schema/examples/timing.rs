//! Prints how long the lazy decoder takes (no assertion: timings depend on the machine).
//!
//! ```sh
//! cargo run -p ecsnet-schema --example timing            # as a proc macro runs it (dev profile)
//! cargo run -p ecsnet-schema --example timing --release
//! ```

use std::time::Instant;

fn main() {
    let start = Instant::now();
    let count = ecsnet_schema::type_names().len();
    let index = start.elapsed();

    let mut one = Vec::new();
    for name in [
        "AWS::EC2::Subnet",
        "AWS::ECS::TaskDefinition",
        "AWS::WAFv2::WebACL",
    ] {
        let start = Instant::now();
        let t = ecsnet_schema::resource_type(name).expect("a provider type");
        one.push((name, start.elapsed(), t.properties.len(), t.structs.len()));
    }

    let start = Instant::now();
    let mut decoded = 0;
    let mut properties = 0;
    for name in ecsnet_schema::type_names() {
        if let Some(t) = ecsnet_schema::resource_type(name) {
            decoded += 1;
            properties += t.properties.len()
                + t.structs
                    .iter()
                    .map(|s| s.properties().len())
                    .sum::<usize>();
        }
    }
    let all = start.elapsed();
    let start = Instant::now();
    for name in ecsnet_schema::type_names() {
        let _ = ecsnet_schema::resource_type(name);
    }
    let cached = start.elapsed();

    println!("index of {count} types parsed in {index:?} (first call)");
    for (name, time, props, structs) in one {
        println!("{name}: decoded in {time:?} ({props} properties, {structs} nested types)");
    }
    println!("all {decoded} types ({properties} properties) decoded in {all:?} (3 already cached)");
    println!("all {decoded} types looked up again (cached) in {cached:?}");
}
