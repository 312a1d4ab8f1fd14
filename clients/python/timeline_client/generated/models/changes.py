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
  from ..models.change import Change
  from ..models.log_point import LogPoint





T = TypeVar("T", bound="Changes")



@_attrs_define
class Changes:
    """ 
        Attributes:
            from_ (datetime.date):
            to (datetime.date):
            changes (list[Change]):
            next_cursor (None | str):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    from_: datetime.date
    to: datetime.date
    changes: list[Change]
    next_cursor: None | str
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change import Change # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)



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
            "changes": changes,
            "next_cursor": next_cursor,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change import Change # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))




        to = datetime.date.fromisoformat(d.pop("to"))




        changes = []
        _changes = d.pop("changes")
        for changes_item_data in (_changes):
            changes_item = Change.from_dict(changes_item_data)



            changes.append(changes_item)


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




        changes = cls(
            from_=from_,
            to=to,
            changes=changes,
            next_cursor=next_cursor,
            basis=basis,
        )


        changes.additional_properties = d
        return changes

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
