from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SpanSummary")



@_attrs_define
class SpanSummary:
    """ 
        Attributes:
            venue (str):
            from_ (str):
            to (str):
            year (int):
            count (int):
            median (float):
            q1 (float):
            q3 (float):
            uncertain (int):
     """

    venue: str
    from_: str
    to: str
    year: int
    count: int
    median: float
    q1: float
    q3: float
    uncertain: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        venue = self.venue

        from_ = self.from_

        to = self.to

        year = self.year

        count = self.count

        median = self.median

        q1 = self.q1

        q3 = self.q3

        uncertain = self.uncertain


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "venue": venue,
            "from": from_,
            "to": to,
            "year": year,
            "count": count,
            "median": median,
            "q1": q1,
            "q3": q3,
            "uncertain": uncertain,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        venue = d.pop("venue")

        from_ = d.pop("from")

        to = d.pop("to")

        year = d.pop("year")

        count = d.pop("count")

        median = d.pop("median")

        q1 = d.pop("q1")

        q3 = d.pop("q3")

        uncertain = d.pop("uncertain")

        span_summary = cls(
            venue=venue,
            from_=from_,
            to=to,
            year=year,
            count=count,
            median=median,
            q1=q1,
            q3=q3,
            uncertain=uncertain,
        )


        span_summary.additional_properties = d
        return span_summary

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
