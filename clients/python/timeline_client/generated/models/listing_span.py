from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ListingSpan")



@_attrs_define
class ListingSpan:
    """ One attempt from its start fact to its listing, its exit, or as_of.

        Attributes:
            company_id (str):
            company (str):
            attempt (int):
            start (str):
            end (None | str):
            outcome (str):
            days (float):
            min_days (int):
            max_days (int):
            certain (bool):
     """

    company_id: str
    company: str
    attempt: int
    start: str
    end: None | str
    outcome: str
    days: float
    min_days: int
    max_days: int
    certain: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        company_id = self.company_id

        company = self.company

        attempt = self.attempt

        start = self.start

        end: None | str
        end = self.end

        outcome = self.outcome

        days = self.days

        min_days = self.min_days

        max_days = self.max_days

        certain = self.certain


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company_id": company_id,
            "company": company,
            "attempt": attempt,
            "start": start,
            "end": end,
            "outcome": outcome,
            "days": days,
            "min_days": min_days,
            "max_days": max_days,
            "certain": certain,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_id = d.pop("company_id")

        company = d.pop("company")

        attempt = d.pop("attempt")

        start = d.pop("start")

        def _parse_end(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end = _parse_end(d.pop("end"))


        outcome = d.pop("outcome")

        days = d.pop("days")

        min_days = d.pop("min_days")

        max_days = d.pop("max_days")

        certain = d.pop("certain")

        listing_span = cls(
            company_id=company_id,
            company=company,
            attempt=attempt,
            start=start,
            end=end,
            outcome=outcome,
            days=days,
            min_days=min_days,
            max_days=max_days,
            certain=certain,
        )


        listing_span.additional_properties = d
        return listing_span

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
