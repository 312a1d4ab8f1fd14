from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.source import Source





T = TypeVar("T", bound="FeedEvent")



@_attrs_define
class FeedEvent:
    """ One event of the log. Besides these, it carries the event's own attributes (name, date, fields,
    reason ... as the event type has them); ``undecodable`` instead when this code cannot read it.

        Attributes:
            position (int):
            type_ (str):
            topic (str):
            aggregate_id (str):
            version (int):
            recorded_at (str | Unset):
            fact_id (str | Unset):
            kind (None | str | Unset):
            sources (list[Source] | Unset):
            undecodable (str | Unset):
     """

    position: int
    type_: str
    topic: str
    aggregate_id: str
    version: int
    recorded_at: str | Unset = UNSET
    fact_id: str | Unset = UNSET
    kind: None | str | Unset = UNSET
    sources: list[Source] | Unset = UNSET
    undecodable: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source import Source # noqa: PLC0415
        position = self.position

        type_ = self.type_

        topic = self.topic

        aggregate_id = self.aggregate_id

        version = self.version

        recorded_at = self.recorded_at

        fact_id = self.fact_id

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        else:
            kind = self.kind

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)



        undecodable = self.undecodable


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "type": type_,
            "topic": topic,
            "aggregate_id": aggregate_id,
            "version": version,
        })
        if recorded_at is not UNSET:
            field_dict["recorded_at"] = recorded_at
        if fact_id is not UNSET:
            field_dict["fact_id"] = fact_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if sources is not UNSET:
            field_dict["sources"] = sources
        if undecodable is not UNSET:
            field_dict["undecodable"] = undecodable

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source import Source # noqa: PLC0415
        d = dict(src_dict)
        position = d.pop("position")

        type_ = d.pop("type")

        topic = d.pop("topic")

        aggregate_id = d.pop("aggregate_id")

        version = d.pop("version")

        recorded_at = d.pop("recorded_at", UNSET)

        fact_id = d.pop("fact_id", UNSET)

        def _parse_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))


        _sources = d.pop("sources", UNSET)
        sources: list[Source] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = Source.from_dict(sources_item_data)



                sources.append(sources_item)


        undecodable = d.pop("undecodable", UNSET)

        feed_event = cls(
            position=position,
            type_=type_,
            topic=topic,
            aggregate_id=aggregate_id,
            version=version,
            recorded_at=recorded_at,
            fact_id=fact_id,
            kind=kind,
            sources=sources,
            undecodable=undecodable,
        )


        feed_event.additional_properties = d
        return feed_event

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
