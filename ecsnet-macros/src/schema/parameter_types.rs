//! The parameter types CloudFormation supports, from "Parameters template
//! section syntax: Supported parameter types"
//! (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html>)
//! and "Specify existing resources at runtime with CloudFormation-supplied
//! parameter types"
//! (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-supplied-parameter-types.html>).
//! There is no machine-readable source for this list, so it lives here, once.

/// The AWS-specific parameter types, with the resource type and the
/// property each one identifies (used to check that a subnet parameter is
/// not given where a VPC id belongs).
pub const AWS_SPECIFIC: &[(&str, Option<(&str, &str)>)] = &[
    ("AWS::EC2::AvailabilityZone::Name", None),
    ("AWS::EC2::Image::Id", None),
    (
        "AWS::EC2::Instance::Id",
        Some(("AWS::EC2::Instance", "InstanceId")),
    ),
    (
        "AWS::EC2::KeyPair::KeyName",
        Some(("AWS::EC2::KeyPair", "KeyName")),
    ),
    (
        "AWS::EC2::SecurityGroup::GroupName",
        Some(("AWS::EC2::SecurityGroup", "GroupName")),
    ),
    (
        "AWS::EC2::SecurityGroup::Id",
        Some(("AWS::EC2::SecurityGroup", "GroupId")),
    ),
    (
        "AWS::EC2::Subnet::Id",
        Some(("AWS::EC2::Subnet", "SubnetId")),
    ),
    (
        "AWS::EC2::Volume::Id",
        Some(("AWS::EC2::Volume", "VolumeId")),
    ),
    ("AWS::EC2::VPC::Id", Some(("AWS::EC2::VPC", "VpcId"))),
    (
        "AWS::Route53::HostedZone::Id",
        Some(("AWS::Route53::HostedZone", "Id")),
    ),
];

/// The general parameter types.
pub const GENERAL: &[&str] = &["String", "Number", "List<Number>", "CommaDelimitedList"];

/// What a parameter of a given type holds, as far as the checker cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParameterShape {
    /// The parameter is a list (`List<…>`, `CommaDelimitedList`).
    pub is_list: bool,
    /// The parameter is a number (`Number`), or a list of numbers.
    pub is_number: bool,
    /// The resource type and property an AWS-specific type identifies.
    pub identifies: Option<(&'static str, &'static str)>,
}

/// The shape of a parameter type, or `None` if CloudFormation has no such type.
pub fn shape(ty: &str) -> Option<ParameterShape> {
    let plain = |is_list, is_number| ParameterShape {
        is_list,
        is_number,
        identifies: None,
    };
    match ty {
        "String" | "AWS::SSM::Parameter::Name" => return Some(plain(false, false)),
        "Number" => return Some(plain(false, true)),
        "List<Number>" => return Some(plain(true, true)),
        "CommaDelimitedList" => return Some(plain(true, false)),
        _ => {}
    }
    if let Some(inner) = ty
        .strip_prefix("AWS::SSM::Parameter::Value<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        return match inner {
            "String" => Some(plain(false, false)),
            "List<String>" | "CommaDelimitedList" => Some(plain(true, false)),
            _ => aws_specific(inner),
        };
    }
    aws_specific(ty)
}

fn aws_specific(ty: &str) -> Option<ParameterShape> {
    let (is_list, name) = match ty
        .strip_prefix("List<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        Some(inner) => (true, inner),
        None => (false, ty),
    };
    AWS_SPECIFIC
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, identifies)| ParameterShape {
            is_list,
            is_number: false,
            identifies: *identifies,
        })
}

/// Every parameter type spelled out, for "did you mean" suggestions.
pub fn all() -> Vec<String> {
    let mut all: Vec<String> = GENERAL.iter().map(|s| (*s).to_owned()).collect();
    all.push("AWS::SSM::Parameter::Name".to_owned());
    all.push("AWS::SSM::Parameter::Value<String>".to_owned());
    all.push("AWS::SSM::Parameter::Value<List<String>>".to_owned());
    for (name, _) in AWS_SPECIFIC {
        all.push((*name).to_owned());
        all.push(format!("List<{name}>"));
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_chapter_parameter_types() {
        assert_eq!(
            shape("Number"),
            Some(ParameterShape {
                is_list: false,
                is_number: true,
                identifies: None
            })
        );
        let subnets = shape("List<AWS::EC2::Subnet::Id>").unwrap();
        assert!(subnets.is_list);
        assert_eq!(subnets.identifies, Some(("AWS::EC2::Subnet", "SubnetId")));
        assert_eq!(
            shape("AWS::EC2::VPC::Id").unwrap().identifies,
            Some(("AWS::EC2::VPC", "VpcId"))
        );
        assert!(shape("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>").is_some());
        assert!(shape("AWS::EC2::Vpc::Id").is_none());
    }
}
