from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.log_point import LogPoint
  from ..models.pipeline_counts import PipelineCounts
  from ..models.pipeline_entry import PipelineEntry





T = TypeVar("T", bound="Pipeline")



@_attrs_define
class Pipeline:
    """ 
        Attributes:
            as_of (datetime.date):
            known_at (int | None):
            published_by (datetime.date | None):
            certain_only (bool):
            reported_since (datetime.date | None):
            total (int):
            counts (PipelineCounts):
            entries (list[PipelineEntry]):
            next_cursor (None | str):
            held_back (int | None):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    as_of: datetime.date
    known_at: int | None
    published_by: datetime.date | None
    certain_only: bool
    reported_since: datetime.date | None
    total: int
    counts: PipelineCounts
    entries: list[PipelineEntry]
    next_cursor: None | str
    held_back: int | None
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.pipeline_counts import PipelineCounts # noqa: PLC0415
        from ..models.pipeline_entry import PipelineEntry # noqa: PLC0415
        as_of = self.as_of.isoformat()

        known_at: int | None
        known_at = self.known_at

        published_by: None | str
        if isinstance(self.published_by, datetime.date):
            published_by = self.published_by.isoformat()
        else:
            published_by = self.published_by

        certain_only = self.certain_only

        reported_since: None | str
        if isinstance(self.reported_since, datetime.date):
            reported_since = self.reported_since.isoformat()
        else:
            reported_since = self.reported_since

        total = self.total

        counts = self.counts.to_dict()

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)



        next_cursor: None | str
        next_cursor = self.next_cursor

        held_back: int | None
        held_back = self.held_back

        basis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "known_at": known_at,
            "published_by": published_by,
            "certain_only": certain_only,
            "reported_since": reported_since,
            "total": total,
            "counts": counts,
            "entries": entries,
            "next_cursor": next_cursor,
            "held_back": held_back,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.pipeline_counts import PipelineCounts # noqa: PLC0415
        from ..models.pipeline_entry import PipelineEntry # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        def _parse_known_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        known_at = _parse_known_at(d.pop("known_at"))


        def _parse_published_by(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_by_type_0 = datetime.date.fromisoformat(data)



                return published_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        published_by = _parse_published_by(d.pop("published_by"))


        certain_only = d.pop("certain_only")

        def _parse_reported_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reported_since_type_0 = datetime.date.fromisoformat(data)



                return reported_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        reported_since = _parse_reported_since(d.pop("reported_since"))


        total = d.pop("total")

        counts = PipelineCounts.from_dict(d.pop("counts"))




        entries = []
        _entries = d.pop("entries")
        for entries_item_data in (_entries):
            entries_item = PipelineEntry.from_dict(entries_item_data)



            entries.append(entries_item)


        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        def _parse_held_back(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        held_back = _parse_held_back(d.pop("held_back"))


        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        pipeline = cls(
            as_of=as_of,
            known_at=known_at,
            published_by=published_by,
            certain_only=certain_only,
            reported_since=reported_since,
            total=total,
            counts=counts,
            entries=entries,
            next_cursor=next_cursor,
            held_back=held_back,
            basis=basis,
        )


        pipeline.additional_properties = d
        return pipeline

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
