//! Prints the source of a generated stack: `generate_stack GROUPS` gives
//! GROUPS × 4 resources (125 makes 500); `generate_stack --plain GROUPS`
//! gives the same structs without ecsnet, as a baseline;
//! `generate_stack --types COUNT` declares COUNT different resource types,
//! one resource of each; `generate_stack --private-subnets HOW INSTANCES`
//! gives INSTANCES private subnets behind one NAT gateway, HOW being
//! `library` (instances of `ecsnet::constructs::private_subnet`), `local`
//! (instances of the same construct defined beside the stack) or `by-hand`
//! (the instances' declarations written out).

use ecsnet_bench::generate::Subnets;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let source = match args.as_slice() {
        [flag, count] if flag == "--types" => match count.parse::<usize>() {
            Ok(count) if (1..=500).contains(&count) => ecsnet_bench::many_types::many_types(count),
            _ => Err("COUNT is 1 to 500".to_owned()),
        },
        [flag, groups] if flag == "--plain" => groups_of(groups, true),
        [flag, how, instances] if flag == "--private-subnets" => private_subnets(how, instances),
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
                "usage: generate_stack [--plain] GROUPS (1 to 125; each group is 4 resources)\n       generate_stack --types COUNT (1 to 500 different resource types)\n       generate_stack --private-subnets library|local|by-hand INSTANCES (1 to 124; each is 4 resources)"
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

fn private_subnets(how: &str, instances: &str) -> Result<String, String> {
    let how = match how {
        "library" => Subnets::LibraryConstruct,
        "local" => Subnets::LocalConstruct,
        "by-hand" => Subnets::ByHand,
        _ => {
            return Err(format!(
                "unknown way `{how}`; expected `library`, `local` or `by-hand`"
            ));
        }
    };
    // 124 instances and the 4 shared resources make 500, the template
    // limit; past 255, the subnets' blocks would leave the VPC too.
    match instances.parse::<u32>() {
        Ok(instances) if (1..=124).contains(&instances) => {
            Ok(ecsnet_bench::generate::private_subnets(instances, how))
        }
        _ => Err("INSTANCES is 1 to 124".to_owned()),
    }
}
