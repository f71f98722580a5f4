"""Configuration as code: ``loyalty config export`` / ``apply`` and the use case behind them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import msgspec
import pytest
import yaml

from loyalty.app.kernel.principal import ADMIN, Principal
from loyalty.app.tenancy.config_as_code import ConfigDocumentInvalid, apply_document, export_tenant
from loyalty.app.tenancy.config_kinds import KINDS, ConfigKind, register
from loyalty.core.errors import invalid
from tests.support import TenantHandle

SRC = str(Path(__file__).resolve().parents[2] / "src")


class Hook(msgspec.Struct, forbid_unknown_fields=True):
    hookId: str
    url: str
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"
    signingSecret: str | None = None


def check_hook(value: Hook) -> None:
    if not value.url.startswith("https://"):
        raise invalid("url", "'url' must be an https URL")


@pytest.fixture
def hooks() -> Iterator[ConfigKind]:
    kind = register(ConfigKind(name="hooks", schema=Hook, id_field="hookId", check=check_hook))
    yield kind
    KINDS.pop("hooks", None)


def admin_of(app: Any, tenant: TenantHandle) -> tuple[Any, Principal]:
    principal = Principal(
        tenant_id=tenant.tenant_id, tenant=tenant.name, subject="cli", scopes=frozenset({ADMIN})
    )
    return app.state.services, principal


def loyalty(*args: str, database_url: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC, "LOYALTY_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "loyalty", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def test_export_then_apply_copies_the_programme_to_another_tenant(
    app: Any, tenant: TenantHandle, other_tenant: TenantHandle, hooks: ConfigKind
) -> None:
    await tenant.put("settings", "tenant", {"timeZone": "Europe/Berlin", "couponCodePattern": "GO-#####"})
    await tenant.put("hooks", "crm", {"url": "https://crm.example/hook", "signingSecret": "s3cr3t"})
    await tenant.put("hooks", "erp", {"url": "https://erp.example/hook", "status": "INACTIVE"})
    document = await export_tenant(*admin_of(app, tenant))
    assert document["items"] == {
        "hooks": {
            "crm": {"hookId": "crm", "url": "https://crm.example/hook", "status": "ACTIVE"},
            "erp": {"hookId": "erp", "url": "https://erp.example/hook", "status": "INACTIVE"},
        }
    }
    assert "jwtSecret" not in document["settings"]
    assert document["settings"]["timeZone"] == "Europe/Berlin"

    text = yaml.safe_dump(document)
    changes = await apply_document(*admin_of(app, other_tenant), yaml.safe_load(text))
    assert [c.line() for c in changes] == ["update settings/tenant", "create hooks/crm", "create hooks/erp"]
    copied = await export_tenant(*admin_of(app, other_tenant))
    assert copied["items"] == document["items"]
    assert copied["settings"] == document["settings"]
    again = await apply_document(*admin_of(app, other_tenant), yaml.safe_load(text))
    assert again == []


async def test_secrets_are_not_exported_and_kept_when_applied_back(
    app: Any, tenant: TenantHandle, hooks: ConfigKind
) -> None:
    await tenant.put("hooks", "crm", {"url": "https://crm.example/hook", "signingSecret": "s3cr3t"})
    document = await export_tenant(*admin_of(app, tenant))
    assert "s3cr3t" not in yaml.safe_dump(document)
    document["items"]["hooks"]["crm"]["url"] = "https://crm.example/v2"
    changes = await apply_document(*admin_of(app, tenant), document)
    assert [c.line() for c in changes] == ["update hooks/crm"]
    stored = (await tenant.client.get("/v1/admin/hooks/crm", headers=tenant.admin)).json()
    assert (stored["url"], stored["signingSecret"]) == ("https://crm.example/v2", "s3cr3t")


async def test_an_invalid_item_writes_nothing_and_names_kind_id_and_field(
    app: Any, tenant: TenantHandle, hooks: ConfigKind
) -> None:
    document = {
        "settings": {"timeZone": "Europe/Paris"},
        "items": {
            "hooks": {
                "good": {"url": "https://ok.example"},
                "bad": {"url": "http://plain.example"},
            }
        },
    }
    with pytest.raises(ConfigDocumentInvalid) as caught:
        await apply_document(*admin_of(app, tenant), document)
    assert [p.line() for p in caught.value.problems] == ["hooks/bad field 'url': 'url' must be an https URL"]
    assert (await tenant.client.get("/v1/admin/hooks/good", headers=tenant.admin)).status_code == 404
    settings = (await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)).json()
    assert settings["timeZone"] == "UTC"


async def test_unknown_kind_is_refused_before_writing(app: Any, tenant: TenantHandle) -> None:
    with pytest.raises(ConfigDocumentInvalid) as caught:
        await apply_document(*admin_of(app, tenant), {"items": {"gizmos": {"a": {}}}})
    assert caught.value.problems[0].kind == "gizmos"
    assert caught.value.problems[0].message.startswith("unknown kind")


async def test_prune_deletes_items_missing_from_the_document(
    app: Any, tenant: TenantHandle, hooks: ConfigKind
) -> None:
    await tenant.put("hooks", "old", {"url": "https://old.example"})
    document = {"items": {"hooks": {"new": {"url": "https://new.example"}}}}
    dry = await apply_document(*admin_of(app, tenant), document, prune=True, dry_run=True)
    assert [c.line() for c in dry] == ["create hooks/new", "delete hooks/old"]
    assert (await tenant.client.get("/v1/admin/hooks/old", headers=tenant.admin)).status_code == 200
    await apply_document(*admin_of(app, tenant), document, prune=True)
    assert (await tenant.client.get("/v1/admin/hooks/old", headers=tenant.admin)).status_code == 404
    assert (await tenant.client.get("/v1/admin/hooks/new", headers=tenant.admin)).status_code == 200


async def test_cli_export_prints_yaml_of_the_settings(database_url: str, tenant: TenantHandle) -> None:
    await tenant.put("settings", "tenant", {"timeZone": "Asia/Tokyo"})
    result = loyalty("config", "export", "--tenant", tenant.name, database_url=database_url)
    assert result.returncode == 0, result.stderr
    document = yaml.safe_load(result.stdout)
    assert (document["format"], document["tenant"]) == (1, tenant.name)
    assert document["settings"]["timeZone"] == "Asia/Tokyo"


async def test_cli_apply_dry_run_prints_changes_and_writes_nothing(
    database_url: str, tenant: TenantHandle, tmp_path: Path
) -> None:
    path = tmp_path / "tenant.yaml"
    path.write_text("settings:\n  timeZone: America/New_York\n")
    result = loyalty(
        "config", "apply", str(path), "--tenant", tenant.name, "--dry-run", database_url=database_url
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "update settings/tenant",
        '  settings/tenant: timeZone "UTC" → "America/New_York"',
        "dry run: 1 change(s), nothing written",
    ]
    settings = (await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)).json()
    assert settings["timeZone"] == "UTC"


async def test_cli_apply_writes_and_audits(database_url: str, tenant: TenantHandle, tmp_path: Path) -> None:
    path = tmp_path / "tenant.yaml"
    path.write_text("settings:\n  timeZone: America/New_York\n")
    result = loyalty("config", "apply", str(path), "--tenant", tenant.name, database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "update settings/tenant",
        '  settings/tenant: timeZone "UTC" → "America/New_York"',
        "applied 1 change(s)",
    ]
    settings = (await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)).json()
    assert settings["timeZone"] == "America/New_York"
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()[0]
    assert (audit["action"], audit["actor"]) == ("settings.update", "user:cli")


async def test_cli_apply_of_an_invalid_file_exits_1_naming_the_field(
    database_url: str, tenant: TenantHandle, tmp_path: Path
) -> None:
    path = tmp_path / "tenant.yaml"
    path.write_text("settings:\n  timeZone: Mars/Olympus\n")
    result = loyalty("config", "apply", str(path), "--tenant", tenant.name, database_url=database_url)
    assert result.returncode == 1
    assert "nothing was written" in result.stderr
    assert (
        "settings/tenant field 'timeZone': 'timeZone': unknown IANA time zone 'Mars/Olympus'" in result.stderr
    )


PURCHASE = {
    "eventId": "purchase_completed",
    "title": "Purchase completed",
    "status": "ACTIVE",
    "type": "TRANSACTION",
    "rewardValueField": "amount",
    "reward": {"default": 2},
    "limit": 10,
}


async def test_apply_names_each_changed_field_with_its_old_and_new_value(
    app: Any, tenant: TenantHandle
) -> None:
    assert (await tenant.put("events", "purchase_completed", PURCHASE)).status_code == 200
    document = await export_tenant(*admin_of(app, tenant))
    document["items"]["events"]["purchase_completed"]["reward"] = {"default": 10}
    document["items"]["events"]["purchase_completed"]["title"] = "Purchase"
    dry = await apply_document(*admin_of(app, tenant), document, dry_run=True)
    assert [c.line() for c in dry] == ["update events/purchase_completed"]
    assert dry[0].details() == [
        'events/purchase_completed: title "Purchase completed" → "Purchase"',
        "events/purchase_completed: reward.default 2 → 10",
    ]
    stored = (await tenant.client.get("/v1/admin/events/purchase_completed", headers=tenant.admin)).json()
    assert stored["reward"] == {"default": 2}  # the dry run wrote nothing
    applied = await apply_document(*admin_of(app, tenant), document)
    assert applied[0].details() == dry[0].details()
    stored = (await tenant.client.get("/v1/admin/events/purchase_completed", headers=tenant.admin)).json()
    assert stored["reward"] == {"default": 10}


async def test_a_field_left_out_that_would_reset_is_refused_unless_allowed(
    app: Any, tenant: TenantHandle
) -> None:
    assert (await tenant.put("events", "purchase_completed", PURCHASE)).status_code == 200
    await tenant.put("settings", "tenant", {"timeZone": "Europe/Berlin"})
    document = await export_tenant(*admin_of(app, tenant))
    del document["items"]["events"]["purchase_completed"]["limit"]
    del document["settings"]["timeZone"]
    with pytest.raises(ConfigDocumentInvalid) as caught:
        await apply_document(*admin_of(app, tenant), document, dry_run=True)
    assert [p.line() for p in caught.value.problems] == [
        "settings/tenant field 'timeZone': the file leaves out 'timeZone', which would reset it from "
        '"Europe/Berlin" to "UTC"; add it to the file, or pass --allow-reset',
        "events/purchase_completed field 'limit': the file leaves out 'limit', "
        "which would reset it from 10 to (none); add it to the file, or pass --allow-reset",
    ]
    changes = await apply_document(*admin_of(app, tenant), document, allow_reset=True)
    assert [c.line() for c in changes] == ["update settings/tenant", "update events/purchase_completed"]
    stored = (await tenant.client.get("/v1/admin/events/purchase_completed", headers=tenant.admin)).json()
    assert stored.get("limit") is None


async def test_cli_apply_prints_field_changes_and_refuses_a_reset(
    database_url: str, tenant: TenantHandle
) -> None:
    assert (await tenant.put("events", "purchase_completed", PURCHASE)).status_code == 200
    document = yaml.safe_load(
        loyalty("config", "export", "--tenant", tenant.name, database_url=database_url).stdout
    )
    document["items"]["events"]["purchase_completed"]["reward"] = {"default": 10}
    text = yaml.safe_dump(document)
    dry = loyalty(
        "config", "apply", "-", "--tenant", tenant.name, "--dry-run", database_url=database_url, stdin=text
    )
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        "update events/purchase_completed",
        "  events/purchase_completed: reward.default 2 → 10",
        "dry run: 1 change(s), nothing written",
    ]
    del document["items"]["events"]["purchase_completed"]["reward"]
    refused = loyalty(
        "config",
        "apply",
        "-",
        "--tenant",
        tenant.name,
        database_url=database_url,
        stdin=yaml.safe_dump(document),
    )
    assert refused.returncode == 1
    assert "events/purchase_completed field 'reward': the file leaves out 'reward'" in refused.stderr
    assert "nothing was written" in refused.stderr
    stored = (await tenant.client.get("/v1/admin/events/purchase_completed", headers=tenant.admin)).json()
    assert stored["reward"] == {"default": 2}
