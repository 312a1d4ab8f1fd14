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
  from ..models.listing_cohort import ListingCohort
  from ..models.log_point import LogPoint





T = TypeVar("T", bound="TimeToListing")



@_attrs_define
class TimeToListing:
    """ 
        Attributes:
            as_of (datetime.date):
            known_at (int | None):
            published_by (datetime.date | None):
            certain_only (bool):
            venue (str):
            start (str):
            cohort (str):
            confidence (float):
            method (str):
            dates (str):
            cohorts (list[ListingCohort]):
            overall (ListingCohort):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    as_of: datetime.date
    known_at: int | None
    published_by: datetime.date | None
    certain_only: bool
    venue: str
    start: str
    cohort: str
    confidence: float
    method: str
    dates: str
    cohorts: list[ListingCohort]
    overall: ListingCohort
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.listing_cohort import ListingCohort # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        as_of = self.as_of.isoformat()

        known_at: int | None
        known_at = self.known_at

        published_by: None | str
        if isinstance(self.published_by, datetime.date):
            published_by = self.published_by.isoformat()
        else:
            published_by = self.published_by

        certain_only = self.certain_only

        venue = self.venue

        start = self.start

        cohort = self.cohort

        confidence = self.confidence

        method = self.method

        dates = self.dates

        cohorts = []
        for cohorts_item_data in self.cohorts:
            cohorts_item = cohorts_item_data.to_dict()
            cohorts.append(cohorts_item)



        overall = self.overall.to_dict()

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
            "venue": venue,
            "start": start,
            "cohort": cohort,
            "confidence": confidence,
            "method": method,
            "dates": dates,
            "cohorts": cohorts,
            "overall": overall,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.listing_cohort import ListingCohort # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
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

        venue = d.pop("venue")

        start = d.pop("start")

        cohort = d.pop("cohort")

        confidence = d.pop("confidence")

        method = d.pop("method")

        dates = d.pop("dates")

        cohorts = []
        _cohorts = d.pop("cohorts")
        for cohorts_item_data in (_cohorts):
            cohorts_item = ListingCohort.from_dict(cohorts_item_data)



            cohorts.append(cohorts_item)


        overall = ListingCohort.from_dict(d.pop("overall"))




        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        time_to_listing = cls(
            as_of=as_of,
            known_at=known_at,
            published_by=published_by,
            certain_only=certain_only,
            venue=venue,
            start=start,
            cohort=cohort,
            confidence=confidence,
            method=method,
            dates=dates,
            cohorts=cohorts,
            overall=overall,
            basis=basis,
        )


        time_to_listing.additional_properties = d
        return time_to_listing

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
