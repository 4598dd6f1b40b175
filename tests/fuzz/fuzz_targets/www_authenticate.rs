#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| artifact_fuzz::www_authenticate(data));
