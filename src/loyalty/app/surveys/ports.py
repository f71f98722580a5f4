"""What the surveys feature reads and writes, as ``storage`` must provide it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Surveys(Protocol):
    """Survey answers (once per user and survey) and the per-option counts."""

    async def claim_answer(
        self, *, tenant_id: int, user_pk: int, survey_id: str, responses: list[str], points: int, now: int
    ) -> bool:
        """Store the user's answer unless they answered the survey before; returns whether it was
        stored. One conditional statement: of two concurrent answers of a user, one is stored."""
        ...

    async def count_options(self, *, tenant_id: int, survey_id: str, option_ids: Sequence[str]) -> None:
        """Add one to the count of each option of ``option_ids``."""
        ...

    async def answered_ids(self, user_pk: int) -> set[str]:
        """The ids of the surveys the user answered."""
        ...

    async def option_counts(self, tenant_id: int, survey_id: str) -> dict[str, int]:
        """Option id -> how often it was picked (options never picked are absent)."""
        ...

    async def answer_count(self, tenant_id: int, survey_id: str) -> int:
        """How many users answered the survey."""
        ...
