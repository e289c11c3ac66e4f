"""A forward target for crash-test.sh: verifies each request's Standard Webhooks signature
(HMAC-SHA256 over "{id}.{timestamp}.{body}" with the whsec_ secret), answers 503 to the first
attempt of one delivery in five and 200 otherwise, and appends one JSON line per request to a
file: id, attempt, status, whether the signature verified, the body's SHA-256.

usage: python3 sink.py PORT SECRET LOG_FILE
"""

import base64
import hashlib
import hmac
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, secret, log_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
key = base64.b64decode(secret.removeprefix("whsec_"))
lock = threading.Lock()
log = open(log_path, "a", buffering=1)


def verified(headers, body):
    msg_id = headers.get("webhook-id", "")
    timestamp = headers.get("webhook-timestamp", "")
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    given = [s.split(",", 1)[1] for s in headers.get("webhook-signature", "").split() if "," in s]
    return any(hmac.compare_digest(expected, g) for g in given)


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        msg_id = self.headers.get("webhook-id", "")
        attempt = int(self.headers.get("zapi-attempt", "0"))
        ok = verified(self.headers, body)
        flaky = sum(msg_id.encode()) % 5 == 0
        status = 400 if not ok else (503 if flaky and attempt == 1 else 200)
        with lock:
            log.write(json.dumps({"id": msg_id, "attempt": attempt, "status": status,
                                  "verified": ok, "sha256": hashlib.sha256(body).hexdigest()}) + "\n")
        self.send_response(status)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
