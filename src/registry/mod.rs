//! A client for the OCI distribution API. Knows nothing of the command line.

pub mod auth;
mod blob;
mod client;
pub mod error;
mod manifest;

pub use auth::{Anonymous, CredentialSource, Secret};
pub use client::{Client, ClientOptions, Repository};
pub use error::RegistryError;
