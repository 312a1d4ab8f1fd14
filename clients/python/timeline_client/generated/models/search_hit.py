from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SearchHit")



@_attrs_define
class SearchHit:
    """ 
        Attributes:
            company_id (str):
            name (str):
            matched (str):
            why (str):
            score (float):
     """

    company_id: str
    name: str
    matched: str
    why: str
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        company_id = self.company_id

        name = self.name

        matched = self.matched

        why = self.why

        score = self.score


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company_id": company_id,
            "name": name,
            "matched": matched,
            "why": why,
            "score": score,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_id = d.pop("company_id")

        name = d.pop("name")

        matched = d.pop("matched")

        why = d.pop("why")

        score = d.pop("score")

        search_hit = cls(
            company_id=company_id,
            name=name,
            matched=matched,
            why=why,
            score=score,
        )


        search_hit.additional_properties = d
        return search_hit

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
