"""The benchmark harness works end to end (a few seconds on SQLite); the figures are not judged here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_smoke(tmp_path: Path, scenario: str, store: str) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        if os.environ.get("CI"):
            pytest.fail("wrk is missing: .ci/run installs it")
        pytest.skip("wrk is not installed (apt-get install wrk); CI installs it")
    out = tmp_path / "report.json"
    # Its own database: a benchmark run by hand on the same server keeps the default one.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "LOYALTY_BENCH_DATABASE": "loyalty_bench_smoke"}
    command = [sys.executable, str(ROOT / "bench/harness.py"), scenario, "--store", store, "--smoke"]
    result = subprocess.run(
        [*command, "--json", str(out)], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report: dict[str, Any] = json.loads(out.read_text())
    return report


@pytest.mark.parametrize("scenario", ["events", "redeem"])
def test_the_benchmark_produces_figures(tmp_path: Path, scenario: str) -> None:
    report = run_smoke(tmp_path, scenario, "sqlite")
    load = report["loads"][0]
    assert load["name"] == scenario
    assert load["requests"] > 0
    assert load["requests_per_s"] > 0
    assert load["non_2xx"] == 0
    assert report["notes"] == []
    assert all(rss > 0 for rss in report["peak_rss_mb"])
    assert load["server_cpu_ms"] > 0  # utime + stime of the server processes ÷ requests
    if scenario == "events":  # and a paced run at about half the saturated rate, for latency
        paced = report["loads"][1]
        assert paced["name"].startswith("paced ~")
        assert paced["requests"] > 0
        assert paced["non_2xx"] == 0
        assert paced["p50_ms"] <= paced["p99_ms"]


@pytest.mark.postgres_only
def test_the_scale_benchmark_compares_an_empty_and_a_filled_store(tmp_path: Path) -> None:
    report = run_smoke(tmp_path, "scale", "postgres")
    assert [load["name"] for load in report["loads"]] == ["events (empty store)", "events (filled store)"]
    assert all(load["requests"] > 0 and load["non_2xx"] == 0 for load in report["loads"])
    assert report["notes"] == ["filled store: 5000 users, 50000 ledger lines, 50000 history entries"]
    assert report["reference_tps"] > 0
    assert 0 < report["reference_p50_ms"] <= report["reference_p99_ms"]  # from pgbench's own log
    assert report["reference_db_cpu_ms"] > 0  # PostgreSQL CPU per reference transaction
    assert all(load["db_cpu_ms"] > 0 for load in report["loads"])
    assert "Index" in report["plans"]["history page (GET /v1/user/{id}/history)"]
    assert "Index" in report["plans"]["user lookup (every request)"]
