from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="PanelRow")



@_attrs_define
class PanelRow:
    """ 
        Attributes:
            date (datetime.date):
            company_id (str):
            company (str):
            venue (str):
            stage_as_published (None | str):
            certain_as_published (bool | None):
            stage_hindsight (None | str):
            certain_hindsight (bool | None):
            leak (bool):
     """

    date: datetime.date
    company_id: str
    company: str
    venue: str
    stage_as_published: None | str
    certain_as_published: bool | None
    stage_hindsight: None | str
    certain_hindsight: bool | None
    leak: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        company_id = self.company_id

        company = self.company

        venue = self.venue

        stage_as_published: None | str
        stage_as_published = self.stage_as_published

        certain_as_published: bool | None
        certain_as_published = self.certain_as_published

        stage_hindsight: None | str
        stage_hindsight = self.stage_hindsight

        certain_hindsight: bool | None
        certain_hindsight = self.certain_hindsight

        leak = self.leak


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "date": date,
            "company_id": company_id,
            "company": company,
            "venue": venue,
            "stage_as_published": stage_as_published,
            "certain_as_published": certain_as_published,
            "stage_hindsight": stage_hindsight,
            "certain_hindsight": certain_hindsight,
            "leak": leak,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        company_id = d.pop("company_id")

        company = d.pop("company")

        venue = d.pop("venue")

        def _parse_stage_as_published(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stage_as_published = _parse_stage_as_published(d.pop("stage_as_published"))


        def _parse_certain_as_published(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        certain_as_published = _parse_certain_as_published(d.pop("certain_as_published"))


        def _parse_stage_hindsight(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stage_hindsight = _parse_stage_hindsight(d.pop("stage_hindsight"))


        def _parse_certain_hindsight(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        certain_hindsight = _parse_certain_hindsight(d.pop("certain_hindsight"))


        leak = d.pop("leak")

        panel_row = cls(
            date=date,
            company_id=company_id,
            company=company,
            venue=venue,
            stage_as_published=stage_as_published,
            certain_as_published=certain_as_published,
            stage_hindsight=stage_hindsight,
            certain_hindsight=certain_hindsight,
            leak=leak,
        )


        panel_row.additional_properties = d
        return panel_row

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
