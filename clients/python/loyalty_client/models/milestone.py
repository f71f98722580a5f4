from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.milestone_title_type_1 import MilestoneTitleType1


T = TypeVar("T", bound="Milestone")


@_attrs_define
class Milestone:
    """
    Attributes:
        id (str):
        threshold (int):
        title (MilestoneTitleType1 | None | str | Unset):
        image (None | str | Unset):
        multiplier (float | None | Unset):
    """

    id: str
    threshold: int
    title: MilestoneTitleType1 | None | str | Unset = UNSET
    image: None | str | Unset = UNSET
    multiplier: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.milestone_title_type_1 import MilestoneTitleType1  # noqa: PLC0415

        id = self.id

        threshold = self.threshold

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, MilestoneTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        multiplier: float | None | Unset
        if isinstance(self.multiplier, Unset):
            multiplier = UNSET
        else:
            multiplier = self.multiplier

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "threshold": threshold,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if image is not UNSET:
            field_dict["image"] = image
        if multiplier is not UNSET:
            field_dict["multiplier"] = multiplier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.milestone_title_type_1 import MilestoneTitleType1  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        threshold = d.pop("threshold")

        def _parse_title(data: object) -> MilestoneTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = MilestoneTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MilestoneTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image = _parse_image(d.pop("image", UNSET))

        def _parse_multiplier(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        multiplier = _parse_multiplier(d.pop("multiplier", UNSET))

        milestone = cls(
            id=id,
            threshold=threshold,
            title=title,
            image=image,
            multiplier=multiplier,
        )

        return milestone
