from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ProjectionHealth")



@_attrs_define
class ProjectionHealth:
    """ 
        Attributes:
            position (int):
            lag (int):
            stuck_at (int | Unset):
            error (str | Unset):
            since (str | Unset):
     """

    position: int
    lag: int
    stuck_at: int | Unset = UNSET
    error: str | Unset = UNSET
    since: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        position = self.position

        lag = self.lag

        stuck_at = self.stuck_at

        error = self.error

        since = self.since


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "lag": lag,
        })
        if stuck_at is not UNSET:
            field_dict["stuck_at"] = stuck_at
        if error is not UNSET:
            field_dict["error"] = error
        if since is not UNSET:
            field_dict["since"] = since

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position")

        lag = d.pop("lag")

        stuck_at = d.pop("stuck_at", UNSET)

        error = d.pop("error", UNSET)

        since = d.pop("since", UNSET)

        projection_health = cls(
            position=position,
            lag=lag,
            stuck_at=stuck_at,
            error=error,
            since=since,
        )


        projection_health.additional_properties = d
        return projection_health

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
