//! The top-level README's tables stay in step with the models.

use zapi_webhooks::{CallbackType, Kind};

#[test]
fn readme_lists_every_kind_and_callback() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("read README.md");
    for kind in Kind::ALL {
        let row = format!("| `{}` |", kind.as_str());
        assert!(
            readme.contains(&row),
            "README.md has no row for kind {kind}"
        );
        if let Some(key) = kind.content_key() {
            assert!(
                readme.contains(&format!("`{key}`")),
                "README.md misses key {key}"
            );
        }
    }
    for callback in CallbackType::ALL {
        assert!(
            readme.contains(&format!("| `{}`", callback.type_value())),
            "README.md has no row for {callback}"
        );
    }
    assert!(
        readme.contains("cargo test --workspace"),
        "README.md gives the test command"
    );
}
