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
  from ..models.span import Span
  from ..models.span_summary import SpanSummary





T = TypeVar("T", bound="TimeInStage")



@_attrs_define
class TimeInStage:
    """ 
        Attributes:
            as_of (datetime.date):
            spans (list[Span]):
            summary (list[SpanSummary]):
            next_cursor (None | str):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    as_of: datetime.date
    spans: list[Span]
    summary: list[SpanSummary]
    next_cursor: None | str
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.span import Span # noqa: PLC0415
        from ..models.span_summary import SpanSummary # noqa: PLC0415
        as_of = self.as_of.isoformat()

        spans = []
        for spans_item_data in self.spans:
            spans_item = spans_item_data.to_dict()
            spans.append(spans_item)



        summary = []
        for summary_item_data in self.summary:
            summary_item = summary_item_data.to_dict()
            summary.append(summary_item)



        next_cursor: None | str
        next_cursor = self.next_cursor

        basis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "spans": spans,
            "summary": summary,
            "next_cursor": next_cursor,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.span import Span # noqa: PLC0415
        from ..models.span_summary import SpanSummary # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        spans = []
        _spans = d.pop("spans")
        for spans_item_data in (_spans):
            spans_item = Span.from_dict(spans_item_data)



            spans.append(spans_item)


        summary = []
        _summary = d.pop("summary")
        for summary_item_data in (_summary):
            summary_item = SpanSummary.from_dict(summary_item_data)



            summary.append(summary_item)


        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        time_in_stage = cls(
            as_of=as_of,
            spans=spans,
            summary=summary,
            next_cursor=next_cursor,
            basis=basis,
        )


        time_in_stage.additional_properties = d
        return time_in_stage

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
