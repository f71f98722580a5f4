"""SQL for surveys (:class:`loyalty.app.surveys.ports.Surveys`): the once-per-user answer,
per-option counts, and the user's answered ids."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from loyalty.storage.repository import Repository
from loyalty.storage.surveys.survey_tables import survey_answers, survey_option_counts


class SqlSurveys(Repository):
    async def claim_answer(
        self,
        *,
        tenant_id: int,
        user_pk: int,
        survey_id: str,
        responses: list[str],
        points: int,
        now: int,
    ) -> bool:
        """Store the answer unless the user answered before: one conditional INSERT (the unique key)."""
        stmt = (
            self.db.insert(survey_answers)
            .values(
                tenant_id=tenant_id,
                user_pk=user_pk,
                survey_id=survey_id,
                responses=responses,
                points=points,
                ts=now,
            )
            .on_conflict_do_nothing(index_elements=["user_pk", "survey_id"])
            .returning(survey_answers.c.survey_id)
        )
        result = await self.conn.execute(stmt)
        return result.scalar_one_or_none() is not None

    async def count_options(self, *, tenant_id: int, survey_id: str, option_ids: Sequence[str]) -> None:
        for option_id in option_ids:
            stmt = self.db.insert(survey_option_counts).values(
                tenant_id=tenant_id, survey_id=survey_id, option_id=option_id, count=1
            )
            stmt = stmt.on_conflict_do_update(
                index_elements=["tenant_id", "survey_id", "option_id"],
                set_={"count": survey_option_counts.c.count + 1},
            )
            await self.conn.execute(stmt)

    async def answered_ids(self, user_pk: int) -> set[str]:
        rows = await self.conn.execute(
            select(survey_answers.c.survey_id).where(survey_answers.c.user_pk == user_pk)
        )
        return {r[0] for r in rows}

    async def option_counts(self, tenant_id: int, survey_id: str) -> dict[str, int]:
        rows = await self.conn.execute(
            select(survey_option_counts.c.option_id, survey_option_counts.c.count).where(
                survey_option_counts.c.tenant_id == tenant_id, survey_option_counts.c.survey_id == survey_id
            )
        )
        return {r[0]: int(r[1]) for r in rows}

    async def answer_count(self, tenant_id: int, survey_id: str) -> int:
        result = await self.conn.execute(
            select(func.count()).where(
                survey_answers.c.tenant_id == tenant_id, survey_answers.c.survey_id == survey_id
            )
        )
        return int(result.scalar_one())
