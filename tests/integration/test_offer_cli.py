"""``loyalty offers import-codes`` and ``loyalty offers codes``, run as an operator would."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_cli import loyalty
from tests.support import TenantHandle


async def test_import_codes_from_a_csv_file(database_url: str, tenant: TenantHandle, tmp_path: Path) -> None:
    r = await tenant.put("offers", "voucher", {"title": "Voucher", "couponTemplate": {"codePool": True}})
    assert r.status_code == 200, r.text
    csv = tmp_path / "codes.csv"
    csv.write_text("code,value\nSHOP-1,10\nSHOP-2,10\nSHOP-2,10\n")
    done = loyalty(
        "offers", "import-codes", "voucher", str(csv), "--tenant", tenant.name, database_url=database_url
    )
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.strip() == "imported 2 code(s) into offer 'voucher' (0 already known); 2 of 2 available"
    )
    again = loyalty(
        "offers", "import-codes", "voucher", str(csv), "--tenant", tenant.name, database_url=database_url
    )
    assert (
        again.stdout.strip() == "imported 0 code(s) into offer 'voucher' (2 already known); 2 of 2 available"
    )
    r = await tenant.client.get("/v1/admin/offers/voucher/codes", headers=tenant.admin)
    assert r.json() == {"offerId": "voucher", "total": 2, "available": 2, "claimed": 0}
    count = loyalty("offers", "codes", "voucher", "--tenant", tenant.name, database_url=database_url)
    assert count.stdout.strip() == "offer 'voucher': 2 of 2 code(s) available"


async def test_import_errors_name_the_problem_and_write_nothing(
    database_url: str, tenant: TenantHandle, tmp_path: Path
) -> None:
    r = await tenant.put("offers", "voucher", {"title": "Voucher", "couponTemplate": {"codePool": True}})
    assert r.status_code == 200
    bad = tmp_path / "bad.csv"
    bad.write_text("OK-1\nnot ok\n")
    done = loyalty(
        "offers", "import-codes", "voucher", str(bad), "--tenant", tenant.name, database_url=database_url
    )
    assert done.returncode == 1
    assert "line 2" in done.stderr
    r = await tenant.client.get("/v1/admin/offers/voucher/codes", headers=tenant.admin)
    assert r.json()["total"] == 0
