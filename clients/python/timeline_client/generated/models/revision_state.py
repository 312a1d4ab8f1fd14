from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.day_span import DaySpan





T = TypeVar("T", bound="RevisionState")



@_attrs_define
class RevisionState:
    """ 
        Attributes:
            stage (str):
            since (DaySpan): A fuzzy date: its canonical text and the first and last day it may mean.
            certain (bool):
            suspended (bool):
     """

    stage: str
    since: DaySpan
    certain: bool
    suspended: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.day_span import DaySpan # noqa: PLC0415
        stage = self.stage

        since = self.since.to_dict()

        certain = self.certain

        suspended = self.suspended


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "stage": stage,
            "since": since,
            "certain": certain,
            "suspended": suspended,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day_span import DaySpan # noqa: PLC0415
        d = dict(src_dict)
        stage = d.pop("stage")

        since = DaySpan.from_dict(d.pop("since"))




        certain = d.pop("certain")

        suspended = d.pop("suspended")

        revision_state = cls(
            stage=stage,
            since=since,
            certain=certain,
            suspended=suspended,
        )


        revision_state.additional_properties = d
        return revision_state

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
