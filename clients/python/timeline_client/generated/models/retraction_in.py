from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.source_in import SourceIn





T = TypeVar("T", bound="RetractionIn")



@_attrs_define
class RetractionIn:
    """ 
        Attributes:
            reason (str):
            sources (list[SourceIn]):
     """

    reason: str
    sources: list[SourceIn]





    def to_dict(self) -> dict[str, Any]:
        from ..models.source_in import SourceIn # noqa: PLC0415
        reason = self.reason

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
            "sources": sources,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_in import SourceIn # noqa: PLC0415
        d = dict(src_dict)
        reason = d.pop("reason")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = SourceIn.from_dict(sources_item_data)



            sources.append(sources_item)


        retraction_in = cls(
            reason=reason,
            sources=sources,
        )

        return retraction_in

