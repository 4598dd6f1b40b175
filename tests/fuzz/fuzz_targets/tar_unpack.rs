#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| artifact_fuzz::tar_unpack(data));
