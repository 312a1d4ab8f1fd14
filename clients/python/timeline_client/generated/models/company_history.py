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
  from ..models.history_rectangle import HistoryRectangle
  from ..models.log_point import LogPoint





T = TypeVar("T", bound="CompanyHistory")



@_attrs_define
class CompanyHistory:
    """ 
        Attributes:
            company_id (str):
            name (str):
            published_by (datetime.date | None):
            rectangles (list[HistoryRectangle]):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    company_id: str
    name: str
    published_by: datetime.date | None
    rectangles: list[HistoryRectangle]
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.history_rectangle import HistoryRectangle # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        company_id = self.company_id

        name = self.name

        published_by: None | str
        if isinstance(self.published_by, datetime.date):
            published_by = self.published_by.isoformat()
        else:
            published_by = self.published_by

        rectangles = []
        for rectangles_item_data in self.rectangles:
            rectangles_item = rectangles_item_data.to_dict()
            rectangles.append(rectangles_item)



        basis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company_id": company_id,
            "name": name,
            "published_by": published_by,
            "rectangles": rectangles,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_rectangle import HistoryRectangle # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        d = dict(src_dict)
        company_id = d.pop("company_id")

        name = d.pop("name")

        def _parse_published_by(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_by_type_0 = datetime.date.fromisoformat(data)



                return published_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        published_by = _parse_published_by(d.pop("published_by"))


        rectangles = []
        _rectangles = d.pop("rectangles")
        for rectangles_item_data in (_rectangles):
            rectangles_item = HistoryRectangle.from_dict(rectangles_item_data)



            rectangles.append(rectangles_item)


        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        company_history = cls(
            company_id=company_id,
            name=name,
            published_by=published_by,
            rectangles=rectangles,
            basis=basis,
        )


        company_history.additional_properties = d
        return company_history

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
