from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.health_projections import HealthProjections
  from ..models.replica_health import ReplicaHealth





T = TypeVar("T", bound="Health")



@_attrs_define
class Health:
    """ 
        Attributes:
            status (str):
            database (str):
            log_position (int | Unset):
            projection_position (int | Unset):
            projection_lag (int | Unset):
            catching_up (bool | Unset):
            projections (HealthProjections | Unset):
            replica (ReplicaHealth | Unset): A read-only server's replica, as PostgreSQL reports it.
            problems (list[str] | Unset):
     """

    status: str
    database: str
    log_position: int | Unset = UNSET
    projection_position: int | Unset = UNSET
    projection_lag: int | Unset = UNSET
    catching_up: bool | Unset = UNSET
    projections: HealthProjections | Unset = UNSET
    replica: ReplicaHealth | Unset = UNSET
    problems: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.health_projections import HealthProjections # noqa: PLC0415
        from ..models.replica_health import ReplicaHealth # noqa: PLC0415
        status = self.status

        database = self.database

        log_position = self.log_position

        projection_position = self.projection_position

        projection_lag = self.projection_lag

        catching_up = self.catching_up

        projections: dict[str, Any] | Unset = UNSET
        if not isinstance(self.projections, Unset):
            projections = self.projections.to_dict()

        replica: dict[str, Any] | Unset = UNSET
        if not isinstance(self.replica, Unset):
            replica = self.replica.to_dict()

        problems: list[str] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = self.problems




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "database": database,
        })
        if log_position is not UNSET:
            field_dict["log_position"] = log_position
        if projection_position is not UNSET:
            field_dict["projection_position"] = projection_position
        if projection_lag is not UNSET:
            field_dict["projection_lag"] = projection_lag
        if catching_up is not UNSET:
            field_dict["catching_up"] = catching_up
        if projections is not UNSET:
            field_dict["projections"] = projections
        if replica is not UNSET:
            field_dict["replica"] = replica
        if problems is not UNSET:
            field_dict["problems"] = problems

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.health_projections import HealthProjections # noqa: PLC0415
        from ..models.replica_health import ReplicaHealth # noqa: PLC0415
        d = dict(src_dict)
        status = d.pop("status")

        database = d.pop("database")

        log_position = d.pop("log_position", UNSET)

        projection_position = d.pop("projection_position", UNSET)

        projection_lag = d.pop("projection_lag", UNSET)

        catching_up = d.pop("catching_up", UNSET)

        _projections = d.pop("projections", UNSET)
        projections: HealthProjections | Unset
        if isinstance(_projections,  Unset):
            projections = UNSET
        else:
            projections = HealthProjections.from_dict(_projections)




        _replica = d.pop("replica", UNSET)
        replica: ReplicaHealth | Unset
        if isinstance(_replica,  Unset):
            replica = UNSET
        else:
            replica = ReplicaHealth.from_dict(_replica)




        problems = cast(list[str], d.pop("problems", UNSET))


        health = cls(
            status=status,
            database=database,
            log_position=log_position,
            projection_position=projection_position,
            projection_lag=projection_lag,
            catching_up=catching_up,
            projections=projections,
            replica=replica,
            problems=problems,
        )


        health.additional_properties = d
        return health

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
