"""The deployment files, checked statically (the project machines have no Docker engine)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from loyalty.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def _default_as_documented(value: object) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_every_setting_is_documented_with_its_default() -> None:
    doc = (ROOT / "docs" / "settings.md").read_text()
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `(LOYALTY_\w+)` \| ([^|]+) \|", doc, re.M)}
    expected = {
        f"LOYALTY_{name.upper()}": _default_as_documented(field.default)
        for name, field in Settings.model_fields.items()
    }
    assert {k: rows.get(k, "").strip().strip("`") for k in expected} == expected


def test_dockerfile_runs_loyalty_serve_on_all_interfaces() -> None:
    text = (ROOT / "Dockerfile").read_text()
    [cmd] = [line for line in text.splitlines() if line.startswith("CMD ")]
    assert yaml.safe_load(cmd.removeprefix("CMD ")) == [
        "loyalty",
        "serve",
        "--host",
        "0.0.0.0",
        "--port",
        "8000",
    ]
    assert re.search(r"^FROM python:3\.1[1-9]", text, re.M)
    assert "EXPOSE 8000" in text
    assert re.search(r"^USER (?!root)\w+", text, re.M)
    for copied in re.findall(r"^COPY (.+) \S+$", text, re.M):
        for path in shlex.split(copied):
            assert (ROOT / path).exists(), path


def test_compose_runs_postgres_two_servers_a_worker_and_a_proxy() -> None:
    services = _compose()["services"]
    assert set(services) == {"postgres", "migrate", "server-1", "server-2", "worker", "proxy"}
    assert services["postgres"]["image"].startswith("postgres:")
    assert services["migrate"]["command"] == ["loyalty", "migrate"]
    assert services["worker"]["command"] == ["loyalty", "worker"]
    for name in ("server-1", "server-2"):
        assert services[name]["command"][:2] == ["loyalty", "serve"]
        assert services[name]["expose"] == ["8000"]
    assert services["proxy"]["ports"] == ["8080:80"]


def test_compose_points_every_loyalty_process_at_postgres_with_delivery_in_the_worker() -> None:
    services = _compose()["services"]
    for name in ("migrate", "server-1", "server-2", "worker"):
        env = services[name]["environment"]
        assert env["LOYALTY_DATABASE_URL"].startswith("postgresql://loyalty:"), name
        assert env["LOYALTY_DATABASE_URL"].endswith("@postgres:5432/loyalty"), name
        assert env["LOYALTY_MIGRATE_ON_START"] == "false", name
        assert env["LOYALTY_DELIVERY_IN_PROCESS"] == "false", name
        assert set(env) <= {f"LOYALTY_{n.upper()}" for n in Settings.model_fields}, name
    assert "LOYALTY_BOOTSTRAP_TENANT" in services["server-1"]["environment"]
    assert "LOYALTY_BOOTSTRAP_TENANT" not in services["server-2"]["environment"]


def test_compose_starts_servers_after_migrations() -> None:
    services = _compose()["services"]
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert services["server-1"]["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}
    assert services["worker"]["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}


def test_proxy_balances_over_both_servers_and_hides_metrics() -> None:
    services = _compose()["services"]
    [mount] = services["proxy"]["volumes"]
    source = mount.split(":")[0]
    caddyfile = (ROOT / source).read_text()
    assert re.search(r"reverse_proxy server-1:8000 server-2:8000", caddyfile)
    assert "health_uri /readyz" in caddyfile
    assert re.search(r"@internal path /metrics\s+respond @internal 404", caddyfile)
