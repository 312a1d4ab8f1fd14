from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.money import Money





T = TypeVar("T", bound="Valuation")



@_attrs_define
class Valuation:
    """ 
        Attributes:
            valuation (Money):
            date (str):
            certain (bool):
            fact_id (str):
     """

    valuation: Money
    date: str
    certain: bool
    fact_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money # noqa: PLC0415
        valuation = self.valuation.to_dict()

        date = self.date

        certain = self.certain

        fact_id = self.fact_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "valuation": valuation,
            "date": date,
            "certain": certain,
            "fact_id": fact_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money # noqa: PLC0415
        d = dict(src_dict)
        valuation = Money.from_dict(d.pop("valuation"))




        date = d.pop("date")

        certain = d.pop("certain")

        fact_id = d.pop("fact_id")

        valuation = cls(
            valuation=valuation,
            date=date,
            certain=certain,
            fact_id=fact_id,
        )


        valuation.additional_properties = d
        return valuation

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
