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
  from ..models.counts_point import CountsPoint
  from ..models.log_point import LogPoint





T = TypeVar("T", bound="StatsCounts")



@_attrs_define
class StatsCounts:
    """ 
        Attributes:
            from_ (datetime.date):
            to (datetime.date):
            venue (None | str):
            granularity (str):
            mode (str):
            vintage (str):
            source (str):
            points (list[CountsPoint]):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    from_: datetime.date
    to: datetime.date
    venue: None | str
    granularity: str
    mode: str
    vintage: str
    source: str
    points: list[CountsPoint]
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.counts_point import CountsPoint # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        venue: None | str
        venue = self.venue

        granularity = self.granularity

        mode = self.mode

        vintage = self.vintage

        source = self.source

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)



        basis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "from": from_,
            "to": to,
            "venue": venue,
            "granularity": granularity,
            "mode": mode,
            "vintage": vintage,
            "source": source,
            "points": points,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counts_point import CountsPoint # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))




        to = datetime.date.fromisoformat(d.pop("to"))




        def _parse_venue(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        venue = _parse_venue(d.pop("venue"))


        granularity = d.pop("granularity")

        mode = d.pop("mode")

        vintage = d.pop("vintage")

        source = d.pop("source")

        points = []
        _points = d.pop("points")
        for points_item_data in (_points):
            points_item = CountsPoint.from_dict(points_item_data)



            points.append(points_item)


        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        stats_counts = cls(
            from_=from_,
            to=to,
            venue=venue,
            granularity=granularity,
            mode=mode,
            vintage=vintage,
            source=source,
            points=points,
            basis=basis,
        )


        stats_counts.additional_properties = d
        return stats_counts

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
