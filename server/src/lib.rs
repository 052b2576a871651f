//! The Madoguchi server: a thin axum binary around the `app` crate. Startup is a library so the
//! integration tests can run the real server on a random port.
pub mod headers;
pub mod ops;
pub mod origin;
pub mod parent_reference;
pub mod seo;
pub mod settings;
pub mod site;
pub mod startup;
pub mod telemetry;
