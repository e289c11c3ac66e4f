//! The handling answers over the fixture corpus, on callbacks parsed beforehand: what a
//! receiver or a gateway pays per delivery on top of the parse.
//!
//! * `dedupe_key::id_based`: the payloads whose key is made of ids (received, status,
//!   delivery: `v1:received:...`), the common case;
//! * `dedupe_key::digest`: the payloads keyed by the SHA-256 of their canonical JSON
//!   (presence, connection events, and payloads without ids);
//! * `origin` and `identity` (sender key, chat key, reply target, phone-lid pairs) over the
//!   received payloads;
//! * `parse::received`, the typed parse of the same received payloads, for scale.
//!
//! ```text
//! cargo bench -p zapi-webhooks --bench handling
//! ```

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use zapi_webhooks::Callback;

mod common;

use common::CORPUS;

fn main() {
    common::divan().main();
}

fn parsed(keep: impl Fn(&Callback) -> bool) -> Vec<Callback> {
    let all: Vec<Callback> = CORPUS
        .iter()
        .map(|payload| {
            Callback::from_slice(&payload.bytes)
                .unwrap_or_else(|err| panic!("bench setup: {}: {err}", payload.path))
        })
        .filter(|callback| keep(callback))
        .collect();
    assert!(!all.is_empty(), "bench setup: an empty set");
    all
}

fn is_digest(callback: &Callback) -> bool {
    callback.dedupe_key().as_str().contains(":d=")
}

mod dedupe_key {
    use super::*;

    #[divan::bench]
    fn id_based(bencher: Bencher) {
        let set = parsed(|c| !is_digest(c));
        bencher.counter(ItemsCount::new(set.len())).bench(|| {
            for callback in &set {
                black_box(callback.dedupe_key());
            }
        });
    }

    #[divan::bench]
    fn digest(bencher: Bencher) {
        let set = parsed(is_digest);
        bencher.counter(ItemsCount::new(set.len())).bench(|| {
            for callback in &set {
                black_box(callback.dedupe_key());
            }
        });
    }
}

#[divan::bench]
fn origin(bencher: Bencher) {
    let set = parsed(|c| c.as_received().is_some());
    bencher.counter(ItemsCount::new(set.len())).bench(|| {
        for callback in &set {
            black_box(callback.as_received().and_then(|m| m.origin()));
        }
    });
}

#[divan::bench]
fn identity(bencher: Bencher) {
    let set = parsed(|c| c.as_received().is_some());
    bencher.counter(ItemsCount::new(set.len())).bench(|| {
        for callback in &set {
            if let Some(msg) = callback.as_received() {
                black_box((
                    msg.sender_key(),
                    msg.chat_key(),
                    msg.reply_target(),
                    msg.lid_phone_pairs(),
                ));
            }
        }
    });
}

mod parse {
    use super::*;

    #[divan::bench]
    fn received(bencher: Bencher) {
        let set: Vec<&[u8]> = CORPUS
            .iter()
            .filter(|p| p.family == zapi_webhooks::CallbackType::Received)
            .map(|p| p.bytes.as_slice())
            .collect();
        bencher.counter(ItemsCount::new(set.len())).bench(|| {
            for bytes in &set {
                black_box(Callback::from_slice(bytes).is_ok());
            }
        });
    }
}
