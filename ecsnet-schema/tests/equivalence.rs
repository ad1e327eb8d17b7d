//! The decoded artifact equals the tables compiled into `ecsnet-macros` today.
//!
//! `ecsnet-macros/src/schema/generated.rs` is included as a module, over a
//! copy of the model of `ecsnet-macros/src/schema/mod.rs` (a proc-macro crate
//! cannot be a dependency). Both sides are written out as the same canonical
//! text, one per resource type of `spec/types.txt`, and compared: names,
//! identifiers, `required`, shapes with enumerations and bounds, nested
//! structs, attributes, `ref_returns`, relationships, paths and docs URLs.

use std::collections::BTreeMap;
use std::fmt::Write as _;

mod legacy;

/// Canonical text of one side; `S` is the struct type, looked up by `core_path`.
struct Dump<S: 'static> {
    out: String,
    pending: Vec<&'static S>,
    done: BTreeMap<&'static str, String>,
}

impl<S> Dump<S> {
    fn new() -> Self {
        Dump {
            out: String::new(),
            pending: Vec::new(),
            done: BTreeMap::new(),
        }
    }
}

fn legacy_shape(d: &mut Dump<legacy::Struct>, shape: &'static legacy::Shape) -> String {
    use legacy::Shape as L;
    match shape {
        L::String { allowed } => format!("s{allowed:?}"),
        L::Integer {
            minimum,
            maximum,
            allowed,
        } => format!("i({minimum:?},{maximum:?}){allowed:?}"),
        L::Number => "n".into(),
        L::Boolean => "b".into(),
        L::Json => "j".into(),
        L::Timestamp => "t".into(),
        L::List(inner) => format!("l({})", legacy_shape(d, inner)),
        L::Map(inner) => format!("m({})", legacy_shape(d, inner)),
        L::Struct(s) => {
            d.pending.push(s);
            format!("@{}", s.core_path)
        }
        L::Union(members) => {
            let m: Vec<String> = members.iter().map(|m| legacy_shape(d, m)).collect();
            format!("u({})", m.join(","))
        }
    }
}

fn legacy_props(d: &mut Dump<legacy::Struct>, props: &'static [legacy::Property]) -> String {
    let mut out = String::new();
    for p in props {
        let shape = legacy_shape(d, &p.shape);
        let refs: Vec<String> = p
            .refers_to
            .iter()
            .map(|r| format!("{}.{}", r.type_name, r.property))
            .collect();
        writeln!(
            out,
            "  {} {} {} {shape} {refs:?}",
            p.name, p.ident, p.required
        )
        .unwrap();
    }
    out
}

fn legacy_dump(t: &'static legacy::ResourceType) -> String {
    let mut d = Dump::new();
    let props = legacy_props(&mut d, t.properties);
    writeln!(
        d.out,
        "{} {} {} {:?}",
        t.name, t.core_path, t.docs_url, t.ref_returns
    )
    .unwrap();
    for a in t.attributes {
        writeln!(d.out, " attribute {} {}", a.name, a.ident).unwrap();
    }
    d.out += &props;
    while let Some(s) = d.pending.pop() {
        if !d.done.contains_key(s.core_path) {
            d.done.insert(s.core_path, String::new());
            let text = format!(
                " struct {} {}\n{}",
                s.name,
                s.core_path,
                legacy_props(&mut d, s.properties)
            );
            d.done.insert(s.core_path, text);
        }
    }
    d.out + &d.done.into_values().collect::<String>()
}

fn new_shape(d: &mut Dump<ecsnet_schema::Struct>, shape: &'static ecsnet_schema::Shape) -> String {
    use ecsnet_schema::Shape as N;
    match shape {
        N::String { allowed } => format!("s{allowed:?}"),
        N::Integer {
            minimum,
            maximum,
            allowed,
        } => format!("i({minimum:?},{maximum:?}){allowed:?}"),
        N::Number => "n".into(),
        N::Boolean => "b".into(),
        N::Json => "j".into(),
        N::Timestamp => "t".into(),
        N::List(inner) => format!("l({})", new_shape(d, inner)),
        N::Map(inner) => format!("m({})", new_shape(d, inner)),
        N::Struct(s) => {
            d.pending.push(s);
            format!("@{}", s.core_path)
        }
        N::Union(members) => {
            let m: Vec<String> = members.iter().map(|m| new_shape(d, m)).collect();
            format!("u({})", m.join(","))
        }
    }
}

fn new_props(
    d: &mut Dump<ecsnet_schema::Struct>,
    props: &'static [ecsnet_schema::Property],
) -> String {
    let mut out = String::new();
    for p in props {
        let shape = new_shape(d, &p.shape);
        let refs: Vec<String> = p
            .refers_to
            .iter()
            .map(|r| format!("{}.{}", r.type_name, r.property))
            .collect();
        writeln!(
            out,
            "  {} {} {} {shape} {refs:?}",
            p.name, p.ident, p.required
        )
        .unwrap();
    }
    out
}

fn new_dump(t: &'static ecsnet_schema::ResourceType) -> String {
    let mut d = Dump::new();
    let props = new_props(&mut d, t.properties);
    writeln!(
        d.out,
        "{} {} {} {:?}",
        t.name, t.core_path, t.docs_url, t.ref_returns
    )
    .unwrap();
    for a in t.attributes {
        writeln!(d.out, " attribute {} {}", a.name, a.ident).unwrap();
    }
    d.out += &props;
    while let Some(s) = d.pending.pop() {
        if !d.done.contains_key(s.core_path) {
            d.done.insert(s.core_path, String::new());
            let text = format!(
                " struct {} {}\n{}",
                s.name,
                s.core_path,
                new_props(&mut d, s.properties())
            );
            d.done.insert(s.core_path, text);
        }
    }
    d.out + &d.done.into_values().collect::<String>()
}

#[test]
fn the_supported_types_decode_as_generated_rs_holds_them() {
    let listed: Vec<&str> = include_str!("../../spec/types.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect();
    let compiled: Vec<&str> = legacy::generated::RESOURCE_TYPES
        .iter()
        .map(|t| t.name)
        .collect();
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    assert_eq!(
        compiled, sorted,
        "generated.rs holds the types of spec/types.txt"
    );
    assert_eq!(compiled.len(), 31);
    for t in legacy::generated::RESOURCE_TYPES {
        let new =
            ecsnet_schema::resource_type(t.name).unwrap_or_else(|| panic!("{} missing", t.name));
        let (old, new) = (legacy_dump(t), new_dump(new));
        if old != new {
            let line = old.lines().zip(new.lines()).position(|(a, b)| a != b);
            panic!(
                "{} differs at line {line:?}:\n--- generated.rs\n{old}\n--- artifact\n{new}",
                t.name
            );
        }
    }
}

#[test]
fn the_dump_spells_out_what_it_compares() {
    // The comparison above is only as good as the dump: a nested property's
    // identifier, `required`, shape with its enumeration, and relations must
    // all be in the text (a mutated artifact then fails the comparison).
    let t = ecsnet_schema::resource_type("AWS::ECS::Service").unwrap();
    let dump = new_dump(t);
    assert!(dump.contains(" struct AwsVpcConfiguration ecs::service::AwsVpcConfiguration\n"));
    assert!(
        dump.contains("  AssignPublicIp assign_public_ip false s[\"DISABLED\", \"ENABLED\"] []\n")
    );
    assert!(dump.contains("  Subnets subnets false l(s[]) [\"AWS::EC2::Subnet.SubnetId\"]\n"));
    let legacy = legacy::generated::RESOURCE_TYPES
        .iter()
        .find(|l| l.name == t.name)
        .unwrap();
    let other = legacy::generated::RESOURCE_TYPES
        .iter()
        .find(|l| l.name == "AWS::ECS::Cluster")
        .unwrap();
    assert_ne!(legacy_dump(legacy), legacy_dump(other));
}
