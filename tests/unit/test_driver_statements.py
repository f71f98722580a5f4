"""Statements of the hot path: one text, numbered parameters per store, combined deferred writes."""

from __future__ import annotations

from loyalty.storage.driver import Statement, _combined


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


def test_deferred_writes_become_ctes_of_the_last_one_with_their_own_parameters() -> None:
    first = Statement("UPDATE a SET n = :n WHERE id = :id")
    second = Statement("INSERT INTO b (id, n) VALUES (:id, :n)")
    last = Statement(
        "WITH m AS (INSERT INTO c (id) VALUES (:id) RETURNING id) INSERT INTO d SELECT id FROM m"
    )
    combined = _combined((first, second, last))
    assert combined.source == (
        "WITH w0 AS (UPDATE a SET n = :w0_n WHERE id = :w0_id), "
        "w1 AS (INSERT INTO b (id, n) VALUES (:w1_id, :w1_n)), "
        "m AS (INSERT INTO c (id) VALUES (:w2_id) RETURNING id) INSERT INTO d SELECT id FROM m"
    )
    assert combined.names == ("w0_n", "w0_id", "w1_id", "w1_n", "w2_id")
    plain = _combined((first, second))
    assert plain.source == (
        "WITH w0 AS (UPDATE a SET n = :w0_n WHERE id = :w0_id) INSERT INTO b (id, n) VALUES (:w1_id, :w1_n)"
    )
