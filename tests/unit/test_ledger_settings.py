"""Which minimum a debit keeps: the metric's configured ``minimumValue``, else 0."""

from __future__ import annotations

from types import SimpleNamespace

from loyalty.app.ledger.ledger import metric_minimum
from loyalty.app.tenancy.tenant_settings import TenantSettings
from loyalty.app.tenancy.tenants import TenantConfig


def tenant_with(metrics: dict) -> TenantConfig:
    return TenantConfig(
        id=1,
        name="t",
        version=1,
        settings=TenantSettings(),
        jwt_secret=None,
        items={"metrics": metrics},
        prepared={},
        api_keys={},
    )


def test_points_without_a_metric_configuration_stop_at_zero() -> None:
    assert metric_minimum(tenant_with({}), "points") == 0


def test_a_configured_minimum_value_is_the_floor() -> None:
    assert metric_minimum(tenant_with({"coins": SimpleNamespace(minimumValue=-50)}), "coins") == -50


def test_a_metric_without_a_minimum_value_stops_at_zero() -> None:
    assert metric_minimum(tenant_with({"coins": SimpleNamespace(minimumValue=None)}), "coins") == 0
