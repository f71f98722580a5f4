"""``loyalty staff``: create (one-time password), list and disable dashboard accounts."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.integration.test_cli import loyalty


def test_staff_create_list_and_disable(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'staff.db'}"
    assert loyalty("tenant", "create", "acme", database_url=db).returncode == 0

    created = loyalty("staff", "create", "acme", "Alice@Example.com", "--role", "support", database_url=db)
    assert created.returncode == 0, created.stderr
    out = json.loads(created.stdout)
    assert out["email"] == "alice@example.com"
    assert out["role"] == "support"
    assert len(out["oneTimePassword"]) >= 16

    # Only an argon2id hash is stored, never the password.
    with sqlite3.connect(tmp_path / "staff.db") as conn:
        stored, must_change = conn.execute(
            "SELECT password_hash, must_change_password FROM staff_accounts"
        ).fetchone()
    assert stored.startswith("$argon2id$")
    assert out["oneTimePassword"] not in stored
    assert must_change == 1

    again = loyalty("staff", "create", "acme", "alice@example.com", "--role", "admin", database_url=db)
    assert again.returncode == 1
    assert "staff member 'alice@example.com' already exists" in again.stderr
    bad_role = loyalty("staff", "create", "acme", "bob@example.com", "--role", "owner", database_url=db)
    assert bad_role.returncode == 1
    assert "'role' must be one of admin, support, viewer" in bad_role.stderr

    assert (
        loyalty("staff", "create", "acme", "bob@example.com", "--role", "viewer", database_url=db).returncode
        == 0
    )
    listed = loyalty("staff", "list", "acme", database_url=db)
    assert listed.stdout.splitlines() == [
        "alice@example.com\tsupport\tactive\tpassword",
        "bob@example.com\tviewer\tactive\tpassword",
    ]

    disabled = loyalty("staff", "disable", "acme", "bob@example.com", database_url=db)
    assert disabled.returncode == 0, disabled.stderr
    assert disabled.stdout.strip() == "disabled bob@example.com"
    assert (
        "bob@example.com\tviewer\tdisabled\tpassword"
        in loyalty("staff", "list", "acme", database_url=db).stdout
    )
    missing = loyalty("staff", "disable", "acme", "carol@example.com", database_url=db)
    assert missing.returncode == 1
    assert "carol@example.com" in missing.stderr

    with sqlite3.connect(tmp_path / "staff.db") as conn:
        actions = conn.execute("SELECT actor, action, target FROM audit_log ORDER BY id").fetchall()
    assert actions == [
        ("cli", "staff.create", "staff/alice@example.com"),
        ("cli", "staff.create", "staff/bob@example.com"),
        ("cli", "staff.disable", "staff/bob@example.com"),
    ]


def test_staff_role_changes_a_role_and_keeps_the_last_admin(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'roles.db'}"
    assert loyalty("tenant", "create", "acme", database_url=db).returncode == 0
    for email, role in (("ada@example.com", "admin"), ("bo@example.com", "viewer")):
        assert loyalty("staff", "create", "acme", email, "--role", role, database_url=db).returncode == 0

    promoted = loyalty("staff", "role", "acme", "Bo@Example.com", "support", database_url=db)
    assert promoted.returncode == 0, promoted.stderr
    assert promoted.stdout.strip() == "bo@example.com is now support"

    last = loyalty("staff", "role", "acme", "ada@example.com", "viewer", database_url=db)
    assert last.returncode == 1
    assert (
        "cannot demote ada@example.com: the tenant's last active admin; make another person admin first"
        in last.stderr
    )
    bad = loyalty("staff", "role", "acme", "bo@example.com", "owner", database_url=db)
    assert bad.returncode == 1
    assert "'role' must be one of admin, support, viewer" in bad.stderr
    missing = loyalty("staff", "role", "acme", "cy@example.com", "viewer", database_url=db)
    assert missing.returncode == 1
    assert "staff member 'cy@example.com' does not exist" in missing.stderr

    assert loyalty("staff", "role", "acme", "bo@example.com", "admin", database_url=db).returncode == 0
    assert loyalty("staff", "role", "acme", "ada@example.com", "viewer", database_url=db).returncode == 0
    assert loyalty("staff", "list", "acme", database_url=db).stdout.splitlines() == [
        "ada@example.com\tviewer\tactive\tpassword",
        "bo@example.com\tadmin\tactive\tpassword",
    ]
    with sqlite3.connect(tmp_path / "roles.db") as conn:
        changes = conn.execute(
            "SELECT actor, target, before, after FROM audit_log WHERE action = 'staff.role' ORDER BY id"
        ).fetchall()
    assert [(a, t, json.loads(b)["role"], json.loads(f)["role"]) for a, t, b, f in changes] == [
        ("cli", "staff/bo@example.com", "viewer", "support"),
        ("cli", "staff/bo@example.com", "support", "admin"),
        ("cli", "staff/ada@example.com", "admin", "viewer"),
    ]
