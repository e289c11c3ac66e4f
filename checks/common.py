"""What every Python check here shares: the workspace root (the first argument, else the folder
above checks/), JSON reading, and a tally of checks that ends the process with its outcome."""

import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)


def read(path):
    """The JSON file at `path`, parsed."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


class Tally:
    """Counts checks; `check(ok, what)` prints `FAIL what` on standard error when `ok` is false,
    `finish()` prints the summary and exits, with status 1 when anything failed."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}", file=sys.stderr)

    def finish(self):
        print(f"{self.name}: {self.passed} passed, {self.failed} failed")
        sys.exit(0 if self.failed == 0 else 1)
