//! Where ecsnet cannot tell whether a condition can be false (it compares two parameters), a reference to what it guards is a warning, denied here.
#![deny(warnings)]
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    pub struct VpcId;

    #[parameter(String)]
    pub struct PeerVpcId;

    // ANCHOR: here
    #[condition(not(equals(VpcId, PeerVpcId)))]
    pub struct IsPeered;

    #[resource(AWS::EC2::VPCPeeringConnection { vpc_id: VpcId, peer_vpc_id: PeerVpcId })]
    #[condition(IsPeered)]
    pub struct Peering;

    #[output(Peering)]
    pub struct PeeringId;
    // ANCHOR_END: here
}

fn main() {}
