"""Surveys: the ``surveys`` config kind, a user's open surveys and answers (seed 000), results.

An answer is stored once per user by one conditional INSERT on the (user, survey) key, so two
parallel answers cannot both count; the per-option counts and the points are written in the same
transaction, so a refused answer leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import msgspec

from loyalty.app.gamification.challenge_config import Notification
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.texts import Text, localized, translations
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.ledger import ledger
from loyalty.app.messaging import notifications
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.users import resolve_user
from loyalty.core.errors import invalid, not_found
from loyalty.core.timeutil import day_key

KIND = "surveys"
MAX_OPTIONS = 100
MAX_POINTS = 1_000_000


class SurveyOption(msgspec.Struct, forbid_unknown_fields=True):
    optionId: str
    label: Text


class SurveyDefinition(msgspec.Struct, forbid_unknown_fields=True):
    """Admin kind ``surveys``: the question, its options, when it is open, and the points it pays."""

    surveyId: str
    title: Text
    options: list[SurveyOption]
    type: Literal["SINGLE", "MULTIPLE"] = "SINGLE"
    """SINGLE: exactly one option per answer; MULTIPLE: one or more distinct options."""
    validFrom: int | None = None
    """Epoch ms from which the survey is open (inclusive); None: open from now."""
    validUntil: int | None = None
    """Epoch ms until which the survey is open (inclusive); None: open ended."""
    points: int = 0
    """Points credited once per user for answering (0: none)."""
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"
    notification: Notification | None = None
    """Notification shown when answering paid points (display, title and message; i18n)."""
    version: int | None = None


def check_definition(value: SurveyDefinition) -> None:
    if not value.surveyId.strip():
        raise invalid("surveyId", "'surveyId' is required")
    if not value.options:
        raise invalid("options", "'options' must list at least one option")
    if len(value.options) > MAX_OPTIONS:
        raise invalid("options", f"'options' may list at most {MAX_OPTIONS} options")
    seen: set[str] = set()
    for option in value.options:
        if not option.optionId.strip():
            raise invalid("options", "'options': every option needs an 'optionId'")
        if option.optionId in seen:
            raise invalid("options", f"'options': optionId '{option.optionId}' appears twice")
        seen.add(option.optionId)
    if value.validFrom is not None and value.validUntil is not None and value.validFrom > value.validUntil:
        raise invalid("validUntil", "'validUntil' must not be before 'validFrom'")
    if not 0 <= value.points <= MAX_POINTS:
        raise invalid("points", f"'points' must be between 0 and {MAX_POINTS}")


CONFIG_KIND = ConfigKind(
    name=KIND,
    schema=SurveyDefinition,
    id_field="surveyId",
    check=check_definition,
    description="Surveys: SINGLE/MULTIPLE choice questions, answered once per user, may pay points.",
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


def is_open(survey: SurveyDefinition, now: int) -> bool:
    return (
        survey.status == "ACTIVE"
        and (survey.validFrom is None or survey.validFrom <= now)
        and (survey.validUntil is None or now <= survey.validUntil)
    )


@dataclass(frozen=True)
class SurveyOptionView:
    option_id: str
    label: str | None
    """In the request's language (the tenant's default when none matches)."""


@dataclass(frozen=True)
class SurveyView:
    """An open survey as the user answers it (seed 000)."""

    survey_id: str
    title: str | None
    type: str
    valid_from: int | None
    valid_until: int | None
    options: tuple[SurveyOptionView, ...]


@dataclass(frozen=True)
class OptionCountView:
    option_id: str
    label: dict[str, str] | None
    """Every translation of the option's label."""
    count: int


@dataclass(frozen=True)
class SurveyResultsView:
    survey_id: str
    type: str
    answers: int
    """How many users answered."""
    options: tuple[OptionCountView, ...]
    """How often each option was picked, in the definition's order."""


@dataclass(frozen=True)
class AnsweredView:
    """A stored answer: the options picked and the points it paid (0: none)."""

    survey_id: str
    responses: tuple[str, ...]
    points: int


def _view(survey: SurveyDefinition, languages: Sequence[str], default: str) -> SurveyView:
    return SurveyView(
        survey_id=survey.surveyId,
        title=localized(survey.title, languages, default),
        type=survey.type,
        valid_from=survey.validFrom,
        valid_until=survey.validUntil,
        options=tuple(
            SurveyOptionView(option_id=o.optionId, label=localized(o.label, languages, default))
            for o in survey.options
        ),
    )


def _open_surveys(tenant: TenantConfig, now: int) -> list[SurveyDefinition]:
    found = [s for s in tenant.all_compiled(KIND).values() if is_open(s, now)]
    return sorted(found, key=lambda s: (s.validFrom or 0, s.surveyId))


async def available(
    services: Services, principal: Principal, user_id: str, languages: Sequence[str]
) -> list[SurveyView]:
    """Seed 000: the surveys open now that the user has not answered yet."""
    principal.require_read_user(user_id)
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> list[SurveyView]:
        pk = await store.users.find_pk(tenant.id, user_id)
        answered = await store.surveys.answered_ids(pk) if pk is not None else set()
        default = tenant.settings.defaultLanguage
        return [
            _view(s, languages, default) for s in _open_surveys(tenant, now) if s.surveyId not in answered
        ]

    return await run_read(services, principal, work)


async def has_new_surveys(
    store: Store, tenant: TenantConfig, user_pk: int, *, now: int, since: int | None
) -> bool:
    """For the Lynes overview: an open, unanswered survey that opened after ``since`` (never viewed: any)."""
    open_now = _open_surveys(tenant, now)
    if not open_now:
        return False
    answered = await store.surveys.answered_ids(user_pk)
    return any(s.surveyId not in answered and (since is None or (s.validFrom or 0) > since) for s in open_now)


def check_responses(survey: SurveyDefinition, responses: object) -> list[str]:
    if not isinstance(responses, list) or not responses:
        raise invalid("responses", "'responses' must list the selected option ids")
    valid_ids = {o.optionId for o in survey.options}
    picked: list[str] = []
    for value in responses:
        if not isinstance(value, str) or value not in valid_ids:
            raise invalid(
                "responses", f"'responses': {value!r} is not an option of survey '{survey.surveyId}'"
            )
        if value in picked:
            raise invalid("responses", f"'responses': option '{value}' is given twice")
        picked.append(value)
    if survey.type == "SINGLE" and len(picked) != 1:
        raise invalid("responses", "'responses': a SINGLE survey takes exactly one option")
    return picked


async def answer(tx: Tx, user_id: str, survey_id: str, responses: object) -> AnsweredView:
    """Store the user's answer once, count the options, pay the points; all in this transaction."""
    tx.principal.require_act_for_user(user_id)
    survey: SurveyDefinition | None = tx.tenant.compiled(KIND, survey_id)
    if survey is None:
        raise not_found("survey", survey_id)
    picked = check_responses(survey, responses)
    if not is_open(survey, tx.now):
        raise invalid("surveyId", f"survey '{survey_id}' is not open for answers")
    user_pk = await resolve_user(tx, user_id, create=True)
    claimed = await tx.store.surveys.claim_answer(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        survey_id=survey_id,
        responses=picked,
        points=survey.points,
        now=tx.now,
    )
    if not claimed:
        raise invalid("surveyId", f"survey '{survey_id}' was already answered by user '{user_id}'")
    await tx.store.surveys.count_options(tenant_id=tx.tenant.id, survey_id=survey_id, option_ids=picked)
    if survey.points > 0:
        posting = await ledger.credit(
            tx,
            user_pk,
            survey.points,
            source="survey",
            reference=survey_id,
            description=f"Survey {survey_id}",
        )
        settings = tx.tenant.settings
        await tx.store.history.insert(
            tenant_id=tx.tenant.id,
            user_pk=user_pk,
            entry_id=f"SURVEY#{survey_id}",
            type="SURVEY",
            ref_id=survey_id,
            points=survey.points,
            ts=tx.now,
            date_key=day_key(tx.now, settings.timeZone),
            title={"en": "Survey answered", "de": "Umfrage beantwortet"},
            description=translations(survey.title, settings.defaultLanguage),
            image=None,
            details={"surveyId": survey_id, "responses": picked},
        )
        config = survey.notification
        await notifications.notify(
            tx,
            user_pk,
            type="surveyCompleted",
            payload={
                "surveyId": survey_id,
                "metricChanges": {
                    ledger.POINTS: {
                        "oldValue": posting.balance_after - survey.points,
                        "newValue": posting.balance_after,
                    }
                },
            },
            display=config.display if config is not None else "toast",
            title=config.title if config is not None and config.title else survey.title,
            message=config.message if config is not None else None,
            section="rewards",
        )
    return AnsweredView(survey_id=survey_id, responses=tuple(picked), points=survey.points)


async def results(services: Services, principal: Principal, survey_id: str) -> SurveyResultsView:
    """Admin: how many users answered and how often each option was picked."""
    principal.require_view()

    async def work(store: Store, tenant: TenantConfig) -> SurveyResultsView:
        survey: SurveyDefinition | None = tenant.compiled(KIND, survey_id)
        if survey is None:
            raise not_found("survey", survey_id)
        counts = await store.surveys.option_counts(tenant.id, survey_id)
        default = tenant.settings.defaultLanguage
        return SurveyResultsView(
            survey_id=survey_id,
            type=survey.type,
            answers=await store.surveys.answer_count(tenant.id, survey_id),
            options=tuple(
                OptionCountView(
                    option_id=o.optionId,
                    label=translations(o.label, default),
                    count=counts.get(o.optionId, 0),
                )
                for o in survey.options
            ),
        )

    return await run_read(services, principal, work)
