from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SubscriptionScope")



@_attrs_define
class SubscriptionScope:
    """ 
        Attributes:
            company_id (None | str):
            venue (None | str):
            stage (None | str):
            as_of (None | str):
            published_by (None | str):
            certain_only (bool):
     """

    company_id: None | str
    venue: None | str
    stage: None | str
    as_of: None | str
    published_by: None | str
    certain_only: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        company_id: None | str
        company_id = self.company_id

        venue: None | str
        venue = self.venue

        stage: None | str
        stage = self.stage

        as_of: None | str
        as_of = self.as_of

        published_by: None | str
        published_by = self.published_by

        certain_only = self.certain_only


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company_id": company_id,
            "venue": venue,
            "stage": stage,
            "as_of": as_of,
            "published_by": published_by,
            "certain_only": certain_only,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_company_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        company_id = _parse_company_id(d.pop("company_id"))


        def _parse_venue(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        venue = _parse_venue(d.pop("venue"))


        def _parse_stage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stage = _parse_stage(d.pop("stage"))


        def _parse_as_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        as_of = _parse_as_of(d.pop("as_of"))


        def _parse_published_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        published_by = _parse_published_by(d.pop("published_by"))


        certain_only = d.pop("certain_only")

        subscription_scope = cls(
            company_id=company_id,
            venue=venue,
            stage=stage,
            as_of=as_of,
            published_by=published_by,
            certain_only=certain_only,
        )


        subscription_scope.additional_properties = d
        return subscription_scope

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
