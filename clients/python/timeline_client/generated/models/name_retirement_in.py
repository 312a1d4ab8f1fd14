from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.source_in import SourceIn





T = TypeVar("T", bound="NameRetirementIn")



@_attrs_define
class NameRetirementIn:
    """ 
        Attributes:
            name (str): The name to retire
            reason (str):
            sources (list[SourceIn]):
     """

    name: str
    reason: str
    sources: list[SourceIn]





    def to_dict(self) -> dict[str, Any]:
        from ..models.source_in import SourceIn # noqa: PLC0415
        name = self.name

        reason = self.reason

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "reason": reason,
            "sources": sources,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_in import SourceIn # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        reason = d.pop("reason")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = SourceIn.from_dict(sources_item_data)



            sources.append(sources_item)


        name_retirement_in = cls(
            name=name,
            reason=reason,
            sources=sources,
        )

        return name_retirement_in

