//! Rules on address blocks: CIDR literals are well-formed network
//! addresses, subnets have the sizes AWS allows, lie inside their VPC, and
//! do not overlap each other.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::Context;
use crate::model::{Declaration, Object, Value, ValueKind};

/// A parsed CIDR block.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cidr {
    V4 { network: u32, prefix: u8 },
    V6 { network: u128, prefix: u8 },
}

impl Cidr {
    /// Parses `a.b.c.d/n` or `x:y::/n`: `Err` says what is wrong, and for a
    /// block that does not start at its network address, which block the
    /// address belongs to.
    pub fn parse(text: &str) -> Result<Cidr, String> {
        let Some((address, prefix)) = text.split_once('/') else {
            return Err(format!(
                "`{text}` is not a CIDR block: it has no prefix length, as in `{text}/24`"
            ));
        };
        let prefix: u8 = prefix.parse().map_err(|_| {
            format!("`{text}` is not a CIDR block: `{prefix}` is not a prefix length")
        })?;
        // Both families as one number of `width` bits, checked the same way.
        let (bits, width) = if let Ok(v4) = address.parse::<Ipv4Addr>() {
            (u128::from(u32::from(v4)), 32)
        } else if let Ok(v6) = address.parse::<Ipv6Addr>() {
            (u128::from(v6), 128)
        } else {
            return Err(format!(
                "`{text}` is not a CIDR block: `{address}` is not an IPv4 or IPv6 address"
            ));
        };
        let block = |network: u128| {
            if width == 32 {
                Cidr::V4 {
                    network: u32::try_from(network).unwrap_or(u32::MAX),
                    prefix,
                }
            } else {
                Cidr::V6 { network, prefix }
            }
        };
        if u32::from(prefix) > width {
            let family = if width == 32 { 4 } else { 6 };
            return Err(format!(
                "`{text}` is not a CIDR block: an IPv{family} prefix length is 0 to {width}"
            ));
        }
        let host_bits = width - u32::from(prefix);
        let host_mask = if host_bits == 128 {
            u128::MAX
        } else {
            (1u128 << host_bits) - 1
        };
        if bits & host_mask != 0 {
            let aligned = block(bits & !host_mask);
            return Err(format!(
                "`{text}` is not a network address: the /{prefix} block that holds `{address}` is `{aligned}`"
            ));
        }
        Ok(block(bits))
    }

    /// The first and last address, as numbers of the same family.
    fn range(self) -> (u128, u128) {
        match self {
            Cidr::V4 { network, prefix } => {
                let size = 1u128 << (32 - u32::from(prefix));
                (u128::from(network), u128::from(network) + size - 1)
            }
            Cidr::V6 { network, prefix } => {
                let size = if prefix == 0 {
                    u128::MAX
                } else {
                    (1u128 << (128 - u32::from(prefix))) - 1
                };
                (network, network.saturating_add(size))
            }
        }
    }

    /// The prefix length.
    pub fn prefix(self) -> u8 {
        match self {
            Cidr::V4 { prefix, .. } | Cidr::V6 { prefix, .. } => prefix,
        }
    }

    fn same_family(self, other: Cidr) -> bool {
        matches!(
            (self, other),
            (Cidr::V4 { .. }, Cidr::V4 { .. }) | (Cidr::V6 { .. }, Cidr::V6 { .. })
        )
    }

    /// Whether `other` lies inside this block.
    pub fn contains(self, other: Cidr) -> bool {
        let ((a, b), (c, d)) = (self.range(), other.range());
        self.same_family(other) && a <= c && d <= b
    }

    /// Whether the two blocks share an address.
    pub fn overlaps(self, other: Cidr) -> bool {
        let ((a, b), (c, d)) = (self.range(), other.range());
        self.same_family(other) && a <= d && c <= b
    }
}

impl std::fmt::Display for Cidr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Cidr::V4 { network, prefix } => write!(f, "{}/{prefix}", Ipv4Addr::from(network)),
            Cidr::V6 { network, prefix } => write!(f, "{}/{prefix}", Ipv6Addr::from(network)),
        }
    }
}

/// Whether a property holds a CIDR block, by its name: `CidrBlock`,
/// `DestinationCidrBlock`, `CidrIp`, `CidrIpv6`, `Ipv6CidrBlock`, …
fn is_cidr_property(ident: &str) -> bool {
    ident.ends_with("cidr_block") || ident.ends_with("cidr_ip") || ident.ends_with("cidr_ipv6")
}

// Rule `cidr-syntax`: a CIDR literal is an address and a prefix length, and
// the address is the first of its block; EC2 refuses anything else ("The
// CIDR '172.31.97.0/20' is invalid", `InvalidSubnet.Range`;
// <https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html>).
// The message names the aligned block the user probably meant.
//
// In EC2's types the property's name says the family: `CidrBlock`, `CidrIp`
// and `DestinationCidrBlock` take IPv4 blocks, `Ipv6CidrBlock` and
// `CidrIpv6` IPv6 ones ("CidrIp: The IPv4 address range, in CIDR format";
// "CidrIpv6: The IPv6 address range, in CIDR format",
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-security-group-ingress.html>).
pub fn check_cidr_literals(cx: &Context) {
    fn walk(cx: &Context, object: &Object, ec2: bool) {
        for entry in &object.entries {
            if is_cidr_property(&entry.key.name)
                && let Some(text) = entry.value.as_str()
            {
                match Cidr::parse(text) {
                    Err(message) => {
                        cx.errors
                            .push_range(entry.value.span, entry.value.end, message);
                    }
                    Ok(block) if ec2 => check_family(cx, &entry.key.name, &entry.value, block),
                    Ok(_) => {}
                }
            }
            walk_value(cx, &entry.value, ec2);
        }
    }
    fn walk_value(cx: &Context, value: &Value, ec2: bool) {
        match &value.kind {
            ValueKind::Object(object) => walk(cx, object, ec2),
            ValueKind::List(items) => items.iter().for_each(|item| walk_value(cx, item, ec2)),
            _ => {}
        }
    }
    let _rule = cx.errors.rule("cidr-syntax");
    for declaration in &cx.stack.declarations {
        if let Some(resource) = declaration.as_resource() {
            walk(
                cx,
                &resource.properties,
                resource.type_name.starts_with("AWS::EC2::"),
            );
        }
    }
}

/// An IPv6 block where EC2 takes IPv4, or the reverse.
fn check_family(cx: &Context, key: &str, value: &Value, block: Cidr) {
    let wants_v6 = key.contains("ipv6");
    let (found, expected, other) = match (block, wants_v6) {
        (Cidr::V6 { .. }, false) => (
            "IPv6",
            "IPv4",
            key.replace("cidr_block", "ipv6_cidr_block")
                .replace("cidr_ip", "cidr_ipv6"),
        ),
        (Cidr::V4 { .. }, true) => (
            "IPv4",
            "IPv6",
            key.replace("ipv6_cidr_block", "cidr_block")
                .replace("cidr_ipv6", "cidr_ip"),
        ),
        _ => return,
    };
    cx.errors.push_range(
        value.span,
        value.end,
        format!("`{key}` takes an {expected} block, and `{block}` is {found}; write {found} blocks in `{other}`"),
    );
}

/// The sizes of IPv4 VPCs and subnets: "The allowed block size is between a
/// /16 netmask (65,536 IP addresses) and /28 netmask (16 IP addresses)"
/// (<https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html>,
/// <https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html>).
const SMALLEST_PREFIX: u8 = 16;
const LARGEST_PREFIX: u8 = 28;

/// A subnet of the stack with a literal IPv4 block.
struct Subnet<'a> {
    declaration: &'a Declaration,
    value: &'a Value,
    cidr: Cidr,
    /// The VPC it names, as written (`VpcId`, `Vpc`).
    vpc: Option<String>,
}

// Rule `subnet-size`: IPv4 VPC and subnet blocks are /16 to /28: "The
// allowed block size is between a /16 netmask (65,536 IP addresses) and /28
// netmask (16 IP addresses)"
// (<https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html>).
//
// Rule `subnet-in-vpc`: "The CIDR block of a subnet must be a subset of the
// VPC's CIDR block" and rule `subnet-overlap`: "A subnet CIDR block must not
// overlap the CIDR block of an existing subnet in the VPC" (CreateSubnet,
// <https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html>).
// The VPC's block is known when the VPC is a resource of the stack, or when
// its parameter declares it (`cidr = "…"`, and the subnets that already
// exist with `existing_subnets = […]`, as `aws ec2 describe-vpcs` and
// `describe-subnets` show them); otherwise these rules stay silent.
pub fn check_subnets(cx: &Context) {
    let _rule = cx.errors.rule("subnet-in-vpc");
    for (declaration, vpc) in cx.resources_of("AWS::EC2::VPC") {
        if let Some(value) = vpc.properties.value("cidr_block") {
            check_size(cx, value, &format!("VPC `{}`", declaration.ident));
        }
    }
    let mut subnets: Vec<Subnet> = Vec::new();
    for (declaration, subnet) in cx.resources_of("AWS::EC2::Subnet") {
        let Some(value) = subnet.properties.value("cidr_block") else {
            continue;
        };
        let Some(Ok(cidr @ Cidr::V4 { .. })) = value.as_str().map(Cidr::parse) else {
            continue;
        };
        check_size(cx, value, &format!("subnet `{}`", declaration.ident));
        subnets.push(Subnet {
            declaration,
            value,
            cidr,
            vpc: subnet.properties.value("vpc_id").and_then(Value::ref_name),
        });
    }
    for (i, subnet) in subnets.iter().enumerate() {
        let Some(vpc) = &subnet.vpc else {
            continue;
        };
        let (vpc_block, existing) = vpc_facts(cx, vpc);
        if let Some(vpc_block) = vpc_block
            && !vpc_block.contains(subnet.cidr)
        {
            cx.errors.push_range(
                    subnet.value.span,
                    subnet.value.end,
                    format!(
                        "subnet `{}` (`{}`) is outside its VPC `{vpc}` (`{vpc_block}`); choose a block inside `{vpc_block}`{}",
                        subnet.declaration.ident,
                        subnet.cidr,
                        suggestion(vpc_block, subnet.cidr, &taken(&subnets, &existing, vpc)),
                    ),
                );
            continue;
        }
        let earlier = subnets[..i]
            .iter()
            .filter(|other| other.vpc.as_deref() == Some(vpc.as_str()))
            .map(|other| (format!("subnet `{}`", other.declaration.ident), other.cidr))
            .chain(
                existing
                    .iter()
                    .map(|cidr| ("an existing subnet".to_owned(), *cidr)),
            );
        for (other, other_cidr) in earlier {
            if subnet.cidr.overlaps(other_cidr) {
                let _rule = cx.errors.rule("subnet-overlap");
                let hint = vpc_block.map_or_else(String::new, |block| {
                    suggestion(block, subnet.cidr, &taken(&subnets, &existing, vpc))
                });
                cx.errors.push_range(
                    subnet.value.span,
                    subnet.value.end,
                    format!(
                        "subnet `{}` (`{}`) overlaps {other} (`{other_cidr}`) of VPC `{vpc}`; subnets of a VPC share no address{hint}",
                        subnet.declaration.ident, subnet.cidr
                    ),
                );
                break;
            }
        }
    }
}

pub fn check_size(cx: &Context, value: &Value, what: &str) {
    let _rule = cx.errors.rule("subnet-size");
    let Some(Ok(Cidr::V4 { prefix, .. })) = value.as_str().map(Cidr::parse) else {
        return;
    };
    if !(SMALLEST_PREFIX..=LARGEST_PREFIX).contains(&prefix) {
        cx.errors.push_range(
            value.span,
            value.end,
            format!("{what} is a /{prefix}, and IPv4 VPCs and subnets are /{SMALLEST_PREFIX} (65,536 addresses) to /{LARGEST_PREFIX} (16 addresses)"),
        );
    }
}

/// A VPC's block and the subnets that already exist in it, as the stack
/// knows them: from an `AWS::EC2::VPC` resource, or from what its
/// parameter declares.
fn vpc_facts(cx: &Context, vpc: &str) -> (Option<Cidr>, Vec<Cidr>) {
    if let Some((_, resource)) = cx.resource(vpc) {
        let block = resource
            .properties
            .value("cidr_block")
            .and_then(Value::as_str)
            .and_then(|t| Cidr::parse(t).ok());
        return (block, Vec::new());
    }
    if let Some(super::Symbol::Parameter(parameter)) = cx.symbols.get(vpc) {
        let block = parameter
            .cidr
            .as_ref()
            .and_then(|v| v.as_str())
            .and_then(|t| Cidr::parse(t).ok());
        let existing = parameter
            .existing_subnets
            .as_ref()
            .and_then(Value::as_list)
            .unwrap_or_default()
            .iter()
            .filter_map(|v| Cidr::parse(v.as_str()?).ok())
            .collect();
        return (block, existing);
    }
    (None, Vec::new())
}

fn taken(subnets: &[Subnet], existing: &[Cidr], vpc: &str) -> Vec<Cidr> {
    subnets
        .iter()
        .filter(|s| s.vpc.as_deref() == Some(vpc))
        .map(|s| s.cidr)
        .chain(existing.iter().copied())
        .collect()
}

/// A hint such as ``; the next free /20 is `172.31.96.0/20` `` when one
/// exists: the first block of the wanted size, from the wanted block's place
/// in the VPC on (wrapping around to the VPC's start), that overlaps nothing
/// taken.
fn suggestion(vpc: Cidr, wanted: Cidr, taken: &[Cidr]) -> String {
    let (
        Cidr::V4 {
            network: wanted_network,
            prefix,
        },
        Cidr::V4 {
            network: vpc_network,
            prefix: vpc_prefix,
        },
    ) = (wanted, vpc)
    else {
        return String::new();
    };
    if prefix < vpc_prefix {
        return String::new();
    }
    let step = 1u64 << (32 - u32::from(prefix));
    let start = u64::from(vpc_network);
    let end = start + (1u64 << (32 - u32::from(vpc_prefix)));
    // The wanted block's place within the VPC: itself when it is inside, and
    // the same offset when it is not (`172.32.96.0/20` in `172.31.0.0/16`
    // most likely meant `172.31.96.0/20`).
    let offset = u64::from(wanted_network) & ((1u64 << (32 - u32::from(vpc_prefix))) - 1);
    let from = (start + offset).min(end - step);
    // Scan from the wanted place to the VPC's end, then from its start; each
    // step either finds a free block or jumps past a taken one, so the scan
    // takes at most a few steps per taken block, whatever the sizes.
    for (mut block, stop) in [(from, end), (start, from)] {
        while block < stop {
            crate::diag::step(1);
            let candidate = Cidr::V4 {
                network: u32::try_from(block).unwrap_or(u32::MAX),
                prefix,
            };
            let Some(blocker) = taken.iter().find(|t| t.overlaps(candidate)) else {
                return format!("; the next free /{prefix} is `{candidate}`");
            };
            // The first aligned block after the one in the way.
            let (_, last) = blocker.range();
            let past = u64::try_from(last).unwrap_or(u64::MAX).saturating_add(1);
            block = past.div_ceil(step).saturating_mul(step).max(block + step);
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_aligns() {
        assert_eq!(
            Cidr::parse("172.31.96.0/20").unwrap().to_string(),
            "172.31.96.0/20"
        );
        assert_eq!(
            Cidr::parse("172.31.97.0/20").unwrap_err(),
            "`172.31.97.0/20` is not a network address: the /20 block that holds `172.31.97.0` is `172.31.96.0/20`"
        );
        assert!(Cidr::parse("0.0.0.0/0").is_ok());
        assert!(Cidr::parse("::/0").is_ok());
        assert!(Cidr::parse("2001:db8::/32").is_ok());
        assert_eq!(
            Cidr::parse("2001:db8::1/64").unwrap_err(),
            "`2001:db8::1/64` is not a network address: the /64 block that holds `2001:db8::1` is `2001:db8::/64`"
        );
        assert!(Cidr::parse("::/129").is_err());
        assert!(Cidr::parse("10.0.0.0/33").is_err());
        assert!(Cidr::parse("10.0.0.0").is_err());
    }

    #[test]
    fn contains_and_overlaps() {
        let vpc = Cidr::parse("172.31.0.0/16").unwrap();
        let a = Cidr::parse("172.31.96.0/20").unwrap();
        let b = Cidr::parse("172.31.100.0/24").unwrap();
        let c = Cidr::parse("172.32.0.0/20").unwrap();
        assert!(vpc.contains(a) && vpc.contains(b) && !vpc.contains(c));
        assert!(a.overlaps(b) && b.overlaps(a) && !a.overlaps(c));
    }

    #[test]
    fn suggests_the_next_free_block() {
        let vpc = Cidr::parse("172.31.0.0/16").unwrap();
        let taken: Vec<Cidr> = [
            "172.31.0.0/20",
            "172.31.16.0/20",
            "172.31.32.0/20",
            "172.31.48.0/20",
            "172.31.64.0/20",
            "172.31.80.0/20",
        ]
        .iter()
        .map(|t| Cidr::parse(t).unwrap())
        .collect();
        let wanted = Cidr::parse("172.31.80.0/20").unwrap();
        assert_eq!(
            suggestion(vpc, wanted, &taken),
            "; the next free /20 is `172.31.96.0/20`"
        );
        // Past the end of the VPC the search wraps around to its start.
        let last = Cidr::parse("172.31.240.0/20").unwrap();
        let full: Vec<Cidr> = taken.iter().copied().chain([last]).collect();
        assert_eq!(
            suggestion(vpc, last, &full),
            "; the next free /20 is `172.31.96.0/20`"
        );
    }
}
