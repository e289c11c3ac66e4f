"""Checks schemas/openapi.json (written by `cargo xtask codegen`) with Python tools.

1. openapi-spec-validator accepts it as an OpenAPI 3.1 document.
2. Every component schema is a valid JSON Schema (draft 2020-12 meta-schema; openapi-spec-validator
   0.7 does not look inside schema objects).
3. The examples of each webhook are exactly the fixtures of that callback: same names (file stems),
   same payloads, summary = heading of the fixture's first source in fixtures/manifest.json.
4. Every example is valid against its webhook's request body schema, resolved inside the document
   (jsonschema with a referencing registry), and payloads with a wrong field type are not.

Usage: python check_openapi.py <workspace root>
"""

import pathlib
import sys

from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from common import Tally, read, root  # noqa: E402  (checks/common.py, beside this folder)

document = read(root / "schemas" / "openapi.json")
manifest = read(root / "fixtures" / "manifest.json")

tally = Tally("openapi")
check = tally.check

# 1. The document itself.
try:
    validate(document)
    check(True, "openapi-spec-validator")
except Exception as error:  # the validator raises its own exception types
    check(False, f"openapi-spec-validator: {error}")
check(document.get("openapi") == "3.1.0", "openapi is 3.1.0")

# 2. Each component schema against the draft 2020-12 meta-schema.
schemas = document["components"]["schemas"]
for name, schema in sorted(schemas.items()):
    errors = [e.message for e in Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(schema)]
    check(not errors, f"components/schemas/{name} is not a valid JSON Schema: {errors}")

# Refs inside the document (`#/components/schemas/X`) resolve against the document itself.
DOCUMENT_URI = "urn:zapi-webhooks:openapi"
registry = Registry().with_resource(DOCUMENT_URI, Resource(contents=document, specification=DRAFT202012))


def validator_for(schema_ref):
    return Draft202012Validator({"$ref": DOCUMENT_URI + schema_ref}, registry=registry)


def errors_of(validator, instance):
    """The validation errors, or the exception a broken schema raises, as a list of messages."""
    try:
        return [e.message for e in validator.iter_errors(instance)]
    except Exception as error:  # a schema that is not valid can make jsonschema raise anything
        return [f"{type(error).__name__}: {error}"]


# 3 and 4. Examples are the fixtures, and valid.
by_type = {}
for entry in manifest["fixtures"]:
    by_type.setdefault(entry["type"], []).append(entry)

webhooks = document["webhooks"]
check(sorted(webhooks) == sorted(by_type), f"one webhook per callback type: {sorted(webhooks)}")
for type_name, entries in sorted(by_type.items()):
    body = webhooks.get(type_name, {}).get("post", {}).get("requestBody", {})
    media = body.get("content", {}).get("application/json", {})
    examples = media.get("examples", {})
    expected = {pathlib.Path(entry["path"]).stem: entry for entry in entries}
    check(sorted(examples) == sorted(expected), f"{type_name}: example names are the fixture stems")
    validator = validator_for(media.get("schema", {}).get("$ref", "#/missing"))
    for stem, entry in sorted(expected.items()):
        example = examples.get(stem, {})
        fixture = read(root / "fixtures" / entry["path"])
        check(example.get("value") == fixture, f"{type_name}/{stem}: value is fixtures/{entry['path']}")
        check(example.get("summary") == entry["sources"][0]["heading"], f"{type_name}/{stem}: summary")
        errors = errors_of(validator, example.get("value"))
        check(not errors, f"{type_name}/{stem}: not valid against its request schema: {errors}")

# The schemas do reject: a wrong field type, in an envelope field and in a nested one.
received = validator_for("#/components/schemas/ReceivedCallback")
check(errors_of(received, {"type": "ReceivedCallback", "fromMe": "yes"}) != [], "fromMe: 'yes' rejected")
check(errors_of(received, {"type": "ReceivedCallback", "text": {"message": 42}}) != [], "text.message: 42 rejected")
check(errors_of(received, {"type": "ReceivedCallback", "somethingNew": {"a": 1}}) == [], "unknown key accepted")
request = validator_for("#/components/schemas/UpdateWebhookRequest")
check(errors_of(request, {"value": "https://example.com/hook"}) == [], "https webhook URL accepted")
check(errors_of(request, {"value": "http://example.com/hook"}) != [], "http webhook URL rejected")

tally.finish()
