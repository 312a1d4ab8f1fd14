from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.fact_in_fields import FactInFields
  from ..models.source_in import SourceIn





T = TypeVar("T", bound="FactIn")



@_attrs_define
class FactIn:
    """ 
        Attributes:
            kind (str):
            date (str):
            sources (list[SourceIn]):
            company (None | str | Unset):
            market (None | str | Unset):
            venue (None | str | Unset):
            fields (FactInFields | Unset):
            summary (None | str | Unset):
     """

    kind: str
    date: str
    sources: list[SourceIn]
    company: None | str | Unset = UNSET
    market: None | str | Unset = UNSET
    venue: None | str | Unset = UNSET
    fields: FactInFields | Unset = UNSET
    summary: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.fact_in_fields import FactInFields # noqa: PLC0415
        from ..models.source_in import SourceIn # noqa: PLC0415
        kind = self.kind

        date = self.date

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)



        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        market: None | str | Unset
        if isinstance(self.market, Unset):
            market = UNSET
        else:
            market = self.market

        venue: None | str | Unset
        if isinstance(self.venue, Unset):
            venue = UNSET
        else:
            venue = self.venue

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "date": date,
            "sources": sources,
        })
        if company is not UNSET:
            field_dict["company"] = company
        if market is not UNSET:
            field_dict["market"] = market
        if venue is not UNSET:
            field_dict["venue"] = venue
        if fields is not UNSET:
            field_dict["fields"] = fields
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact_in_fields import FactInFields # noqa: PLC0415
        from ..models.source_in import SourceIn # noqa: PLC0415
        d = dict(src_dict)
        kind = d.pop("kind")

        date = d.pop("date")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = SourceIn.from_dict(sources_item_data)



            sources.append(sources_item)


        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))


        def _parse_market(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        market = _parse_market(d.pop("market", UNSET))


        def _parse_venue(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        venue = _parse_venue(d.pop("venue", UNSET))


        _fields = d.pop("fields", UNSET)
        fields: FactInFields | Unset
        if isinstance(_fields,  Unset):
            fields = UNSET
        else:
            fields = FactInFields.from_dict(_fields)




        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))


        fact_in = cls(
            kind=kind,
            date=date,
            sources=sources,
            company=company,
            market=market,
            venue=venue,
            fields=fields,
            summary=summary,
        )

        return fact_in

