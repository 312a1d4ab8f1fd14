from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.fuzzy_day import FuzzyDay
  from ..models.history_step_fields import HistoryStepFields
  from ..models.source import Source





T = TypeVar("T", bound="HistoryStep")



@_attrs_define
class HistoryStep:
    """ 
        Attributes:
            position (int):
            step (str):
            recorded_at (str):
            date (FuzzyDay | Unset):
            venue (str | Unset):
            fields (HistoryStepFields | Unset):
            reason (str | Unset):
            sources (list[Source] | Unset):
            source (Source | Unset): Where a fact comes from: one of the five articles (document, quote) or another public
                document (the fact stated in our own words). ``title``, ``publisher``, ``url`` (a link; an article may
                have none), ``language`` and ``grade`` come from the document's own record (``Document.Registered``),
                as known at the answer's knowledge time; a source whose document was never registered has no grade.
     """

    position: int
    step: str
    recorded_at: str
    date: FuzzyDay | Unset = UNSET
    venue: str | Unset = UNSET
    fields: HistoryStepFields | Unset = UNSET
    reason: str | Unset = UNSET
    sources: list[Source] | Unset = UNSET
    source: Source | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fuzzy_day import FuzzyDay # noqa: PLC0415
        from ..models.history_step_fields import HistoryStepFields # noqa: PLC0415
        from ..models.source import Source # noqa: PLC0415
        position = self.position

        step = self.step

        recorded_at = self.recorded_at

        date: dict[str, Any] | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.to_dict()

        venue = self.venue

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        reason = self.reason

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)



        source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "step": step,
            "recorded_at": recorded_at,
        })
        if date is not UNSET:
            field_dict["date"] = date
        if venue is not UNSET:
            field_dict["venue"] = venue
        if fields is not UNSET:
            field_dict["fields"] = fields
        if reason is not UNSET:
            field_dict["reason"] = reason
        if sources is not UNSET:
            field_dict["sources"] = sources
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fuzzy_day import FuzzyDay # noqa: PLC0415
        from ..models.history_step_fields import HistoryStepFields # noqa: PLC0415
        from ..models.source import Source # noqa: PLC0415
        d = dict(src_dict)
        position = d.pop("position")

        step = d.pop("step")

        recorded_at = d.pop("recorded_at")

        _date = d.pop("date", UNSET)
        date: FuzzyDay | Unset
        if isinstance(_date,  Unset):
            date = UNSET
        else:
            date = FuzzyDay.from_dict(_date)




        venue = d.pop("venue", UNSET)

        _fields = d.pop("fields", UNSET)
        fields: HistoryStepFields | Unset
        if isinstance(_fields,  Unset):
            fields = UNSET
        else:
            fields = HistoryStepFields.from_dict(_fields)




        reason = d.pop("reason", UNSET)

        _sources = d.pop("sources", UNSET)
        sources: list[Source] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = Source.from_dict(sources_item_data)



                sources.append(sources_item)


        _source = d.pop("source", UNSET)
        source: Source | Unset
        if isinstance(_source,  Unset):
            source = UNSET
        else:
            source = Source.from_dict(_source)




        history_step = cls(
            position=position,
            step=step,
            recorded_at=recorded_at,
            date=date,
            venue=venue,
            fields=fields,
            reason=reason,
            sources=sources,
            source=source,
        )


        history_step.additional_properties = d
        return history_step

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
