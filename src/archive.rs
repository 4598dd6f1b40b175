//! Packing directories as tar+gzip (oras-compatible) and unpacking them safely.
//! (Stub: being written.)
