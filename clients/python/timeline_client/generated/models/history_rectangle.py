from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.log_point import LogPoint





T = TypeVar("T", bound="HistoryRectangle")



@_attrs_define
class HistoryRectangle:
    """ A stage held over valid days [valid_from, valid_to), believed from known_from until known_to.

        Attributes:
            venue (str):
            stage (str):
            suspended (bool):
            certain (bool):
            fact_id (str):
            valid_from (datetime.date):
            valid_to (datetime.date | None):
            known_from (LogPoint): A knowledge time: a log position and the system time recorded there (null before the
                first event).
            known_to (LogPoint | None):
            public_from (datetime.date):
     """

    venue: str
    stage: str
    suspended: bool
    certain: bool
    fact_id: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    known_from: LogPoint
    known_to: LogPoint | None
    public_from: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.log_point import LogPoint # noqa: PLC0415
        venue = self.venue

        stage = self.stage

        suspended = self.suspended

        certain = self.certain

        fact_id = self.fact_id

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        known_from = self.known_from.to_dict()

        known_to: dict[str, Any] | None
        if isinstance(self.known_to, LogPoint):
            known_to = self.known_to.to_dict()
        else:
            known_to = self.known_to

        public_from = self.public_from.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "venue": venue,
            "stage": stage,
            "suspended": suspended,
            "certain": certain,
            "fact_id": fact_id,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "known_from": known_from,
            "known_to": known_to,
            "public_from": public_from,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.log_point import LogPoint # noqa: PLC0415
        d = dict(src_dict)
        venue = d.pop("venue")

        stage = d.pop("stage")

        suspended = d.pop("suspended")

        certain = d.pop("certain")

        fact_id = d.pop("fact_id")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        def _parse_valid_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)



                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_to = _parse_valid_to(d.pop("valid_to"))


        known_from = LogPoint.from_dict(d.pop("known_from"))




        def _parse_known_to(data: object) -> LogPoint | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                known_to_type_0 = LogPoint.from_dict(data)



                return known_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LogPoint | None, data)

        known_to = _parse_known_to(d.pop("known_to"))


        public_from = datetime.date.fromisoformat(d.pop("public_from"))




        history_rectangle = cls(
            venue=venue,
            stage=stage,
            suspended=suspended,
            certain=certain,
            fact_id=fact_id,
            valid_from=valid_from,
            valid_to=valid_to,
            known_from=known_from,
            known_to=known_to,
            public_from=public_from,
        )


        history_rectangle.additional_properties = d
        return history_rectangle

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
