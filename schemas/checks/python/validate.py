"""Validates the fixtures against schemas/ with Python's jsonschema (Draft202012Validator),
unchanged, and checks that it rejects every payload the crate rejects (tests/data/invalid).

Usage: python validate.py <workspace root>
"""

import json
import pathlib
import sys

from jsonschema import Draft202012Validator

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../../..")
callbacks = ["received", "delivery", "message_status", "presence_chat", "connected", "disconnected"]


def read(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


validators = {}
for flavor in ["", "strict/"]:
    for name in ["callback", *callbacks]:
        schema = read(root / "schemas" / f"{flavor}{name}.schema.json")
        Draft202012Validator.check_schema(schema)
        validators[f"{flavor}{name}"] = Draft202012Validator(schema)

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}", file=sys.stderr)


for callback in callbacks:
    for path in sorted((root / "fixtures" / callback).glob("*.json")):
        payload = read(path)
        for flavor in ["", "strict/"]:
            for name in ["callback", callback]:
                errors = [e.message for e in validators[f"{flavor}{name}"].iter_errors(payload)]
                check(not errors, f"{callback}/{path.name} against {flavor}{name}: {errors}")

for path in sorted((root / "crates/zapi-webhooks/tests/data/invalid").glob("*.json")):
    check(not validators["callback"].is_valid(read(path)), f"{path.name} should be rejected")

print(f"python-jsonschema: {passed} passed, {failed} failed")
sys.exit(0 if failed == 0 else 1)
