from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.delivery_made import DeliveryMade
  from ..models.subscription_scope import SubscriptionScope





T = TypeVar("T", bound="SubscriptionState")



@_attrs_define
class SubscriptionState:
    """ 
        Attributes:
            subscription_id (str):
            query (str):
            url (str):
            scope (SubscriptionScope):
            created_position (int):
            ended_position (int | None):
            delivered_position (int):
            pending (DeliveryMade | None):
            attempts (int):
            next_attempt_at (None | str):
            parked (bool):
            last_error (None | str):
            last_attempt_at (None | str):
            last_delivered_at (None | str):
            deliveries (list[DeliveryMade]):
     """

    subscription_id: str
    query: str
    url: str
    scope: SubscriptionScope
    created_position: int
    ended_position: int | None
    delivered_position: int
    pending: DeliveryMade | None
    attempts: int
    next_attempt_at: None | str
    parked: bool
    last_error: None | str
    last_attempt_at: None | str
    last_delivered_at: None | str
    deliveries: list[DeliveryMade]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.delivery_made import DeliveryMade # noqa: PLC0415
        from ..models.subscription_scope import SubscriptionScope # noqa: PLC0415
        subscription_id = self.subscription_id

        query = self.query

        url = self.url

        scope = self.scope.to_dict()

        created_position = self.created_position

        ended_position: int | None
        ended_position = self.ended_position

        delivered_position = self.delivered_position

        pending: dict[str, Any] | None
        if isinstance(self.pending, DeliveryMade):
            pending = self.pending.to_dict()
        else:
            pending = self.pending

        attempts = self.attempts

        next_attempt_at: None | str
        next_attempt_at = self.next_attempt_at

        parked = self.parked

        last_error: None | str
        last_error = self.last_error

        last_attempt_at: None | str
        last_attempt_at = self.last_attempt_at

        last_delivered_at: None | str
        last_delivered_at = self.last_delivered_at

        deliveries = []
        for deliveries_item_data in self.deliveries:
            deliveries_item = deliveries_item_data.to_dict()
            deliveries.append(deliveries_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "subscription_id": subscription_id,
            "query": query,
            "url": url,
            "scope": scope,
            "created_position": created_position,
            "ended_position": ended_position,
            "delivered_position": delivered_position,
            "pending": pending,
            "attempts": attempts,
            "next_attempt_at": next_attempt_at,
            "parked": parked,
            "last_error": last_error,
            "last_attempt_at": last_attempt_at,
            "last_delivered_at": last_delivered_at,
            "deliveries": deliveries,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_made import DeliveryMade # noqa: PLC0415
        from ..models.subscription_scope import SubscriptionScope # noqa: PLC0415
        d = dict(src_dict)
        subscription_id = d.pop("subscription_id")

        query = d.pop("query")

        url = d.pop("url")

        scope = SubscriptionScope.from_dict(d.pop("scope"))




        created_position = d.pop("created_position")

        def _parse_ended_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        ended_position = _parse_ended_position(d.pop("ended_position"))


        delivered_position = d.pop("delivered_position")

        def _parse_pending(data: object) -> DeliveryMade | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pending_type_0 = DeliveryMade.from_dict(data)



                return pending_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeliveryMade | None, data)

        pending = _parse_pending(d.pop("pending"))


        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        parked = d.pop("parked")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        def _parse_last_attempt_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at"))


        def _parse_last_delivered_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_delivered_at = _parse_last_delivered_at(d.pop("last_delivered_at"))


        deliveries = []
        _deliveries = d.pop("deliveries")
        for deliveries_item_data in (_deliveries):
            deliveries_item = DeliveryMade.from_dict(deliveries_item_data)



            deliveries.append(deliveries_item)


        subscription_state = cls(
            subscription_id=subscription_id,
            query=query,
            url=url,
            scope=scope,
            created_position=created_position,
            ended_position=ended_position,
            delivered_position=delivered_position,
            pending=pending,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            parked=parked,
            last_error=last_error,
            last_attempt_at=last_attempt_at,
            last_delivered_at=last_delivered_at,
            deliveries=deliveries,
        )


        subscription_state.additional_properties = d
        return subscription_state

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
