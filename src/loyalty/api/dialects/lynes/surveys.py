"""Seed 000 survey endpoints, the admin results of a survey, and the notification overview."""

from __future__ import annotations

import msgspec

from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.kernel.texts import accepted_languages
from loyalty.app.messaging import notifications
from loyalty.app.surveys import surveys
from loyalty.app.users.users import check_user_id
from loyalty.core.errors import invalid

TAGS = ("Lynes: surveys",)
NOTIFICATION_TAGS = ("Lynes: notifications",)


class SurveyOptionView(msgspec.Struct):
    optionId: str
    label: str | None


class SurveyView(msgspec.Struct):
    surveyId: str
    title: str | None
    type: str
    validFrom: int | None
    validUntil: int | None
    options: list[SurveyOptionView]


class AnswerBody(msgspec.Struct, forbid_unknown_fields=True):
    userId: str | None = None
    """Required; must match the path."""
    surveyId: str | None = None
    """Required; must match the path."""
    responses: list[str] | None = None
    """Required: the selected option ids (exactly one for a SINGLE survey)."""


class Message(msgspec.Struct):
    message: str


class OptionCount(msgspec.Struct):
    optionId: str
    label: dict[str, str] | None
    count: int


class SurveyResults(msgspec.Struct):
    surveyId: str
    type: str
    answers: int
    options: list[OptionCount]


class ScreenBody(msgspec.Struct, forbid_unknown_fields=True):
    screenId: str | None = None
    """One of rewards, challenges, surveys."""


class ResetBody(msgspec.Struct, forbid_unknown_fields=True):
    resetChallenges: bool | None = None
    resetRewards: bool | None = None
    resetSurveys: bool | None = None


class Overview(msgspec.Struct):
    userId: str
    hasUnseenChallenges: bool
    hasUnseenRewards: bool
    hasUnseenSurveys: bool


def survey_wire(view: surveys.SurveyView) -> SurveyView:
    return SurveyView(
        surveyId=view.survey_id,
        title=view.title,
        type=view.type,
        validFrom=view.valid_from,
        validUntil=view.valid_until,
        options=[SurveyOptionView(optionId=o.option_id, label=o.label) for o in view.options],
    )


def results_wire(view: surveys.SurveyResultsView) -> SurveyResults:
    return SurveyResults(
        surveyId=view.survey_id,
        type=view.type,
        answers=view.answers,
        options=[OptionCount(optionId=o.option_id, label=o.label, count=o.count) for o in view.options],
    )


def overview_wire(view: notifications.OverviewView) -> Overview:
    return Overview(
        userId=view.user_id,
        hasUnseenChallenges=view.has_unseen_challenges,
        hasUnseenRewards=view.has_unseen_rewards,
        hasUnseenSurveys=view.has_unseen_surveys,
    )


def _languages(call: Call) -> list[str]:
    return accepted_languages(call.request.headers.get("accept-language"))


async def list_surveys(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    views = await surveys.available(call.services, call.principal, user_id, _languages(call))
    return Reply([survey_wire(view) for view in views])


async def answer_survey(call: Call) -> Reply:
    assert call.tx is not None
    user_id = check_user_id(call.params.get("userId"))
    survey_id = call.params["surveyId"]
    body: AnswerBody = call.body
    if not body.userId:
        raise invalid("userId", "'userId' is required")
    if not body.surveyId:
        raise invalid("surveyId", "'surveyId' is required")
    if body.responses is None:
        raise invalid("responses", "'responses' is required")
    if body.userId != user_id:
        raise invalid("userId", f"'userId' must match the user in the path ('{user_id}')")
    if body.surveyId != survey_id:
        raise invalid("surveyId", f"'surveyId' must match the survey in the path ('{survey_id}')")
    await surveys.answer(call.tx, user_id, survey_id, body.responses)
    return Reply(Message(message="Survey response submitted successfully"), status=201)


async def survey_results(call: Call) -> Reply:
    return Reply(results_wire(await surveys.results(call.services, call.principal, call.params["surveyId"])))


async def get_overview(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    return Reply(overview_wire(await notifications.overview(call.services, call.principal, user_id)))


async def view_overview(call: Call) -> Reply:
    assert call.tx is not None
    user_id = check_user_id(call.params.get("userId"))
    body: ScreenBody = call.body
    screen = notifications.check_screen(body.screenId)
    await notifications.view_screen(call.tx, user_id, screen)
    return Reply({"message": "Screen viewed successfully"})


async def reset_overview(call: Call) -> Reply:
    assert call.tx is not None
    user_id = check_user_id(call.params.get("userId"))
    body: ResetBody = call.body
    screens = [
        screen
        for screen, flag in (
            ("challenges", body.resetChallenges),
            ("rewards", body.resetRewards),
            ("surveys", body.resetSurveys),
        )
        if flag
    ]
    await notifications.reset_screens(call.tx, user_id, screens)
    return Reply({"message": "User viewed screens reset successfully"})


ENDPOINTS = [
    Endpoint(
        "GET",
        "/v1/user/{userId}/survey",
        list_surveys,
        "Get the surveys open now that the user has not answered yet (texts by Accept-Language)",
        responses={200: list[SurveyView]},
        tags=TAGS,
        operation_id="listUserSurveys",
    ),
    Endpoint(
        "PUT",
        "/v1/user/{userId}/survey/{surveyId}",
        answer_survey,
        "Answer a survey once: options are validated, SINGLE takes exactly one, points are credited",
        body=AnswerBody,
        write=True,
        responses={201: Message},
        tags=TAGS,
        operation_id="answerSurvey",
    ),
    Endpoint(
        "GET",
        "/v1/admin/surveys/{surveyId}/results",
        survey_results,
        "Survey results: number of answers and how often each option was picked (view scope)",
        responses={200: SurveyResults},
        tags=TAGS,
        operation_id="getSurveyResults",
    ),
    Endpoint(
        "GET",
        "/v1/user/{userId}/notifications/overview",
        get_overview,
        "Whether the rewards, challenges and surveys screens have something the user has not seen",
        responses={200: Overview},
        tags=NOTIFICATION_TAGS,
        operation_id="getNotificationsOverview",
    ),
    Endpoint(
        "PUT",
        "/v1/user/{userId}/notifications/overview",
        view_overview,
        "Mark a screen (rewards, challenges, surveys) as viewed now",
        body=ScreenBody,
        write=True,
        responses={200: Message},
        tags=NOTIFICATION_TAGS,
        operation_id="markNotificationsOverviewViewed",
    ),
    Endpoint(
        "PUT",
        "/v1/user/{userId}/notifications/change",
        reset_overview,
        "Clear the last-viewed marker of the screens flagged true (their content counts as unseen again)",
        body=ResetBody,
        write=True,
        responses={200: Message},
        tags=NOTIFICATION_TAGS,
        operation_id="resetNotificationCounters",
    ),
]
