//! Lists every `pattern` (and `patternProperties` key) of the embedded data
//! that regress cannot compile as an ECMA-262 regular expression. The
//! evaluator skips those; this is the list of what it skips.
//!
//! ```sh
//! cargo run -p ecsnet-schema --example patterns
//! ```

use std::collections::BTreeMap;

fn main() {
    let mut all: BTreeMap<&'static str, Vec<&'static str>> = BTreeMap::new();
    for name in ecsnet_schema::type_names() {
        match ecsnet_schema::validate::patterns(name) {
            Ok(patterns) => {
                for p in patterns {
                    all.entry(p).or_default().push(name);
                }
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    let mut failing = 0;
    for (pattern, types) in &all {
        if let Some(why) = ecsnet_schema::pattern_compile_error(pattern) {
            failing += 1;
            let mut types = types.clone();
            types.dedup();
            println!("{pattern}\n    {why}\n    in {}", types.join(", "));
        }
    }
    println!(
        "{failing} of {} distinct patterns do not compile as ECMA-262 and are skipped",
        all.len()
    );
}
