//! `kinds`: every callback and content kind the models know.

use std::fmt::Write;

use serde_json::{Value, json};
use zapi_webhooks::{CallbackType, Kind};

/// One row of the listing: a kind, with the callback it belongs to and what marks it.
struct Row {
    callback: Option<CallbackType>,
    kind: &'static str,
    /// What in the payload gives this kind.
    marker: String,
}

/// Every kind a payload can get, callback by callback, in the library's order.
fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for &callback in CallbackType::ALL {
        if callback == CallbackType::Received {
            for &kind in Kind::ALL {
                let marker = match (kind, kind.content_key()) {
                    (_, Some(key)) => format!("content key `{key}`"),
                    (Kind::WaitingMessage, None) => {
                        "no content key, `waitingMessage: true`".to_owned()
                    }
                    _ => "no known content key".to_owned(),
                };
                rows.push(Row {
                    callback: Some(callback),
                    kind: kind.as_str(),
                    marker,
                });
            }
        } else {
            rows.push(Row {
                callback: Some(callback),
                kind: callback.as_str(),
                marker: format!("`type`: `{}`", callback.type_value()),
            });
        }
    }
    rows.push(Row {
        callback: None,
        kind: "unknown",
        marker: "any other `type`, or none".to_owned(),
    });
    rows
}

/// The listing as a text table.
pub fn table() -> String {
    let rows = rows();
    let callback_names: Vec<&str> = rows
        .iter()
        .map(|row| row.callback.map_or("(unknown)", CallbackType::as_str))
        .collect();
    let callback_width = callback_names
        .iter()
        .map(|name| name.len())
        .max()
        .unwrap_or(0)
        .max("CALLBACK".len());
    let kind_width = rows
        .iter()
        .map(|row| row.kind.len())
        .max()
        .unwrap_or(0)
        .max("KIND".len());
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{:callback_width$}  {:kind_width$}  GIVEN BY",
        "CALLBACK", "KIND"
    );
    for (row, callback) in rows.iter().zip(&callback_names) {
        let _ = writeln!(
            text,
            "{callback:callback_width$}  {:kind_width$}  {}",
            row.kind, row.marker
        );
    }
    let _ = writeln!(
        text,
        "\n{} callbacks, {} kinds of received callback. `type` is also accepted spelled \
         `...CallBack`.",
        CallbackType::ALL.len(),
        Kind::ALL.len()
    );
    text
}

/// The listing as one JSON document: `callbacks` (each with its name, `type` spellings and
/// kinds) and `unknown_callback_kind`.
pub fn json() -> Value {
    let callbacks: Vec<Value> = CallbackType::ALL
        .iter()
        .map(|&callback| {
            let kinds: Vec<Value> = if callback == CallbackType::Received {
                Kind::ALL
                    .iter()
                    .map(|kind| json!({ "kind": kind.as_str(), "content_key": kind.content_key() }))
                    .collect()
            } else {
                vec![json!({ "kind": callback.as_str(), "content_key": null })]
            };
            json!({
                "callback": callback.as_str(),
                "type": callback.type_value(),
                "spellings": callback.spellings(),
                "kinds": kinds,
            })
        })
        .collect();
    json!({
        "callbacks": callbacks,
        "unknown_callback_kind": "unknown",
    })
}

/// Every kind name a payload can get (`text`, ..., `message_status`, ..., `unknown`), each
/// once, in the listing's order.
pub fn names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for row in rows() {
        if !names.contains(&row.kind) {
            names.push(row.kind);
        }
    }
    names
}
