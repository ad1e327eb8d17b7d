//! `#[app]` on hostile and ordinary input, in-process: no panic, the errors
//! it should give, and what each stack then makes of the rewritten module.

use proc_macro2::{TokenStream, TokenTree};
use syn::{Item, ItemMod};

/// The messages of every `compile_error!` in `tokens`.
fn errors(tokens: &TokenStream) -> Vec<String> {
    let mut found = Vec::new();
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                if let Some(TokenTree::Group(group)) = trees.get(i + 2)
                    && let Some(TokenTree::Literal(message)) = group.stream().into_iter().next()
                    && let Ok(syn::Lit::Str(text)) =
                        syn::parse2::<syn::Lit>(TokenTree::Literal(message).into())
                {
                    found.push(text.value());
                }
            }
            TokenTree::Group(group) => found.extend(errors(&group.stream())),
            _ => {}
        }
    }
    found
}

fn app(args: &str, module: &str) -> TokenStream {
    super::app(
        args.parse().expect("test arguments tokenize"),
        &module.parse().expect("test module tokenizes"),
    )
}

/// Expands `#[app] module`, then each of its stacks as the compiler would:
/// the app's errors, and each stack's name with its errors and code.
/// A stack's name, its errors and its code.
type ExpandedStack = (String, Vec<String>, String);

fn app_and_stacks(module: &str) -> (Vec<String>, Vec<ExpandedStack>) {
    let output = app("", module);
    let app_errors = errors(&output);
    // The module follows the errors: the last item of the output.
    let trees: Vec<TokenTree> = output.into_iter().collect();
    let start = trees
        .iter()
        .rposition(|t| matches!(t, TokenTree::Ident(i) if i == "mod"))
        .expect("the app's module");
    // Back to the module's attributes and visibility.
    let module: TokenStream = trees[start.saturating_sub(1)..].iter().cloned().collect();
    let module: ItemMod = syn::parse2(module)
        .or_else(|_| syn::parse2(trees[start..].iter().cloned().collect()))
        .expect("a module");
    let mut stacks = Vec::new();
    for item in &module.content.expect("inline").1 {
        let Item::Mod(stack) = item else { continue };
        let mut stack = stack.clone();
        let Some(index) = stack.attrs.iter().position(super::is_stack_attribute) else {
            continue;
        };
        let attribute = stack.attrs.remove(index);
        let args = match attribute.meta {
            syn::Meta::List(list) => list.tokens,
            _ => TokenStream::new(),
        };
        let expanded = crate::expand::stack(args, &quote::quote!(#stack));
        stacks.push((
            stack.ident.to_string(),
            errors(&expanded),
            expanded.to_string(),
        ));
    }
    (app_errors, stacks)
}

#[test]
fn malformed_apps_are_errors_not_panics() {
    for (args, module, expected) in [
        (
            "",
            "struct NotAModule;",
            "`#[app]` goes on an inline module",
        ),
        ("", "mod outside;", "needs the module's stacks inline"),
        ("", "mod empty {}", "this app has no stacks"),
        (
            "name = \"1st\"",
            "mod a { #[stack] mod s {} }",
            "cannot start a stack name",
        ),
        (
            "name = 3",
            "mod a { #[stack] mod s {} }",
            "expected string literal",
        ),
        (
            "colour = \"red\"",
            "mod a { #[stack] mod s {} }",
            "unknown option of `#[app]`",
        ),
    ] {
        let found = errors(&app(args, module));
        assert!(
            found.iter().any(|e| e.contains(expected)),
            "{module}: no error contains {expected:?}: {found:#?}"
        );
    }
}

#[test]
fn dangling_paths_and_strings_do_not_panic() {
    // Paths cut short, at the end of a list, in strings without a close.
    let module = r#"mod a {
        #[stack] mod network { #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })] pub struct Vpc; }
        #[stack] mod application {
            #[resource(AWS::EC2::RouteTable { vpc_id: network:: })] pub struct A;
            #[resource(AWS::EC2::RouteTable { vpc_id: super::network })] pub struct B;
            #[resource(AWS::EC2::RouteTable { vpc_id: sub!("${network::Vpc") })] pub struct C;
            #[resource(AWS::EC2::RouteTable { vpc_id: sub!("${network::}") })] pub struct D;
            #[resource(AWS::EC2::RouteTable { vpc_id: network::Vpc. })] pub struct E;
            #[resource(AWS::EC2::RouteTable { vpc_id: network::vpc })] pub struct F;
        }
    }"#;
    let (app_errors, stacks) = app_and_stacks(module);
    assert!(app_errors.is_empty(), "{app_errors:#?}");
    // Each stack reports its own mistakes, without a panic.
    assert!(!stacks[1].1.is_empty());
}

#[test]
fn a_cycle_of_three_names_every_step() {
    let module = r"mod a {
        #[stack] mod one { #[resource(AWS::SNS::Topic { display_name: three::T3.TopicName })] pub struct T1; }
        #[stack] mod two { #[resource(AWS::SNS::Topic { display_name: one::T1.TopicName })] pub struct T2; }
        #[stack] mod three { #[resource(AWS::SNS::Topic { display_name: two::T2.TopicName })] pub struct T3; }
    }";
    let (app_errors, _) = app_and_stacks(module);
    assert_eq!(app_errors.len(), 1, "{app_errors:#?}");
    assert!(
        app_errors[0].starts_with(
            "stacks `one`, `three` and `two` refer to each other in a cycle: `one` uses `three::T3`, `three` uses `two::T2`, `two` uses `one::T1`;"
        ),
        "{}",
        app_errors[0]
    );
}

#[test]
fn the_stack_that_refers_is_checked_with_copies_and_emits_imports() {
    let module = r#"mod a {
        #[stack] pub mod network {
            #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })] pub struct Vpc;
            #[resource(AWS::EC2::Subnet { vpc_id: Vpc, cidr_block: "10.0.1.0/24" })] pub struct Subnet;
        }
        #[stack] pub mod application {
            #[resource(AWS::EC2::Subnet { vpc_id: network::Vpc, cidr_block: "10.0.1.0/25" })] pub struct Overlapping;
            #[resource(AWS::EC2::Subnet { vpc_id: network::Vpc, cidr_block: "10.0.2.0/24" })] pub struct Fine;
        }
    }"#;
    let (app_errors, stacks) = app_and_stacks(module);
    assert!(app_errors.is_empty(), "{app_errors:#?}");
    let (_, network_errors, network) = &stacks[0];
    assert!(network_errors.is_empty(), "{network_errors:#?}");
    assert!(network.contains("\"a-network:Vpc\""), "{network}");
    let (_, application_errors, application) = &stacks[1];
    assert_eq!(application_errors.len(), 1, "{application_errors:#?}");
    assert!(
        application_errors[0].starts_with(
            "subnet `Overlapping` (`10.0.1.0/25`) overlaps subnet `network::Subnet` (`10.0.1.0/24`) of VPC `network::Vpc`"
        ),
        "{}",
        application_errors[0]
    );
    // Imported, not declared again.
    assert!(application.contains("import_value"), "{application}");
    assert!(!application.contains("network__"), "{application}");
}

/// Apps made by deleting three characters of a valid one, at every other
/// place: `#[app]` and the stacks it rewrites give errors, never a panic.
#[test]
fn damaged_apps_never_panic() {
    let valid = r#"mod a {
        #[stack] pub mod network {
            #[parameter(List<AWS::EC2::Subnet::Id>)] pub struct Subnets;
            #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })] pub struct Vpc;
            #[resource(AWS::EC2::Subnet { vpc_id: Vpc, cidr_block: "10.0.1.0/24" })]
            #[condition(Always)]
            pub struct Subnet;
            #[condition(equals("a", "a"))] pub struct Always;
            #[output(Vpc.CidrBlock)] pub struct Block;
        }
        #[stack] pub mod application {
            #[resource(AWS::EC2::SecurityGroup {
                group_description: sub!("${network::Vpc} ${network::Block}"),
                vpc_id: super::network::Vpc,
                security_group_ingress: [{ ip_protocol: "tcp", from_port: 1, to_port: 2, cidr_ip: network::Block }],
            })]
            pub struct Group;
            #[resource(AWS::RDS::DBSubnetGroup { db_subnet_group_description: "d", subnet_ids: network::Subnets })]
            pub struct Databases;
            #[resource(AWS::EC2::NetworkInterface { subnet_id: network::Subnet, group_set: [Group] })]
            pub struct Interface;
        }
    }"#;
    let (app_errors, stacks) = app_and_stacks(valid);
    assert!(app_errors.is_empty(), "{app_errors:#?}");
    let errors: Vec<&Vec<String>> = stacks.iter().map(|(_, errors, _)| errors).collect();
    assert!(errors.iter().all(|e| e.is_empty()), "{errors:#?}");
    let chars: Vec<char> = valid.chars().collect();
    let mut tried = 0;
    // Every other place: half the time, and every token still damaged.
    for at in (0..chars.len().saturating_sub(3)).step_by(2) {
        let damaged: String = chars[..at].iter().chain(&chars[at + 3..]).collect();
        let Ok(tokens) = damaged.parse::<TokenStream>() else {
            continue;
        };
        tried += 1;
        let output = super::app(TokenStream::new(), &tokens);
        // Each stack the damaged app still holds, expanded as rustc would.
        if let Ok(module) = syn::parse2::<ItemMod>(
            output
                .into_iter()
                .skip_while(|t| !matches!(t, TokenTree::Ident(i) if i == "mod"))
                .collect(),
        ) && let Some((_, items)) = module.content
        {
            for item in items {
                let Item::Mod(mut stack) = item else { continue };
                stack.attrs.retain(|a| !super::is_stack_attribute(a));
                let _ = crate::expand::stack(TokenStream::new(), &quote::quote!(#stack));
            }
        }
    }
    assert!(tried > 300, "only {tried} damaged apps tokenized");
}
