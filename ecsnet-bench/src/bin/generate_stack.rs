//! Prints the source of a generated stack: `generate_stack GROUPS` gives
//! GROUPS × 4 resources (125 makes 500); `generate_stack --plain GROUPS`
//! gives the same structs without ecsnet, as a baseline;
//! `generate_stack --types COUNT` declares COUNT different resource types,
//! one resource of each.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let source = match args.as_slice() {
        [flag, count] if flag == "--types" => match count.parse::<usize>() {
            Ok(count) if (1..=500).contains(&count) => ecsnet_bench::many_types::many_types(count),
            _ => Err("COUNT is 1 to 500".to_owned()),
        },
        [flag, groups] if flag == "--plain" => groups_of(groups, true),
        [groups] => groups_of(groups, false),
        _ => Err(String::new()),
    };
    match source {
        Ok(source) => {
            print!("{source}");
            ExitCode::SUCCESS
        }
        Err(reason) => {
            if !reason.is_empty() {
                eprintln!("generate_stack: {reason}");
            }
            eprintln!(
                "usage: generate_stack [--plain] GROUPS (1 to 125; each group is 4 resources)\n       generate_stack --types COUNT (1 to 500 different resource types)"
            );
            ExitCode::from(2)
        }
    }
}

fn groups_of(groups: &str, plain: bool) -> Result<String, String> {
    match groups.parse::<u32>() {
        Ok(groups) if (1..=125).contains(&groups) => Ok(if plain {
            ecsnet_bench::generate::plain_structs(groups)
        } else {
            ecsnet_bench::generate::large_stack(groups)
        }),
        _ => Err("GROUPS is 1 to 125".to_owned()),
    }
}
