"""Validates the fixtures against schemas/ with Python's jsonschema (Draft202012Validator),
unchanged, and checks that it rejects every payload the crate rejects (tests/data/invalid).

Usage: python validate.py <workspace root>
"""

import pathlib
import sys

from jsonschema import Draft202012Validator

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from common import Tally, read, root  # noqa: E402  (checks/common.py, beside this folder)

callbacks = ["received", "delivery", "message_status", "presence_chat", "connected", "disconnected"]

validators = {}
for flavor in ["", "strict/"]:
    for name in ["callback", *callbacks]:
        schema = read(root / "schemas" / f"{flavor}{name}.schema.json")
        Draft202012Validator.check_schema(schema)
        validators[f"{flavor}{name}"] = Draft202012Validator(schema)

tally = Tally("python-jsonschema")
check = tally.check

for callback in callbacks:
    for path in sorted((root / "fixtures" / callback).glob("*.json")):
        payload = read(path)
        for flavor in ["", "strict/"]:
            for name in ["callback", callback]:
                errors = [e.message for e in validators[f"{flavor}{name}"].iter_errors(payload)]
                check(not errors, f"{callback}/{path.name} against {flavor}{name}: {errors}")

for path in sorted((root / "crates/zapi-webhooks/tests/data/invalid").glob("*.json")):
    check(not validators["callback"].is_valid(read(path)), f"{path.name} should be rejected")

tally.finish()
