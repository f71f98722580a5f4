"""The server's entry point sets up the garbage collector of its process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from loyalty.api.asgi import GC_YOUNG_THRESHOLD

PROBE = """
import gc, json
default = gc.get_threshold()
from loyalty.api import asgi
app = asgi.create()
print(json.dumps({"frozen": gc.get_freeze_count(), "default": default, "now": gc.get_threshold(),
                  "app": type(app).__name__}))
"""


def test_create_freezes_the_startup_objects_and_collects_the_young_less_often(tmp_path) -> None:
    env = {**os.environ, "LOYALTY_DATABASE_URL": f"sqlite:///{tmp_path / 'entry.db'}"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    seen = json.loads(out.stdout)
    assert seen["app"] == "Starlette"
    assert seen["frozen"] > 50_000  # the modules, tables and routes of startup
    assert seen["now"] == [GC_YOUNG_THRESHOLD, *seen["default"][1:]]
    assert seen["default"][0] < GC_YOUNG_THRESHOLD
