//! Every type of the provider, and every SAM type, decodes, with unique identifiers.

use std::collections::HashSet;

use ecsnet_schema::{Property, Shape, Struct};

/// The `us-east-1` provider of cfn-lint 1.51.0 has 1,585 entries: 1,583
/// `AWS::` types, `Alexa::ASK::Skill`, and `Module` (the schema of
/// CloudFormation modules, not a resource type, left out).
const PROVIDER_TYPES: usize = 1584;

/// The `AWS::Serverless::*` types of aws-sam-translator 1.115.0 whose target
/// type the provider has (three more, newer, are left out).
const SAM_TYPES: &[&str] = &[
    "AWS::Serverless::Api",
    "AWS::Serverless::Application",
    "AWS::Serverless::CapacityProvider",
    "AWS::Serverless::Connector",
    "AWS::Serverless::Function",
    "AWS::Serverless::GraphQLApi",
    "AWS::Serverless::HttpApi",
    "AWS::Serverless::LayerVersion",
    "AWS::Serverless::SimpleTable",
    "AWS::Serverless::StateMachine",
    "AWS::Serverless::WebSocketApi",
];

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
    assert_eq!(names.len(), PROVIDER_TYPES + SAM_TYPES.len());
    assert!(
        names.windows(2).all(|w| w[0] < w[1]),
        "type names are sorted"
    );
    assert_eq!(
        names.iter().filter(|n| n.starts_with("AWS::")).count(),
        1583 + SAM_TYPES.len()
    );
    let sam: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.starts_with("AWS::Serverless::"))
        .collect();
    assert_eq!(sam, SAM_TYPES);
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

#[test]
fn sam_types_name_their_transform_and_target() {
    for name in ecsnet_schema::type_names() {
        let t = ecsnet_schema::resource_type(name).unwrap();
        let sam = name.starts_with("AWS::Serverless::");
        assert_eq!(
            t.transform,
            sam.then_some("AWS::Serverless-2016-10-31"),
            "{name}"
        );
        if let Some(target) = t.expands_to {
            let target =
                ecsnet_schema::resource_type(target).expect("the target is a registry type");
            assert!(target.transform.is_none());
        }
        if sam {
            assert!(
                t.create_only.is_empty(),
                "{name}: SAM states no createOnlyProperties"
            );
        }
    }
    let function = ecsnet_schema::resource_type("AWS::Serverless::Function").unwrap();
    assert_eq!(function.expands_to, Some("AWS::Lambda::Function"));
    assert!(function.attribute("Arn").is_some());
    assert_eq!(function.ref_returns, Some("FunctionName"));
    assert!(function.docs_url.ends_with(
        "/serverless-application-model/latest/developerguide/sam-resource-function.html"
    ));
    // `CodeUri` is a string (a local path or an S3 URI) or an `{Bucket, Key}` object.
    let Shape::Union(code_uri) = function.property("CodeUri").unwrap().shape else {
        panic!("CodeUri is a union")
    };
    assert!(matches!(code_uri[0], Shape::String { allowed: [] }));
    let Shape::Struct(location) = code_uri[1] else {
        panic!("and a struct")
    };
    assert!(location.property("Bucket").unwrap().required);
    // A pass-through property takes the registry's shape: Lambda's runtimes.
    let Shape::String { allowed } = function.property("Runtime").unwrap().shape else {
        panic!("Runtime is a string")
    };
    assert!(allowed.contains(&"python3.12"));
    // `Events` maps names to one event-source struct: every event type's
    // `Type`, and the properties of all of them.
    let Shape::Map(Shape::Struct(event)) = function.property("Events").unwrap().shape else {
        panic!("Events is a map of structs")
    };
    let Shape::String { allowed } = event.property("Type").unwrap().shape else {
        panic!("an event's Type is a string")
    };
    for kind in ["S3", "SQS", "Api", "HttpApi", "Schedule", "EventBridgeRule"] {
        assert!(allowed.contains(&kind), "{kind}");
    }
    let Shape::Struct(properties) = event.property("Properties").unwrap().shape else {
        panic!("an event's Properties is a struct")
    };
    for key in ["Queue", "Bucket", "Path", "Method", "Stream", "Schedule"] {
        let property = properties.property(key).unwrap();
        assert!(!property.required, "{key} is optional in the merge");
    }
    // The layer's logical id changes in the transform: no attributes.
    let layer = ecsnet_schema::resource_type("AWS::Serverless::LayerVersion").unwrap();
    assert!(layer.attributes.is_empty());
    assert_eq!(layer.expands_to, Some("AWS::Lambda::LayerVersion"));
    let connector = ecsnet_schema::resource_type("AWS::Serverless::Connector").unwrap();
    assert_eq!(connector.expands_to, None);
    assert_eq!(connector.ref_returns, None);
}
