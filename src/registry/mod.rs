//! Registry client (stub).
