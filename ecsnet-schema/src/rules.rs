//! The template's `Rules` section: what the macro checks there and what
//! `ecsnet import` keeps as the language's own inside `rules = { … }`.

/// The functions a rule's condition and assertions are made of ("Rule
/// functions", <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/rules-section-structure.html>).
pub const RULE_FUNCTIONS: &[&str] = &[
    "Fn::And",
    "Fn::Contains",
    "Fn::EachMemberEquals",
    "Fn::EachMemberIn",
    "Fn::Equals",
    "Fn::Not",
    "Fn::Or",
    "Fn::RefAll",
    "Fn::ValueOf",
    "Fn::ValueOfAll",
];
