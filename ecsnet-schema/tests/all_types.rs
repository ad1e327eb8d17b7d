//! Every type of the provider decodes, with unique identifiers.

use std::collections::HashSet;

use ecsnet_schema::{Property, Shape, Struct};

/// The `us-east-1` provider of cfn-lint 1.51.0 has 1,585 entries: 1,583
/// `AWS::` types, `Alexa::ASK::Skill`, and `Module` (the schema of
/// CloudFormation modules, not a resource type, left out).
const PROVIDER_TYPES: usize = 1584;

fn check_idents(owner: &str, props: &[Property]) {
    let mut seen = HashSet::new();
    for p in props {
        assert!(
            seen.insert(p.ident),
            "{owner}: identifier `{}` twice",
            p.ident
        );
        assert!(!p.ident.is_empty(), "{owner}.{}: empty identifier", p.name);
    }
}

fn structs_in(shape: &Shape, out: &mut Vec<&'static Struct>) {
    match shape {
        Shape::Struct(s) => out.push(s),
        Shape::List(inner) | Shape::Map(inner) => structs_in(inner, out),
        Shape::Union(members) => members.iter().for_each(|m| structs_in(m, out)),
        _ => {}
    }
}

#[test]
fn every_provider_type_decodes() {
    let names: Vec<&str> = ecsnet_schema::type_names().collect();
    assert_eq!(names.len(), PROVIDER_TYPES);
    assert!(
        names.windows(2).all(|w| w[0] < w[1]),
        "type names are sorted"
    );
    assert_eq!(
        names.iter().filter(|n| n.starts_with("AWS::")).count(),
        1583
    );
    for name in names {
        let t = match ecsnet_schema::try_resource_type(name) {
            Ok(Some(t)) => t,
            Ok(None) => panic!("{name} is listed but not found"),
            Err(e) => panic!("{e}"),
        };
        assert_eq!(t.name, name);
        assert!(t.docs_url.starts_with("https://docs.aws.amazon.com/"));
        check_idents(name, t.properties);
        let mut attrs = HashSet::new();
        for a in t.attributes {
            assert!(
                attrs.insert(a.ident),
                "{name}: attribute identifier `{}` twice",
                a.ident
            );
        }
        for s in t.structs {
            check_idents(s.core_path, s.properties());
        }
        // Every struct a shape reaches is one of the type's own, or the shared Tag.
        let mut reached = Vec::new();
        for p in t
            .properties
            .iter()
            .chain(t.structs.iter().flat_map(|s| s.properties()))
        {
            structs_in(&p.shape, &mut reached);
        }
        for s in reached {
            assert!(
                std::ptr::eq(s, ecsnet_schema::tag())
                    || t.structs.iter().any(|own| std::ptr::eq(*own, s)),
                "{name}: shape reaches foreign struct {}",
                s.core_path
            );
        }
        // A second lookup returns the cached decode.
        assert!(std::ptr::eq(t, ecsnet_schema::resource_type(name).unwrap()));
    }
}

#[test]
fn unknown_types_are_none() {
    assert!(ecsnet_schema::resource_type("AWS::EC2::Nope").is_none());
    assert!(ecsnet_schema::resource_type("").is_none());
    assert!(ecsnet_schema::resource_type("Module").is_none());
}

#[test]
fn registry_only_types_have_their_registry_shape() {
    // The CDK database has no AWS::CDK::Metadata; the registry schema defines no properties.
    let t = ecsnet_schema::resource_type("AWS::CDK::Metadata").unwrap();
    assert!(t.properties.is_empty());
    assert_eq!(t.summary, "");
}

#[test]
fn a_large_type_has_summary_create_only_and_recursive_structs() {
    let t = ecsnet_schema::resource_type("AWS::WAFv2::RuleGroup").unwrap();
    assert!(!t.summary.is_empty() && !t.summary.contains('\n'));
    assert!(t.create_only.contains(&"Scope"));
    let statement = t.structs.iter().find(|s| s.name == "Statement").unwrap();
    let and = statement.property("AndStatement").unwrap();
    let Shape::Struct(and) = and.shape else {
        panic!("AndStatement is a struct")
    };
    let Shape::List(inner) = and.property("Statements").unwrap().shape else {
        panic!("a list")
    };
    assert!(matches!(inner, Shape::Struct(s) if std::ptr::eq(*s, *statement)));
}

#[test]
fn create_only_names_top_level_properties() {
    for name in ecsnet_schema::type_names() {
        let t = ecsnet_schema::resource_type(name).unwrap();
        for path in t.create_only {
            let top = path.split('.').next().unwrap_or(path);
            assert!(
                t.property(top).is_some(),
                "{name}: createOnly {path} is no property"
            );
        }
    }
    let subnet = ecsnet_schema::resource_type("AWS::EC2::Subnet").unwrap();
    assert!(subnet.create_only.contains(&"VpcId"));
    assert!(!subnet.create_only.contains(&"Tags"));
}

#[test]
fn concurrent_first_lookups_share_one_decode() {
    let name = "AWS::ECS::TaskDefinition";
    let found: Vec<usize> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    std::ptr::from_ref(ecsnet_schema::resource_type(name).unwrap()) as usize
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(found.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn registry_only_properties_take_the_registry_shape() {
    // The CDK database has `ProposedNetworkFunctionGroupChange` without its
    // `Tags`; the registry schema has them, as a list of its own `Tag` definition.
    let t = ecsnet_schema::resource_type("AWS::NetworkManager::ConnectAttachment").unwrap();
    let change = t
        .structs
        .iter()
        .find(|s| s.name == "ProposedNetworkFunctionGroupChange")
        .unwrap();
    let Shape::List(Shape::Struct(tag)) = change.property("Tags").unwrap().shape else {
        panic!("Tags is a list of structs")
    };
    assert!(
        !std::ptr::eq(*tag, ecsnet_schema::tag()),
        "the registry's own Tag"
    );
    assert_eq!(tag.core_path, "networkmanager::connect_attachment::Tag");
    let key = tag.property("Key").unwrap();
    assert!(key.required && matches!(key.shape, Shape::String { allowed: [] }));
}
