//! `artifact`: store any files in an OCI registry and get them back.
//!
//! The library half knows nothing of the command line: `reference` parses names,
//! `registry` speaks the distribution API, `target` abstracts over where content lives,
//! `archive` packs directories the way oras does.

pub mod archive;
pub mod auth;
pub mod cache;
pub mod cli;
pub mod content;
pub mod copy;
pub mod credentials;
pub mod digest;
pub mod layout;
pub mod manifest;
pub mod progress;
pub mod reference;
pub mod referrers;
pub mod registry;
pub mod target;
