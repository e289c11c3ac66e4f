//! Validation throughput: the compiled union-schema validators
//! (`zapi_webhooks::validator(Target::Any).is_valid`) in both flavours over every fixture,
//! pre-parsed into `serde_json::Value` (parsing is not timed here; see the `parse` bench).
//!
//! One iteration validates every payload of the corpus once; throughput is in payloads/s
//! (`ItemsCount`). `benches/compare-ajv.sh` runs this bench next to the same schemas compiled by
//! ajv (Node) and prints the ratio.
//!
//! ```text
//! cargo bench -p zapi-webhooks --bench validate
//! cargo bench -p zapi-webhooks --bench validate -- '::strict$' --min-time 3
//! ```
//!
//! Before timing, the bench prints how many payloads each flavour accepts (the strict flavour
//! rejects payloads whose keys no model knows, so `is_valid` may return early for those);
//! ajv must report the same counts for the comparison to be like for like.

use std::sync::LazyLock;

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use serde_json::Value;
use zapi_webhooks::schema::{Flavor, Target};
use zapi_webhooks::{Validator, validator};

mod common;

use common::CORPUS;

/// Every fixture, parsed once.
static VALUES: LazyLock<Vec<Value>> = LazyLock::new(|| {
    CORPUS
        .iter()
        .map(|payload| {
            serde_json::from_slice(&payload.bytes)
                .unwrap_or_else(|err| panic!("fixture {} is not JSON: {err}", payload.path))
        })
        .collect()
});

/// The union validators, compiled before any timing starts.
fn validators() -> &'static Validator {
    validator(Target::Any)
}

fn main() {
    let validators = validators();
    for (name, flavor) in [
        ("permissive", Flavor::Permissive),
        ("strict", Flavor::Strict),
    ] {
        let valid = VALUES
            .iter()
            .filter(|value| validators.is_valid(value, flavor))
            .count();
        println!(
            "validate {name}: {valid}/{} fixtures valid (schema callback.schema.json)",
            VALUES.len()
        );
    }
    common::divan().main();
}

fn validate_all(bencher: Bencher, flavor: Flavor) {
    let validators = validators();
    let values: &[Value] = &VALUES;
    bencher.counter(ItemsCount::new(values.len())).bench(|| {
        let mut valid = 0usize;
        for value in values {
            valid += usize::from(validators.is_valid(black_box(value), flavor));
        }
        valid
    });
}

/// The permissive flavour: what the models accept.
#[divan::bench]
fn permissive(bencher: Bencher) {
    validate_all(bencher, Flavor::Permissive);
}

/// The strict flavour: unmodeled keys rejected.
#[divan::bench]
fn strict(bencher: Bencher) {
    validate_all(bencher, Flavor::Strict);
}
