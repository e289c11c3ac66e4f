"""The wheel of zapi-webhooks, installed in a fresh virtualenv, tested as a user would use it.

Run by .ci/packages-test, which sets ZAPI_VERSION, ZAPI_EXAMPLES (the fixture count of the
repository) and ZAPI_DIST (the folder with the wheel and the sdist); a missing one fails.
"""

import copy
import json
import os
import re
import tarfile
import threading
import urllib.error
import urllib.request
import zipfile
from importlib import metadata, resources
from pathlib import Path

import pytest

import zapi_webhooks
from zapi_webhooks import Issue


def env(name):
    value = os.environ.get(name)
    assert value, f"{name} is not set: run these tests through .ci/packages-test"
    return value


MANIFEST = json.loads(resources.files("zapi_webhooks").joinpath("examples", "manifest.json").read_text("utf-8"))
ENTRIES = {entry["name"]: entry for entry in MANIFEST["examples"]}


def received_text():
    for name, payload in zapi_webhooks.examples("received"):
        if ENTRIES[name]["kind"] == "text" and isinstance(payload.get("fromMe"), bool):
            return payload
    raise AssertionError("no received text example with a boolean fromMe")


def test_the_installed_package_is_the_wheel_not_the_repository():
    location = Path(zapi_webhooks.__file__).resolve()
    assert "site-packages" in location.parts, location
    assert zapi_webhooks.__version__ == env("ZAPI_VERSION")
    assert metadata.version("zapi-webhooks") == env("ZAPI_VERSION")
    assert MANIFEST["version"] == env("ZAPI_VERSION")
    requires = metadata.requires("zapi-webhooks") or []
    assert sorted(re.split(r"[<>=!~ ;]", r)[0] for r in requires) == ["jsonschema", "typing-extensions"]


def test_examples_yield_every_fixture_and_capture():
    examples = list(zapi_webhooks.examples())
    assert len(examples) == int(env("ZAPI_EXAMPLES"))
    names = [name for name, _ in examples]
    assert len(set(names)) == len(names)
    assert names == [entry["name"] for entry in MANIFEST["examples"]]
    assert {ENTRIES[name]["origin"] for name in names} == {"docs", "capture"}
    per_callback = sum(len(list(zapi_webhooks.examples(c))) for c in zapi_webhooks.CALLBACKS)
    assert per_callback == len(examples)
    for name, payload in examples:
        assert payload["type"].lower() == ENTRIES[name]["type"].lower(), name


def test_every_example_validates():
    checked = 0
    for name, payload in zapi_webhooks.examples():
        entry = ENTRIES[name]
        for schema_name in ["callback", entry["callback"]]:
            assert zapi_webhooks.validate(payload, name=schema_name) == [], (name, schema_name)
            strict = zapi_webhooks.validate(payload, strict=True, name=schema_name)
            if entry["app_added_keys"]:
                assert strict, f"{name} carries {entry['app_added_keys']} and passes strict"
                assert all(any(k in i.message for k in entry["app_added_keys"]) for i in strict), strict
            else:
                assert strict == [], (name, schema_name, strict)
            checked += 2
    assert checked == 4 * int(env("ZAPI_EXAMPLES"))


@pytest.mark.parametrize("strict", [False, True])
def test_a_retyped_field_gives_an_issue_with_its_pointer(strict):
    payload = received_text()
    issues = zapi_webhooks.validate({**payload, "fromMe": "yes"}, strict=strict)
    assert [issue.pointer for issue in issues] == ["/fromMe"], issues
    assert "'yes' is not of type" in issues[0].message
    nested = copy.deepcopy(payload)
    nested["text"]["message"] = 42
    assert [i.pointer for i in zapi_webhooks.validate(nested, strict=strict)] == ["/text/message"]
    not_an_object = zapi_webhooks.validate([1], strict=strict)
    assert [i.pointer for i in not_an_object] == [""], not_an_object
    assert "is not of type 'object'" in not_an_object[0].message
    assert str(Issue("", "x")) == "(root): x"


def test_pointers_escape_slash_and_tilde():
    payload = {"type": "MessageStatusCallback", "ids": ["a", 1]}
    assert [i.pointer for i in zapi_webhooks.validate(payload)] == ["/ids/1"]
    issues = zapi_webhooks.validate({"type": "ConnectedCallback", "a/b~c": 1}, strict=True)
    assert [i.pointer for i in issues] == [""] and "a/b~c" in issues[0].message


def test_schema_gives_a_fresh_dict_and_refuses_unknown_names():
    first = zapi_webhooks.schema()
    assert first["$id"] == "urn:zapi-webhooks:schema:v1:callback"
    first["$id"] = "changed"
    assert zapi_webhooks.schema()["$id"] == "urn:zapi-webhooks:schema:v1:callback"
    assert zapi_webhooks.schema("received", strict=True)["$id"] == "urn:zapi-webhooks:schema:v1:strict:received"
    for name in zapi_webhooks.SCHEMAS:
        assert zapi_webhooks.schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    with pytest.raises(ValueError, match="no schema named 'nope'"):
        zapi_webhooks.schema("nope")


def test_the_typeddicts_load_and_refuse_nothing_at_run_time():
    from zapi_webhooks import types

    assert "Callback" in types.__all__ and "ReceivedText" in types.__all__
    for name in types.__all__:
        assert hasattr(types, name), name
    # A TypedDict is a plain dict: constructing one checks nothing.
    body = types.ReceivedCallback(type="ReceivedCallback", fromMe="yes")
    assert body == {"type": "ReceivedCallback", "fromMe": "yes"}


def promised(readme, heading):
    at = readme.index(heading)
    block = re.search(r"```text\n(.*?)```", readme[at:], re.S)
    assert block, f"no text block under {heading!r}"
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    return [(line, re.compile("^" + re.sub(r"<[a-z]+>", "[^/]+", re.escape(line).replace(r"\<", "<").replace(r"\>", ">")) + "$")) for line in lines]


def check_against(paths, patterns, where):
    for path in paths:
        matching = [line for line, pattern in patterns if pattern.match(path)]
        assert len(matching) == 1, f"{where}: {path} matches {matching}"
    for line, pattern in patterns:
        assert any(pattern.match(path) for path in paths), f"{where}: the README lists {line}, none found"
    examples = [p for p in paths if "/examples/" in p and not p.endswith("/manifest.json")]
    assert len(examples) == int(env("ZAPI_EXAMPLES")), where


def test_wheel_and_sdist_hold_what_the_readme_lists():
    dist = Path(env("ZAPI_DIST"))
    version = env("ZAPI_VERSION")
    readme = str(metadata.metadata("zapi-webhooks").get_payload())
    patterns = promised(readme, "## What is in it")
    [wheel] = dist.glob(f"zapi_webhooks-{version}-py3-none-any.whl")
    [sdist] = dist.glob(f"zapi_webhooks-{version}.tar.gz")

    names = zipfile.ZipFile(wheel).namelist()
    info = f"zapi_webhooks-{version}.dist-info/"
    package = [n for n in names if not n.startswith(info)]
    check_against(package, patterns, wheel.name)
    assert sorted(n[len(info):] for n in names if n.startswith(info)) == [
        "METADATA", "RECORD", "WHEEL", "licenses/LICENSE-APACHE", "licenses/LICENSE-MIT",
    ]

    root = f"zapi_webhooks-{version}/"
    members = [m.name for m in tarfile.open(sdist).getmembers() if m.isfile()]
    assert all(m.startswith(root) for m in members), members
    top = sorted(m[len(root):] for m in members if "/" not in m[len(root):])
    assert top == ["LICENSE-APACHE", "LICENSE-MIT", "PKG-INFO", "README.md", "pyproject.toml"]
    source = [m[len(root) + len("src/"):] for m in members if m.startswith(root + "src/")]
    assert len(source) + len(top) == len(members), "only src/ besides the top-level files"
    check_against(source, patterns, sdist.name)


@pytest.fixture(scope="module")
def server():
    from werkzeug.serving import make_server

    import handler

    httpd = make_server("127.0.0.1", 0, handler.app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=10)


def post(base, body):
    request = urllib.request.Request(
        f"{base}/zapi", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_the_readme_handler_accepts_every_example_over_http(server):
    for name, payload in zapi_webhooks.examples():
        status, body = post(server, payload)
        assert status == 200, (name, body)
        callback = ENTRIES[name]["callback"]
        expected = {"received": "received", "message_status": "message_status"}.get(callback, payload["type"])
        assert body["handled"] == expected, name


def test_the_readme_handler_refuses_a_retyped_field_with_its_pointer(server):
    status, body = post(server, {**received_text(), "fromMe": "yes"})
    assert status == 400
    assert [issue["pointer"] for issue in body["issues"]] == ["/fromMe"]
    status, body = post(server, {"type": "SomethingNewCallback"})
    assert (status, body) == (200, {"handled": "SomethingNewCallback"})
    status, body = post(server, {"fromMe": True})
    assert (status, body) == (200, {"handled": "unknown"})
