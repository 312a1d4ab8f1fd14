from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







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
