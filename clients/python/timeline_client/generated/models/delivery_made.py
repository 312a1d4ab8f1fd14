from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="DeliveryMade")



@_attrs_define
class DeliveryMade:
    """ 
        Attributes:
            delivery_id (str):
            since (int):
            position (int):
            made_at (str):
            attempts (int):
            delivered_at (None | str):
     """

    delivery_id: str
    since: int
    position: int
    made_at: str
    attempts: int
    delivered_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        delivery_id = self.delivery_id

        since = self.since

        position = self.position

        made_at = self.made_at

        attempts = self.attempts

        delivered_at: None | str
        delivered_at = self.delivered_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "delivery_id": delivery_id,
            "since": since,
            "position": position,
            "made_at": made_at,
            "attempts": attempts,
            "delivered_at": delivered_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivery_id = d.pop("delivery_id")

        since = d.pop("since")

        position = d.pop("position")

        made_at = d.pop("made_at")

        attempts = d.pop("attempts")

        def _parse_delivered_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))


        delivery_made = cls(
            delivery_id=delivery_id,
            since=since,
            position=position,
            made_at=made_at,
            attempts=attempts,
            delivered_at=delivered_at,
        )


        delivery_made.additional_properties = d
        return delivery_made

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
