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
            name_en (None | str):
            name_zh (None | str):
            short_name_zh (None | str):
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
    name_en: None | str
    name_zh: None | str
    short_name_zh: None | str
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

        name_en: None | str
        name_en = self.name_en

        name_zh: None | str
        name_zh = self.name_zh

        short_name_zh: None | str
        short_name_zh = self.short_name_zh


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
            "name_en": name_en,
            "name_zh": name_zh,
            "short_name_zh": short_name_zh,
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

        def _parse_name_en(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name_en = _parse_name_en(d.pop("name_en"))


        def _parse_name_zh(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name_zh = _parse_name_zh(d.pop("name_zh"))


        def _parse_short_name_zh(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        short_name_zh = _parse_short_name_zh(d.pop("short_name_zh"))


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
            name_en=name_en,
            name_zh=name_zh,
            short_name_zh=short_name_zh,
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
