from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.source import Source





T = TypeVar("T", bound="Cause")



@_attrs_define
class Cause:
    """ An event between the two knowledge times that touched the entry's facts.

        Attributes:
            position (int):
            step (str):
            fact_id (str):
            kind (str):
            reason (None | str):
            recorded_at (str):
            sources (list[Source]):
     """

    position: int
    step: str
    fact_id: str
    kind: str
    reason: None | str
    recorded_at: str
    sources: list[Source]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source import Source # noqa: PLC0415
        position = self.position

        step = self.step

        fact_id = self.fact_id

        kind = self.kind

        reason: None | str
        reason = self.reason

        recorded_at = self.recorded_at

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "step": step,
            "fact_id": fact_id,
            "kind": kind,
            "reason": reason,
            "recorded_at": recorded_at,
            "sources": sources,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source import Source # noqa: PLC0415
        d = dict(src_dict)
        position = d.pop("position")

        step = d.pop("step")

        fact_id = d.pop("fact_id")

        kind = d.pop("kind")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        recorded_at = d.pop("recorded_at")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = Source.from_dict(sources_item_data)



            sources.append(sources_item)


        cause = cls(
            position=position,
            step=step,
            fact_id=fact_id,
            kind=kind,
            reason=reason,
            recorded_at=recorded_at,
            sources=sources,
        )


        cause.additional_properties = d
        return cause

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
