//! The stack of 100 private subnets the compile-time script measures, in
//! its three spellings: 100 instances of `ecsnet::constructs::private_subnet`,
//! 100 instances of the same construct defined in this crate, and the 400
//! declarations written by hand. The comparison is fair only if all three
//! give the same template.

include!(concat!(env!("OUT_DIR"), "/subnets_by_library_construct.rs"));
include!(concat!(env!("OUT_DIR"), "/subnets_by_local_construct.rs"));
include!(concat!(env!("OUT_DIR"), "/subnets_by_hand.rs"));

#[test]
fn instances_and_declarations_by_hand_give_the_same_template() {
    let by_hand = subnets_by_hand::template();
    assert_eq!(by_hand.resources.len(), 404);
    let json = by_hand.to_json();
    for (name, template) in [
        (
            "library construct",
            subnets_by_library_construct::template(),
        ),
        ("local construct", subnets_by_local_construct::template()),
    ] {
        assert!(
            template.to_json() == json,
            "the {name}'s template differs from the one written by hand"
        );
    }
}

#[test]
fn every_instance_declares_its_four_resources() {
    let template = subnets_by_library_construct::template();
    let ids: Vec<&str> = template.resources.keys().map(AsRef::as_ref).collect();
    assert_eq!(
        ids[4..8],
        [
            "Private0Subnet",
            "Private0RouteTable",
            "Private0SubnetRouteTableAssociation",
            "Private0RouteTableDefaultRoute",
        ]
    );
    assert_eq!(ids[403], "Private99RouteTableDefaultRoute");
    let json = template.to_json();
    assert!(json.contains(r#""CidrBlock":"10.0.99.0/24""#), "{json}");
    // Instance 2 names zone `c`; instance 0 takes the default, `a`.
    assert!(json.contains(r#""Fn::Sub":"${AWS::Region}c""#), "{json}");
    assert!(json.contains(r#""Fn::Sub":"${AWS::Region}a""#), "{json}");
}
