from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ReplicaHealth")



@_attrs_define
class ReplicaHealth:
    """ A read-only server's replica, as PostgreSQL reports it.

        Attributes:
            receiver (None | str):
            replay_paused (bool):
            received_lsn (None | str):
            replayed_lsn (None | str):
            replay_lag_bytes (int | None):
            replay_lag_seconds (float | None):
            last_replayed_at (None | str):
     """

    receiver: None | str
    replay_paused: bool
    received_lsn: None | str
    replayed_lsn: None | str
    replay_lag_bytes: int | None
    replay_lag_seconds: float | None
    last_replayed_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        receiver: None | str
        receiver = self.receiver

        replay_paused = self.replay_paused

        received_lsn: None | str
        received_lsn = self.received_lsn

        replayed_lsn: None | str
        replayed_lsn = self.replayed_lsn

        replay_lag_bytes: int | None
        replay_lag_bytes = self.replay_lag_bytes

        replay_lag_seconds: float | None
        replay_lag_seconds = self.replay_lag_seconds

        last_replayed_at: None | str
        last_replayed_at = self.last_replayed_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "receiver": receiver,
            "replay_paused": replay_paused,
            "received_lsn": received_lsn,
            "replayed_lsn": replayed_lsn,
            "replay_lag_bytes": replay_lag_bytes,
            "replay_lag_seconds": replay_lag_seconds,
            "last_replayed_at": last_replayed_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_receiver(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        receiver = _parse_receiver(d.pop("receiver"))


        replay_paused = d.pop("replay_paused")

        def _parse_received_lsn(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        received_lsn = _parse_received_lsn(d.pop("received_lsn"))


        def _parse_replayed_lsn(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        replayed_lsn = _parse_replayed_lsn(d.pop("replayed_lsn"))


        def _parse_replay_lag_bytes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        replay_lag_bytes = _parse_replay_lag_bytes(d.pop("replay_lag_bytes"))


        def _parse_replay_lag_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        replay_lag_seconds = _parse_replay_lag_seconds(d.pop("replay_lag_seconds"))


        def _parse_last_replayed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_replayed_at = _parse_last_replayed_at(d.pop("last_replayed_at"))


        replica_health = cls(
            receiver=receiver,
            replay_paused=replay_paused,
            received_lsn=received_lsn,
            replayed_lsn=replayed_lsn,
            replay_lag_bytes=replay_lag_bytes,
            replay_lag_seconds=replay_lag_seconds,
            last_replayed_at=last_replayed_at,
        )


        replica_health.additional_properties = d
        return replica_health

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
