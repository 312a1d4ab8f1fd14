from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DaySpan")



@_attrs_define
class DaySpan:
    """ A fuzzy date: its canonical text and the first and last day it may mean.

        Attributes:
            text (str):
            earliest (datetime.date):
            latest (datetime.date):
     """

    text: str
    earliest: datetime.date
    latest: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        text = self.text

        earliest = self.earliest.isoformat()

        latest = self.latest.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "text": text,
            "earliest": earliest,
            "latest": latest,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        earliest = datetime.date.fromisoformat(d.pop("earliest"))




        latest = datetime.date.fromisoformat(d.pop("latest"))




        day_span = cls(
            text=text,
            earliest=earliest,
            latest=latest,
        )


        day_span.additional_properties = d
        return day_span

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
