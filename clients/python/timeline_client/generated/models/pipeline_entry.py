from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.day_span import DaySpan





T = TypeVar("T", bound="PipelineEntry")



@_attrs_define
class PipelineEntry:
    """ 
        Attributes:
            last_reported (DaySpan | None):
            days_since_reported (int | None):
            stale (bool):
            venue (str):
            stage (str):
            suspended (bool):
            since (DaySpan): A fuzzy date: its canonical text and the first and last day it may mean.
            certain (bool):
            fact_id (str):
            company_id (str):
            company (str):
            aliases (list[str]):
            sector (None | str):
            name_en (None | str | Unset):
            name_zh (None | str | Unset):
            short_name_zh (None | str | Unset):
            stock_codes (list[str] | Unset):
     """

    last_reported: DaySpan | None
    days_since_reported: int | None
    stale: bool
    venue: str
    stage: str
    suspended: bool
    since: DaySpan
    certain: bool
    fact_id: str
    company_id: str
    company: str
    aliases: list[str]
    sector: None | str
    name_en: None | str | Unset = UNSET
    name_zh: None | str | Unset = UNSET
    short_name_zh: None | str | Unset = UNSET
    stock_codes: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.day_span import DaySpan # noqa: PLC0415
        last_reported: dict[str, Any] | None
        if isinstance(self.last_reported, DaySpan):
            last_reported = self.last_reported.to_dict()
        else:
            last_reported = self.last_reported

        days_since_reported: int | None
        days_since_reported = self.days_since_reported

        stale = self.stale

        venue = self.venue

        stage = self.stage

        suspended = self.suspended

        since = self.since.to_dict()

        certain = self.certain

        fact_id = self.fact_id

        company_id = self.company_id

        company = self.company

        aliases = self.aliases



        sector: None | str
        sector = self.sector

        name_en: None | str | Unset
        if isinstance(self.name_en, Unset):
            name_en = UNSET
        else:
            name_en = self.name_en

        name_zh: None | str | Unset
        if isinstance(self.name_zh, Unset):
            name_zh = UNSET
        else:
            name_zh = self.name_zh

        short_name_zh: None | str | Unset
        if isinstance(self.short_name_zh, Unset):
            short_name_zh = UNSET
        else:
            short_name_zh = self.short_name_zh

        stock_codes: list[str] | Unset = UNSET
        if not isinstance(self.stock_codes, Unset):
            stock_codes = self.stock_codes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "last_reported": last_reported,
            "days_since_reported": days_since_reported,
            "stale": stale,
            "venue": venue,
            "stage": stage,
            "suspended": suspended,
            "since": since,
            "certain": certain,
            "fact_id": fact_id,
            "company_id": company_id,
            "company": company,
            "aliases": aliases,
            "sector": sector,
        })
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if name_zh is not UNSET:
            field_dict["name_zh"] = name_zh
        if short_name_zh is not UNSET:
            field_dict["short_name_zh"] = short_name_zh
        if stock_codes is not UNSET:
            field_dict["stock_codes"] = stock_codes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day_span import DaySpan # noqa: PLC0415
        d = dict(src_dict)
        def _parse_last_reported(data: object) -> DaySpan | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_reported_type_0 = DaySpan.from_dict(data)



                return last_reported_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DaySpan | None, data)

        last_reported = _parse_last_reported(d.pop("last_reported"))


        def _parse_days_since_reported(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        days_since_reported = _parse_days_since_reported(d.pop("days_since_reported"))


        stale = d.pop("stale")

        venue = d.pop("venue")

        stage = d.pop("stage")

        suspended = d.pop("suspended")

        since = DaySpan.from_dict(d.pop("since"))




        certain = d.pop("certain")

        fact_id = d.pop("fact_id")

        company_id = d.pop("company_id")

        company = d.pop("company")

        aliases = cast(list[str], d.pop("aliases"))


        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))


        def _parse_name_en(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name_en = _parse_name_en(d.pop("name_en", UNSET))


        def _parse_name_zh(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name_zh = _parse_name_zh(d.pop("name_zh", UNSET))


        def _parse_short_name_zh(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        short_name_zh = _parse_short_name_zh(d.pop("short_name_zh", UNSET))


        stock_codes = cast(list[str], d.pop("stock_codes", UNSET))


        pipeline_entry = cls(
            last_reported=last_reported,
            days_since_reported=days_since_reported,
            stale=stale,
            venue=venue,
            stage=stage,
            suspended=suspended,
            since=since,
            certain=certain,
            fact_id=fact_id,
            company_id=company_id,
            company=company,
            aliases=aliases,
            sector=sector,
            name_en=name_en,
            name_zh=name_zh,
            short_name_zh=short_name_zh,
            stock_codes=stock_codes,
        )


        pipeline_entry.additional_properties = d
        return pipeline_entry

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
