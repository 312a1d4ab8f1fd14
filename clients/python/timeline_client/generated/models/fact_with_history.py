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
  from ..models.fact_with_history_fields import FactWithHistoryFields
  from ..models.history_step import HistoryStep
  from ..models.log_point import LogPoint
  from ..models.source import Source





T = TypeVar("T", bound="FactWithHistory")



@_attrs_define
class FactWithHistory:
    """ 
        Attributes:
            fact_id (str):
            kind (str):
            subject_type (str):
            company_id (None | str):
            company (None | str):
            market (None | str):
            venue (None | str):
            date (str):
            date_raw (str):
            earliest (datetime.date):
            latest (datetime.date):
            fields (FactWithHistoryFields):
            summary (None | str):
            sources (list[Source]):
            public_from (datetime.date):
            retracted (bool):
            history (list[HistoryStep]):
            certain (bool | Unset):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    fact_id: str
    kind: str
    subject_type: str
    company_id: None | str
    company: None | str
    market: None | str
    venue: None | str
    date: str
    date_raw: str
    earliest: datetime.date
    latest: datetime.date
    fields: FactWithHistoryFields
    summary: None | str
    sources: list[Source]
    public_from: datetime.date
    retracted: bool
    history: list[HistoryStep]
    certain: bool | Unset = UNSET
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fact_with_history_fields import FactWithHistoryFields # noqa: PLC0415
        from ..models.history_step import HistoryStep # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.source import Source # noqa: PLC0415
        fact_id = self.fact_id

        kind = self.kind

        subject_type = self.subject_type

        company_id: None | str
        company_id = self.company_id

        company: None | str
        company = self.company

        market: None | str
        market = self.market

        venue: None | str
        venue = self.venue

        date = self.date

        date_raw = self.date_raw

        earliest = self.earliest.isoformat()

        latest = self.latest.isoformat()

        fields = self.fields.to_dict()

        summary: None | str
        summary = self.summary

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)



        public_from = self.public_from.isoformat()

        retracted = self.retracted

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)



        certain = self.certain

        basis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fact_id": fact_id,
            "kind": kind,
            "subject_type": subject_type,
            "company_id": company_id,
            "company": company,
            "market": market,
            "venue": venue,
            "date": date,
            "date_raw": date_raw,
            "earliest": earliest,
            "latest": latest,
            "fields": fields,
            "summary": summary,
            "sources": sources,
            "public_from": public_from,
            "retracted": retracted,
            "history": history,
        })
        if certain is not UNSET:
            field_dict["certain"] = certain
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact_with_history_fields import FactWithHistoryFields # noqa: PLC0415
        from ..models.history_step import HistoryStep # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.source import Source # noqa: PLC0415
        d = dict(src_dict)
        fact_id = d.pop("fact_id")

        kind = d.pop("kind")

        subject_type = d.pop("subject_type")

        def _parse_company_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        company_id = _parse_company_id(d.pop("company_id"))


        def _parse_company(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        company = _parse_company(d.pop("company"))


        def _parse_market(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        market = _parse_market(d.pop("market"))


        def _parse_venue(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        venue = _parse_venue(d.pop("venue"))


        date = d.pop("date")

        date_raw = d.pop("date_raw")

        earliest = datetime.date.fromisoformat(d.pop("earliest"))




        latest = datetime.date.fromisoformat(d.pop("latest"))




        fields = FactWithHistoryFields.from_dict(d.pop("fields"))




        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))


        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = Source.from_dict(sources_item_data)



            sources.append(sources_item)


        public_from = datetime.date.fromisoformat(d.pop("public_from"))




        retracted = d.pop("retracted")

        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = HistoryStep.from_dict(history_item_data)



            history.append(history_item)


        certain = d.pop("certain", UNSET)

        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        fact_with_history = cls(
            fact_id=fact_id,
            kind=kind,
            subject_type=subject_type,
            company_id=company_id,
            company=company,
            market=market,
            venue=venue,
            date=date,
            date_raw=date_raw,
            earliest=earliest,
            latest=latest,
            fields=fields,
            summary=summary,
            sources=sources,
            public_from=public_from,
            retracted=retracted,
            history=history,
            certain=certain,
            basis=basis,
        )


        fact_with_history.additional_properties = d
        return fact_with_history

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
