from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.day_span import DaySpan





T = TypeVar("T", bound="VenueState")



@_attrs_define
class VenueState:
    """ 
        Attributes:
            last_reported (DaySpan | None):
            days_since_reported (int | None):
            stale (bool):
            venue (str):
            stage (str):
            suspended (bool):
            since (DaySpan): A fuzzy date: its canonical text and the first and last day it may mean.
            certain (bool):
            fact_id (str):
     """

    last_reported: DaySpan | None
    days_since_reported: int | None
    stale: bool
    venue: str
    stage: str
    suspended: bool
    since: DaySpan
    certain: bool
    fact_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.day_span import DaySpan # noqa: PLC0415
        last_reported: dict[str, Any] | None
        if isinstance(self.last_reported, DaySpan):
            last_reported = self.last_reported.to_dict()
        else:
            last_reported = self.last_reported

        days_since_reported: int | None
        days_since_reported = self.days_since_reported

        stale = self.stale

        venue = self.venue

        stage = self.stage

        suspended = self.suspended

        since = self.since.to_dict()

        certain = self.certain

        fact_id = self.fact_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "last_reported": last_reported,
            "days_since_reported": days_since_reported,
            "stale": stale,
            "venue": venue,
            "stage": stage,
            "suspended": suspended,
            "since": since,
            "certain": certain,
            "fact_id": fact_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day_span import DaySpan # noqa: PLC0415
        d = dict(src_dict)
        def _parse_last_reported(data: object) -> DaySpan | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_reported_type_0 = DaySpan.from_dict(data)



                return last_reported_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DaySpan | None, data)

        last_reported = _parse_last_reported(d.pop("last_reported"))


        def _parse_days_since_reported(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        days_since_reported = _parse_days_since_reported(d.pop("days_since_reported"))


        stale = d.pop("stale")

        venue = d.pop("venue")

        stage = d.pop("stage")

        suspended = d.pop("suspended")

        since = DaySpan.from_dict(d.pop("since"))




        certain = d.pop("certain")

        fact_id = d.pop("fact_id")

        venue_state = cls(
            last_reported=last_reported,
            days_since_reported=days_since_reported,
            stale=stale,
            venue=venue,
            stage=stage,
            suspended=suspended,
            since=since,
            certain=certain,
            fact_id=fact_id,
        )


        venue_state.additional_properties = d
        return venue_state

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
