from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.fact import Fact
  from ..models.log_point import LogPoint





T = TypeVar("T", bound="Timeline")



@_attrs_define
class Timeline:
    """ 
        Attributes:
            from_ (datetime.date):
            to (datetime.date):
            total (int):
            events (list[Fact]):
            next_cursor (None | str):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    from_: datetime.date
    to: datetime.date
    total: int
    events: list[Fact]
    next_cursor: None | str
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fact import Fact # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        total = self.total

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)



        next_cursor: None | str
        next_cursor = self.next_cursor

        basis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "from": from_,
            "to": to,
            "total": total,
            "events": events,
            "next_cursor": next_cursor,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact import Fact # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))




        to = datetime.date.fromisoformat(d.pop("to"))




        total = d.pop("total")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = Fact.from_dict(events_item_data)



            events.append(events_item)


        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        timeline = cls(
            from_=from_,
            to=to,
            total=total,
            events=events,
            next_cursor=next_cursor,
            basis=basis,
        )


        timeline.additional_properties = d
        return timeline

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
