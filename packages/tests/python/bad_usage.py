"""Wrong uses of the TypedDicts: mypy --strict must report an error on each line that says so."""

from zapi_webhooks.types import ConnectedCallback, ReceivedCallback, ReceivedKind

wrong_field: ReceivedCallback = {"type": "ReceivedCallback", "fromMe": "yes"}  # error: fromMe
wrong_type: ConnectedCallback = {"type": "ReceivedCallback"}  # error: type
no_type: ConnectedCallback = {"connected": True}  # error: missing type
kind: ReceivedKind = "not_a_kind"  # error: kind
