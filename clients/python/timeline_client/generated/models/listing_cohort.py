from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.curve_point import CurvePoint
  from ..models.listing_cohort_exits import ListingCohortExits
  from ..models.listing_span import ListingSpan
  from ..models.median_bounds import MedianBounds
  from ..models.median_interval import MedianInterval





T = TypeVar("T", bound="ListingCohort")



@_attrs_define
class ListingCohort:
    """ 
        Attributes:
            cohort (str):
            at_risk (int):
            listed (int):
            censored (int):
            exited (int):
            exits (ListingCohortExits):
            fuzzy (int):
            median_days (float | None):
            median_days_ci (MedianInterval):
            median_days_bounds (MedianBounds): The median with every span at its certain shortest (min_days) or longest
                (max_days): how far fuzzy dates
                could move it.
            curve (list[CurvePoint]):
            spans (list[ListingSpan]):
     """

    cohort: str
    at_risk: int
    listed: int
    censored: int
    exited: int
    exits: ListingCohortExits
    fuzzy: int
    median_days: float | None
    median_days_ci: MedianInterval
    median_days_bounds: MedianBounds
    curve: list[CurvePoint]
    spans: list[ListingSpan]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.curve_point import CurvePoint # noqa: PLC0415
        from ..models.listing_cohort_exits import ListingCohortExits # noqa: PLC0415
        from ..models.listing_span import ListingSpan # noqa: PLC0415
        from ..models.median_bounds import MedianBounds # noqa: PLC0415
        from ..models.median_interval import MedianInterval # noqa: PLC0415
        cohort = self.cohort

        at_risk = self.at_risk

        listed = self.listed

        censored = self.censored

        exited = self.exited

        exits = self.exits.to_dict()

        fuzzy = self.fuzzy

        median_days: float | None
        median_days = self.median_days

        median_days_ci = self.median_days_ci.to_dict()

        median_days_bounds = self.median_days_bounds.to_dict()

        curve = []
        for curve_item_data in self.curve:
            curve_item = curve_item_data.to_dict()
            curve.append(curve_item)



        spans = []
        for spans_item_data in self.spans:
            spans_item = spans_item_data.to_dict()
            spans.append(spans_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cohort": cohort,
            "at_risk": at_risk,
            "listed": listed,
            "censored": censored,
            "exited": exited,
            "exits": exits,
            "fuzzy": fuzzy,
            "median_days": median_days,
            "median_days_ci": median_days_ci,
            "median_days_bounds": median_days_bounds,
            "curve": curve,
            "spans": spans,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.curve_point import CurvePoint # noqa: PLC0415
        from ..models.listing_cohort_exits import ListingCohortExits # noqa: PLC0415
        from ..models.listing_span import ListingSpan # noqa: PLC0415
        from ..models.median_bounds import MedianBounds # noqa: PLC0415
        from ..models.median_interval import MedianInterval # noqa: PLC0415
        d = dict(src_dict)
        cohort = d.pop("cohort")

        at_risk = d.pop("at_risk")

        listed = d.pop("listed")

        censored = d.pop("censored")

        exited = d.pop("exited")

        exits = ListingCohortExits.from_dict(d.pop("exits"))




        fuzzy = d.pop("fuzzy")

        def _parse_median_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_days = _parse_median_days(d.pop("median_days"))


        median_days_ci = MedianInterval.from_dict(d.pop("median_days_ci"))




        median_days_bounds = MedianBounds.from_dict(d.pop("median_days_bounds"))




        curve = []
        _curve = d.pop("curve")
        for curve_item_data in (_curve):
            curve_item = CurvePoint.from_dict(curve_item_data)



            curve.append(curve_item)


        spans = []
        _spans = d.pop("spans")
        for spans_item_data in (_spans):
            spans_item = ListingSpan.from_dict(spans_item_data)



            spans.append(spans_item)


        listing_cohort = cls(
            cohort=cohort,
            at_risk=at_risk,
            listed=listed,
            censored=censored,
            exited=exited,
            exits=exits,
            fuzzy=fuzzy,
            median_days=median_days,
            median_days_ci=median_days_ci,
            median_days_bounds=median_days_bounds,
            curve=curve,
            spans=spans,
        )


        listing_cohort.additional_properties = d
        return listing_cohort

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
