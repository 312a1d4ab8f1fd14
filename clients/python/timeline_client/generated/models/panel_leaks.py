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
  from ..models.log_point import LogPoint
  from ..models.panel_point import PanelPoint





T = TypeVar("T", bound="PanelLeaks")



@_attrs_define
class PanelLeaks:
    """ 
        Attributes:
            from_ (datetime.date):
            to (datetime.date):
            freq (str):
            known_at (int | None):
            points (list[PanelPoint]):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    from_: datetime.date
    to: datetime.date
    freq: str
    known_at: int | None
    points: list[PanelPoint]
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.panel_point import PanelPoint # noqa: PLC0415
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        freq = self.freq

        known_at: int | None
        known_at = self.known_at

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
            "freq": freq,
            "known_at": known_at,
            "points": points,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.panel_point import PanelPoint # noqa: PLC0415
        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))




        to = datetime.date.fromisoformat(d.pop("to"))




        freq = d.pop("freq")

        def _parse_known_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        known_at = _parse_known_at(d.pop("known_at"))


        points = []
        _points = d.pop("points")
        for points_item_data in (_points):
            points_item = PanelPoint.from_dict(points_item_data)



            points.append(points_item)


        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        panel_leaks = cls(
            from_=from_,
            to=to,
            freq=freq,
            known_at=known_at,
            points=points,
            basis=basis,
        )


        panel_leaks.additional_properties = d
        return panel_leaks

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
