//! A copy of the model of `ecsnet-macros/src/schema/mod.rs`, under which
//! `generated.rs` compiles unchanged. Keep the two in step.

#![allow(
    dead_code,
    reason = "a copy of the macro crate's model, read by the dump only"
)]

pub struct ResourceType {
    pub name: &'static str,
    pub core_path: &'static str,
    pub properties: &'static [Property],
    pub attributes: &'static [Attribute],
    pub ref_returns: Option<&'static str>,
    pub docs_url: &'static str,
}
pub struct Property {
    pub name: &'static str,
    pub ident: &'static str,
    pub shape: Shape,
    pub required: bool,
    pub refers_to: &'static [Relation],
}
pub struct Relation {
    pub type_name: &'static str,
    pub property: &'static str,
}
pub struct Attribute {
    pub name: &'static str,
    pub ident: &'static str,
}
pub enum Shape {
    String {
        allowed: &'static [&'static str],
    },
    Integer {
        minimum: Option<i64>,
        maximum: Option<i64>,
        allowed: &'static [i64],
    },
    Number,
    Boolean,
    Json,
    Timestamp,
    List(&'static Shape),
    Map(&'static Shape),
    Struct(&'static Struct),
    Union(&'static [Shape]),
}
pub struct Struct {
    pub name: &'static str,
    pub core_path: &'static str,
    pub properties: &'static [Property],
}

#[path = "../../../ecsnet-macros/src/schema/generated.rs"]
pub mod generated;
