from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CurvePoint")



@_attrs_define
class CurvePoint:
    """ The Kaplan-Meier curve just after ``day`` (days from the start fact) and who was at risk just before it.

        Attributes:
            day (float):
            survival (float):
            lower (float):
            upper (float):
            at_risk (int):
     """

    day: float
    survival: float
    lower: float
    upper: float
    at_risk: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        day = self.day

        survival = self.survival

        lower = self.lower

        upper = self.upper

        at_risk = self.at_risk


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "day": day,
            "survival": survival,
            "lower": lower,
            "upper": upper,
            "at_risk": at_risk,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        day = d.pop("day")

        survival = d.pop("survival")

        lower = d.pop("lower")

        upper = d.pop("upper")

        at_risk = d.pop("at_risk")

        curve_point = cls(
            day=day,
            survival=survival,
            lower=lower,
            upper=upper,
            at_risk=at_risk,
        )


        curve_point.additional_properties = d
        return curve_point

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
