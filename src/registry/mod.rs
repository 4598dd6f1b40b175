//! A client for the OCI distribution API. Knows nothing of the command line.

pub mod auth;
mod blob;
mod client;
pub mod error;
pub mod extra;
mod manifest;
mod mount;
mod referrers;

pub use auth::{Anonymous, CredentialSource, Secret};
pub use client::{Client, ClientOptions, Repository};
pub use error::RegistryError;
pub use mount::Mount;
