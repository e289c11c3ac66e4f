"""A consumer of the TypedDicts, checked by mypy --strict: narrowing `Callback` on `type`,
the kinds as subtypes of `ReceivedCallback`, open enums."""

from typing import List, Optional

from zapi_webhooks.types import (
    Callback,
    MessageStatus,
    ReceivedCallback,
    ReceivedImage,
    ReceivedKind,
    ReceivedText,
)


def text_of(body: Callback) -> Optional[str]:
    if body["type"] == "ReceivedCallback" or body["type"] == "ReceivedCallBack":
        text = body.get("text")
        return text.get("message") if text else None
    return None


def as_received(body: ReceivedText) -> ReceivedCallback:
    return body  # a kind is a ReceivedCallback


def mime_type(body: ReceivedImage) -> Optional[str]:
    return body["image"].get("mimeType")  # the content key is required in its kind


def ids(body: Callback) -> List[str]:
    if body["type"] == "MessageStatusCallback" or body["type"] == "MessageStatusCallBack":
        status: Optional[MessageStatus] = body.get("status")
        return [f"{i}:{status}" for i in body.get("ids") or []]
    return []


new_status: MessageStatus = "SOMETHING_NEW"
kind: ReceivedKind = "text"
