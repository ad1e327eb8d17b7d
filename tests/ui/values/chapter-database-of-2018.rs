//! The chapter's 2018 database, MySQL `5.7` on a `db.t2.micro`: values the data of 2026-05-12 does not list, warnings that `-D warnings` makes errors.
#![deny(warnings)]
use ecsnet::prelude::*;

#[stack]
mod database {
    // ANCHOR: here
    #[resource(AWS::RDS::DBInstance {
        engine: "MySQL",
        engine_version: "5.7",
        db_instance_class: "db.t2.micro",
        allocated_storage: "10",
        master_username: "todobackend",
        master_user_password: "change-me-please",
    })]
    struct ApplicationDatabase;
    // ANCHOR_END: here
}

fn main() {}
