"""The gamification read models in the wire shape Lynes and Audience share (seed 000's): a user's
challenge and the streak steps an event moved, which both dialects' event answers carry. The
dialects may not import each other, so the shape they share lives here, once."""

from __future__ import annotations

from typing import Any

from loyalty.app.gamification.challenges import ChallengeView
from loyalty.app.gamification.streaks import StreakStepView


def challenge_data(view: ChallengeView) -> dict[str, Any]:
    """One challenge in seed 000's shape (Lynes' endpoints and both dialects' event answers)."""
    return {
        "challengeId": view.challenge_id,
        "status": view.status,
        "goal": view.goal,
        "points": view.points,
        "title": view.title,
        "type": view.type,
        "progress": view.progress,
        "completed": view.completed,
        "completedDate": view.completed_at,
        "seriesId": view.series_id,
        "isLastStep": view.is_last_step,
    }


def streak_step_data(view: StreakStepView) -> dict[str, Any]:
    """One streak an event touched, in the event answer's shape."""
    return {
        "streakId": view.streak_id,
        "currentCount": view.current_count,
        "counted": view.counted,
        "milestonesReached": list(view.milestones_reached),
    }


def moved_data(key: str, value: Any) -> Any:
    """One of an event result's additions (``EventResult.extra``) in the wire shape: the challenges
    and streaks the event moved come as read models; the rest is written as it is."""
    if key == "challenges":
        return [challenge_data(view) for view in value]
    if key == "streaks":
        return [streak_step_data(view) for view in value]
    return value
