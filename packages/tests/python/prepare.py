"""Writes handler.py from the first ```python block of the installed package's README (its
long description in the wheel's metadata, as PyPI shows it), so that mypy checks and the tests
run exactly what the README shows."""

import pathlib
import re
import sys
from importlib import metadata

readme = metadata.metadata("zapi-webhooks").get_payload()
block = re.search(r"```python\n(.*?)```", str(readme), re.S)
if block is None:
    print("FAIL the package README has no ```python block", file=sys.stderr)
    sys.exit(1)
pathlib.Path("handler.py").write_text("# From the package README.\n" + block.group(1), encoding="utf-8")
print(f"handler.py: {block.group(1).count(chr(10))} lines from the README")
