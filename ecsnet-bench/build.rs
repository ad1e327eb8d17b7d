//! Generates the 500-resource stack, and the three spellings of the stack
//! of 100 private subnets, into `$OUT_DIR`; they are not committed.

#[path = "src/generate.rs"]
#[allow(dead_code, reason = "the build script writes only the full stacks")]
mod generate;

fn main() {
    let out_dir =
        std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("large_stack.rs"), generate::large_stack(125))
        .expect("OUT_DIR is writable");
    for how in generate::Subnets::ALL {
        std::fs::write(
            out_dir.join(format!("{}.rs", how.module())),
            generate::private_subnets(100, how),
        )
        .expect("OUT_DIR is writable");
    }
    println!("cargo::rerun-if-changed=src/generate.rs");
}
