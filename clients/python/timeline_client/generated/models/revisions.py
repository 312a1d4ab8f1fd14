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
  from ..models.revision import Revision
  from ..models.revisions_counts import RevisionsCounts





T = TypeVar("T", bound="Revisions")



@_attrs_define
class Revisions:
    """ 
        Attributes:
            as_of (datetime.date):
            published_by (datetime.date | None):
            published_since (datetime.date | None):
            published_until (datetime.date | None):
            since (LogPoint): A knowledge time: a log position and the system time recorded there (null before the first
                event).
            until (LogPoint): A knowledge time: a log position and the system time recorded there (null before the first
                event).
            changes (list[Revision]):
            counts (RevisionsCounts):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    as_of: datetime.date
    published_by: datetime.date | None
    published_since: datetime.date | None
    published_until: datetime.date | None
    since: LogPoint
    until: LogPoint
    changes: list[Revision]
    counts: RevisionsCounts
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.revision import Revision # noqa: PLC0415
        from ..models.revisions_counts import RevisionsCounts # noqa: PLC0415
        as_of = self.as_of.isoformat()

        published_by: None | str
        if isinstance(self.published_by, datetime.date):
            published_by = self.published_by.isoformat()
        else:
            published_by = self.published_by

        published_since: None | str
        if isinstance(self.published_since, datetime.date):
            published_since = self.published_since.isoformat()
        else:
            published_since = self.published_since

        published_until: None | str
        if isinstance(self.published_until, datetime.date):
            published_until = self.published_until.isoformat()
        else:
            published_until = self.published_until

        since = self.since.to_dict()

        until = self.until.to_dict()

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)



        counts = self.counts.to_dict()

        basis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "published_by": published_by,
            "published_since": published_since,
            "published_until": published_until,
            "since": since,
            "until": until,
            "changes": changes,
            "counts": counts,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.revision import Revision # noqa: PLC0415
        from ..models.revisions_counts import RevisionsCounts # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




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


        def _parse_published_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_since_type_0 = datetime.date.fromisoformat(data)



                return published_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        published_since = _parse_published_since(d.pop("published_since"))


        def _parse_published_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_until_type_0 = datetime.date.fromisoformat(data)



                return published_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        published_until = _parse_published_until(d.pop("published_until"))


        since = LogPoint.from_dict(d.pop("since"))




        until = LogPoint.from_dict(d.pop("until"))




        changes = []
        _changes = d.pop("changes")
        for changes_item_data in (_changes):
            changes_item = Revision.from_dict(changes_item_data)



            changes.append(changes_item)


        counts = RevisionsCounts.from_dict(d.pop("counts"))




        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        revisions = cls(
            as_of=as_of,
            published_by=published_by,
            published_since=published_since,
            published_until=published_until,
            since=since,
            until=until,
            changes=changes,
            counts=counts,
            basis=basis,
        )


        revisions.additional_properties = d
        return revisions

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
