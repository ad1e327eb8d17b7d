//! Conditions, `if_` with `AWS::NoValue`, conditional resources and outputs,
//! and mappings read with `find_in_map`, resolved at compile time where the
//! keys are literal.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(transform = "AWS::LanguageExtensions")]
mod network {
    #[parameter(String, allowed_values = ["dev", "prod"], default = "dev")]
    pub struct Environment;

    #[parameter(String, default = "")]
    pub struct KeyName;

    /// Production gets a NAT gateway.
    #[condition(equals(Environment, "prod"))]
    pub struct IsProduction;

    #[condition(not(equals(KeyName, "")))]
    pub struct HasKeyName;

    #[condition(and(IsProduction, HasKeyName))]
    pub struct ProductionWithKey;

    #[mapping {
        "dev": { "VpcCidr": "10.0.0.0/16", "SubnetCidr": "10.0.1.0/24" },
        "prod": { "VpcCidr": "10.1.0.0/16", "SubnetCidr": "10.1.1.0/24" },
    }]
    pub struct Networks;

    #[resource(AWS::EC2::VPC {
        cidr_block: find_in_map(Networks, Environment, "VpcCidr"),
    })]
    pub struct Vpc;

    #[resource(AWS::EC2::Subnet {
        vpc_id: Vpc,
        cidr_block: find_in_map(Networks, Environment, "SubnetCidr"),
        map_public_ip_on_launch: if_(IsProduction, false, AWS::NoValue),
    })]
    pub struct Subnet;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    #[condition(IsProduction)]
    pub struct NatAddress;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: NatAddress.AllocationId,
        subnet_id: Subnet,
        tags: if_(ProductionWithKey, [{ key: "KeyName", value: KeyName }], AWS::NoValue),
    })]
    #[condition(IsProduction)]
    pub struct NatGateway;

    #[output(NatGateway, condition = IsProduction)]
    pub struct NatGatewayId;

    #[output(length(["a", "b"]))]
    pub struct Count;

    #[output(to_json_string({ "Size": find_in_map(Networks, Environment, "Size", { default_value: "small" }) }))]
    pub struct Settings;
}
// ANCHOR_END: here

fn main() {
    let json: serde_json::Value = serde_json::from_str(&network::template().to_json()).unwrap();
    let expected: serde_json::Value = serde_json::from_str(
        r#"{
            "AWSTemplateFormatVersion": "2010-09-09",
            "Parameters": {
                "Environment": {
                    "Type": "String",
                    "Default": "dev",
                    "AllowedValues": [
                        "dev",
                        "prod"
                    ]
                },
                "KeyName": {
                    "Type": "String",
                    "Default": ""
                }
            },
            "Mappings": {
                "Networks": {
                    "dev": {
                        "VpcCidr": "10.0.0.0/16",
                        "SubnetCidr": "10.0.1.0/24"
                    },
                    "prod": {
                        "VpcCidr": "10.1.0.0/16",
                        "SubnetCidr": "10.1.1.0/24"
                    }
                }
            },
            "Conditions": {
                "IsProduction": {
                    "Fn::Equals": [
                        {
                            "Ref": "Environment"
                        },
                        "prod"
                    ]
                },
                "HasKeyName": {
                    "Fn::Not": [
                        {
                            "Fn::Equals": [
                                {
                                    "Ref": "KeyName"
                                },
                                ""
                            ]
                        }
                    ]
                },
                "ProductionWithKey": {
                    "Fn::And": [
                        {
                            "Condition": "IsProduction"
                        },
                        {
                            "Condition": "HasKeyName"
                        }
                    ]
                }
            },
            "Transform": "AWS::LanguageExtensions",
            "Resources": {
                "Vpc": {
                    "Type": "AWS::EC2::VPC",
                    "Properties": {
                        "CidrBlock": {
                            "Fn::FindInMap": [
                                "Networks",
                                {
                                    "Ref": "Environment"
                                },
                                "VpcCidr"
                            ]
                        }
                    }
                },
                "Subnet": {
                    "Type": "AWS::EC2::Subnet",
                    "Properties": {
                        "VpcId": {
                            "Ref": "Vpc"
                        },
                        "CidrBlock": {
                            "Fn::FindInMap": [
                                "Networks",
                                {
                                    "Ref": "Environment"
                                },
                                "SubnetCidr"
                            ]
                        },
                        "MapPublicIpOnLaunch": {
                            "Fn::If": [
                                "IsProduction",
                                false,
                                {
                                    "Ref": "AWS::NoValue"
                                }
                            ]
                        }
                    }
                },
                "NatAddress": {
                    "Type": "AWS::EC2::EIP",
                    "Condition": "IsProduction",
                    "Properties": {
                        "Domain": "vpc"
                    }
                },
                "NatGateway": {
                    "Type": "AWS::EC2::NatGateway",
                    "Condition": "IsProduction",
                    "Properties": {
                        "AllocationId": {
                            "Fn::GetAtt": [
                                "NatAddress",
                                "AllocationId"
                            ]
                        },
                        "SubnetId": {
                            "Ref": "Subnet"
                        },
                        "Tags": {
                            "Fn::If": [
                                "ProductionWithKey",
                                [
                                    {
                                        "Key": "KeyName",
                                        "Value": {
                                            "Ref": "KeyName"
                                        }
                                    }
                                ],
                                {
                                    "Ref": "AWS::NoValue"
                                }
                            ]
                        }
                    }
                }
            },
            "Outputs": {
                "NatGatewayId": {
                    "Value": {
                        "Ref": "NatGateway"
                    },
                    "Condition": "IsProduction"
                },
                "Count": {
                    "Value": {
                        "Fn::Length": [
                            "a",
                            "b"
                        ]
                    }
                },
                "Settings": {
                    "Value": {
                        "Fn::ToJsonString": {
                            "Size": {
                                "Fn::FindInMap": [
                                    "Networks",
                                    {
                                        "Ref": "Environment"
                                    },
                                    "Size",
                                    {
                                        "DefaultValue": "small"
                                    }
                                ]
                            }
                        }
                    }
                }
            }
        }"#,
    )
    .unwrap();
    assert_eq!(json, expected);
}
