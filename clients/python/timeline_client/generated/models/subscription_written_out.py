from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SubscriptionWrittenOut")



@_attrs_define
class SubscriptionWrittenOut:
    """ 
        Attributes:
            position (int): Log position of the write (of the first such write, for a retry)
            appended (bool): False when the write was already in the log (a retry or a known fact)
            subscription_id (str):
     """

    position: int
    appended: bool
    subscription_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        position = self.position

        appended = self.appended

        subscription_id = self.subscription_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "appended": appended,
            "subscription_id": subscription_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position")

        appended = d.pop("appended")

        subscription_id = d.pop("subscription_id")

        subscription_written_out = cls(
            position=position,
            appended=appended,
            subscription_id=subscription_id,
        )


        subscription_written_out.additional_properties = d
        return subscription_written_out

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
