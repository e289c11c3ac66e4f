# Generated from the zapi-webhooks models by `cargo xtask codegen`; do not edit by hand.
"""The version of the package and the names of its callbacks."""

from typing import Tuple

__version__ = "0.2.0"

CALLBACKS: Tuple[str, ...] = ("received", "delivery", "message_status", "presence_chat", "connected", "disconnected")
"""The callback names: each has a schema of its own, and its examples are `<name>/...`."""
