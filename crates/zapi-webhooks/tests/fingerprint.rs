//! The bulk path's lossless check (`Inspector::models_as_schema`) agrees with its models on every
//! fixture and capture: each takes the fast path (were it not, the bulk check would fall back to
//! the exact one every time). Here rather than beside the code because the fixtures are not
//! shipped with the crate.

mod common;

use common::{captures, fixtures};

#[test]
fn every_fixture_and_capture_takes_the_fast_path() {
    let entries: Vec<_> = fixtures().into_iter().chain(captures()).collect();
    assert!(entries.len() > 100, "{} payloads", entries.len());
    for entry in entries {
        assert_eq!(
            zapi_webhooks::__private::fingerprints_agree(&entry.bytes),
            Some(true),
            "{}",
            entry.path
        );
    }
    // And a body the model does not write back the same way is caught.
    let repeated = br#"{"type":"ReceivedCallback","fromMe":false,"fromMe":true}"#;
    assert_eq!(
        zapi_webhooks::__private::fingerprints_agree(repeated),
        Some(false)
    );
}
