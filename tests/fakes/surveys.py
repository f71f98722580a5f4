"""Fakes of the surveys feature's port (:mod:`loyalty.app.surveys.ports`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    tenant_id: int
    responses: list[str]
    points: int
    ts: int


class FakeSurveys:
    def __init__(self) -> None:
        self.answers: dict[tuple[int, str], Answer] = {}
        """(user_pk, survey_id) -> the answer: one per user and survey."""
        self.counts: dict[tuple[int, str, str], int] = {}
        """(tenant_id, survey_id, option_id) -> how often picked."""

    async def claim_answer(
        self, *, tenant_id: int, user_pk: int, survey_id: str, responses: list[str], points: int, now: int
    ) -> bool:
        if (user_pk, survey_id) in self.answers:
            return False
        self.answers[(user_pk, survey_id)] = Answer(tenant_id, list(responses), points, now)
        return True

    async def count_options(self, *, tenant_id: int, survey_id: str, option_ids: Sequence[str]) -> None:
        for option_id in option_ids:
            key = (tenant_id, survey_id, option_id)
            self.counts[key] = self.counts.get(key, 0) + 1

    async def answered_ids(self, user_pk: int) -> set[str]:
        return {survey_id for pk, survey_id in self.answers if pk == user_pk}

    async def option_counts(self, tenant_id: int, survey_id: str) -> dict[str, int]:
        return {o: n for (t, s, o), n in self.counts.items() if (t, s) == (tenant_id, survey_id)}

    async def answer_count(self, tenant_id: int, survey_id: str) -> int:
        return sum(1 for (_, s), a in self.answers.items() if s == survey_id and a.tenant_id == tenant_id)
