from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Span")



@_attrs_define
class Span:
    """ 
        Attributes:
            company_id (str):
            company (str):
            venue (str):
            attempt (int):
            from_ (str):
            to (str):
            from_date (str):
            to_date (str):
            days (float):
            min_days (int):
            max_days (int):
            certain (bool):
            year (int):
            name_en (None | str | Unset):
            name_zh (None | str | Unset):
            short_name_zh (None | str | Unset):
            stock_codes (list[str] | Unset):
     """

    company_id: str
    company: str
    venue: str
    attempt: int
    from_: str
    to: str
    from_date: str
    to_date: str
    days: float
    min_days: int
    max_days: int
    certain: bool
    year: int
    name_en: None | str | Unset = UNSET
    name_zh: None | str | Unset = UNSET
    short_name_zh: None | str | Unset = UNSET
    stock_codes: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        company_id = self.company_id

        company = self.company

        venue = self.venue

        attempt = self.attempt

        from_ = self.from_

        to = self.to

        from_date = self.from_date

        to_date = self.to_date

        days = self.days

        min_days = self.min_days

        max_days = self.max_days

        certain = self.certain

        year = self.year

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
            "company_id": company_id,
            "company": company,
            "venue": venue,
            "attempt": attempt,
            "from": from_,
            "to": to,
            "from_date": from_date,
            "to_date": to_date,
            "days": days,
            "min_days": min_days,
            "max_days": max_days,
            "certain": certain,
            "year": year,
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
        d = dict(src_dict)
        company_id = d.pop("company_id")

        company = d.pop("company")

        venue = d.pop("venue")

        attempt = d.pop("attempt")

        from_ = d.pop("from")

        to = d.pop("to")

        from_date = d.pop("from_date")

        to_date = d.pop("to_date")

        days = d.pop("days")

        min_days = d.pop("min_days")

        max_days = d.pop("max_days")

        certain = d.pop("certain")

        year = d.pop("year")

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


        span = cls(
            company_id=company_id,
            company=company,
            venue=venue,
            attempt=attempt,
            from_=from_,
            to=to,
            from_date=from_date,
            to_date=to_date,
            days=days,
            min_days=min_days,
            max_days=max_days,
            certain=certain,
            year=year,
            name_en=name_en,
            name_zh=name_zh,
            short_name_zh=short_name_zh,
            stock_codes=stock_codes,
        )


        span.additional_properties = d
        return span

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
