"""Statements of the hot path: one text, numbered parameters per store, combined deferred writes."""

from __future__ import annotations

from loyalty.storage.driver import Statement


def test_named_parameters_become_numbered_ones_and_a_repeated_name_is_one_parameter() -> None:
    stmt = Statement("UPDATE t SET n = n + :amount, at = :now WHERE id = :id AND at < :now")
    assert stmt.postgresql == "UPDATE t SET n = n + $1, at = $2 WHERE id = $3 AND at < $2"
    assert stmt.sqlite == "UPDATE t SET n = n + ?1, at = ?2 WHERE id = ?3 AND at < ?2"
    assert stmt.names == ("amount", "now", "id")
    assert stmt.args({"id": 7, "now": 5, "amount": 3, "unused": 0}) == [3, 5, 7]


def test_casts_and_literals_are_not_parameters() -> None:
    stmt = Statement("SELECT CAST(:a AS BIGINT), x::text, '{}' FROM t WHERE y = :b")
    assert stmt.postgresql == "SELECT CAST($1 AS BIGINT), x::text, '{}' FROM t WHERE y = $2"
    assert stmt.names == ("a", "b")
