"""The benchmark harness works end to end (a few seconds on SQLite); the figures are not judged here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scenario", ["events", "redeem"])
def test_the_benchmark_produces_figures(tmp_path: Path, scenario: str) -> None:
    if shutil.which("wrk") is None:
        if os.environ.get("CI"):
            pytest.fail("wrk is missing: .ci/run installs it")
        pytest.skip("wrk is not installed (apt-get install wrk); CI installs it")
    out = tmp_path / "report.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench/harness.py"),
            scenario,
            "--store",
            "sqlite",
            "--smoke",
            "--json",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(out.read_text())
    load = report["loads"][0]
    assert load["name"] == scenario
    assert load["requests"] > 0
    assert load["requests_per_s"] > 0
    assert load["non_2xx"] == 0
    assert report["notes"] == []
    assert all(rss > 0 for rss in report["peak_rss_mb"])
