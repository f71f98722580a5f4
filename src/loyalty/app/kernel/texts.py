"""Texts that are either one string or translations (``{"en": …, "de": …}``)."""

from __future__ import annotations

from collections.abc import Sequence

Text = str | dict[str, str]


def accepted_languages(header: str | None) -> list[str]:
    """Language tags of an ``Accept-Language`` value in the order given (``de-CH`` also tries ``de``).

    Every face that shows plain text picks its language this way, so it lives here, beside
    :func:`localized`, and not in one of the dialects."""
    out: list[str] = []
    for part in (header or "").split(","):
        tag = part.split(";")[0].strip()
        if tag and tag != "*":
            out.extend([tag, tag.split("-")[0]])
    return out


def localized(text: Text | None, languages: Sequence[str], default_language: str) -> str | None:
    """One string for faces that show plain text: the first wanted language that exists."""
    if text is None or isinstance(text, str):
        return text
    for language in (*languages, default_language):
        if language in text:
            return text[language]
    return next(iter(text.values()), None)


def translations(text: Text | None, default_language: str) -> dict[str, str] | None:
    """The i18n object for faces that show all translations (a plain string is the default language)."""
    if text is None:
        return None
    if isinstance(text, str):
        return {default_language: text}
    return dict(text)
