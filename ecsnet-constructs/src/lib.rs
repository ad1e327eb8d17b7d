//! ecsnet's construct library, re-exported as `ecsnet::constructs`: the
//! patterns of the task networking chapter, each correct by construction
//! for any valid arguments, and checked again by every rule in each stack
//! that instantiates it.
//!
//! The constructs are defined in a module of their own: an exported
//! construct's macro sits at the crate's root, beside the crate-local one
//! its module holds.

mod definitions;
