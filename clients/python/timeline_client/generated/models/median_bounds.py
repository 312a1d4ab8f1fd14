from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="MedianBounds")



@_attrs_define
class MedianBounds:
    """ The median with every span at its certain shortest (min_days) or longest (max_days): how far fuzzy dates
    could move it.

        Attributes:
            shortest (float | None):
            longest (float | None):
     """

    shortest: float | None
    longest: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        shortest: float | None
        shortest = self.shortest

        longest: float | None
        longest = self.longest


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "shortest": shortest,
            "longest": longest,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_shortest(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        shortest = _parse_shortest(d.pop("shortest"))


        def _parse_longest(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        longest = _parse_longest(d.pop("longest"))


        median_bounds = cls(
            shortest=shortest,
            longest=longest,
        )


        median_bounds.additional_properties = d
        return median_bounds

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
