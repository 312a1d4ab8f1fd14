from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.source import Source





T = TypeVar("T", bound="RetiredName")



@_attrs_define
class RetiredName:
    """ 
        Attributes:
            name (str):
            names (list[str]):
            reason (str):
            sources (list[Source]):
            position (int):
            recorded_at (str):
     """

    name: str
    names: list[str]
    reason: str
    sources: list[Source]
    position: int
    recorded_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source import Source # noqa: PLC0415
        name = self.name

        names = self.names



        reason = self.reason

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)



        position = self.position

        recorded_at = self.recorded_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "names": names,
            "reason": reason,
            "sources": sources,
            "position": position,
            "recorded_at": recorded_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source import Source # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        names = cast(list[str], d.pop("names"))


        reason = d.pop("reason")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = Source.from_dict(sources_item_data)



            sources.append(sources_item)


        position = d.pop("position")

        recorded_at = d.pop("recorded_at")

        retired_name = cls(
            name=name,
            names=names,
            reason=reason,
            sources=sources,
            position=position,
            recorded_at=recorded_at,
        )


        retired_name.additional_properties = d
        return retired_name

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
