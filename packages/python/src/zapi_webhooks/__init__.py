# Generated from the zapi-webhooks models by `cargo xtask codegen`; do not edit by hand.
"""The webhooks of Z-API (WhatsApp): JSON Schemas, a validator and examples.

- `schema(name, strict)`: a JSON Schema as a `dict` (draft 2020-12).
- `validate(payload, strict)`: the problems of a payload under a schema, each with the JSON
  pointer of the value and a message; an empty list means valid.
- `examples()`: every bundled example, `(name, payload)`.
- `zapi_webhooks.types`: `TypedDict`s of the payloads (they check nothing at run time).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Dict, Iterator, List, Optional, Tuple

from jsonschema import Draft202012Validator

__version__ = "0.2.0"

__all__ = ["CALLBACKS", "SCHEMAS", "Issue", "__version__", "examples", "schema", "validate"]

CALLBACKS: Tuple[str, ...] = ("received", "delivery", "message_status", "presence_chat", "connected", "disconnected")
"""The callback names: each has a schema of its own, and its examples are `<name>/...`."""

SCHEMAS: Tuple[str, ...] = ("callback",) + CALLBACKS
"""The schema names: `callback` (any callback, dispatched on `type`) and one per callback."""


@dataclass(frozen=True)
class Issue:
    """One problem of a payload: where (a JSON pointer, `""` for the whole payload) and what."""

    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '(root)'}: {self.message}"


def _text(*parts: str) -> str:
    node = resources.files(__name__)
    for part in parts:
        node = node.joinpath(part)
    return node.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _schema_text(name: str, strict: bool) -> str:
    if name not in SCHEMAS:
        raise ValueError(f"no schema named {name!r}; expected one of {', '.join(SCHEMAS)}")
    folder = ("schemas", "strict") if strict else ("schemas",)
    return _text(*folder, f"{name}.schema.json")


def schema(name: str = "callback", strict: bool = False) -> Dict[str, Any]:
    """The JSON Schema `name` (`"callback"` or a name of `CALLBACKS`), a fresh `dict` each call.

    The permissive flavour allows keys nobody modeled; `strict=True` refuses them (a drift
    detector). Raises `ValueError` for an unknown name.
    """
    value: Dict[str, Any] = json.loads(_schema_text(name, strict))
    return value


@lru_cache(maxsize=None)
def _validator(name: str, strict: bool) -> Draft202012Validator:
    return Draft202012Validator(schema(name, strict))


def _pointer(path: Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def validate(payload: object, strict: bool = False, *, name: str = "callback") -> List[Issue]:
    """The problems of `payload` (a value from `json.loads`) under the schema `name`.

    An empty list means the payload is valid. Each `Issue` names the JSON pointer of the value
    at fault, e.g. `/fromMe` for `{"fromMe": "yes"}`; the same issue is listed once, and the
    list is sorted by pointer. Nothing is raised for a bad payload.
    """
    errors = _validator(name, strict).iter_errors(payload)
    issues = {Issue(_pointer(error.absolute_path), error.message) for error in errors}
    return sorted(issues, key=lambda issue: (issue.pointer, issue.message))


def examples(callback: Optional[str] = None) -> Iterator[Tuple[str, Dict[str, Any]]]:
    """Every bundled example as `(name, payload)`, e.g. `("received/text__basic", {...})`:
    the examples of the Z-API docs and real deliveries (pseudonymized, `..__captured_..`).
    With `callback`, only that callback's.
    """
    manifest = json.loads(_text("examples", "manifest.json"))
    for entry in manifest["examples"]:
        if callback is None or entry["callback"] == callback:
            payload: Dict[str, Any] = json.loads(_text("examples", *entry["path"].split("/")))
            yield entry["name"], payload
