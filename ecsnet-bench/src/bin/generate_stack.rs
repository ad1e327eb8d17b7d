//! Prints the source of a generated stack: `generate_stack GROUPS` gives
//! GROUPS × 4 resources (125 makes 500); `generate_stack --plain GROUPS`
//! gives the same structs without ecsnet, as a baseline.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (plain, groups) = match args.as_slice() {
        [flag, groups] if flag == "--plain" => (true, groups.parse::<u32>().ok()),
        [groups] => (false, groups.parse::<u32>().ok()),
        _ => (false, None),
    };
    match groups {
        Some(groups) if (1..=125).contains(&groups) => {
            let source = if plain {
                ecsnet_bench::generate::plain_structs(groups)
            } else {
                ecsnet_bench::generate::large_stack(groups)
            };
            print!("{source}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "usage: generate_stack [--plain] GROUPS (1 to 125; each group is 4 resources)"
            );
            ExitCode::from(2)
        }
    }
}
