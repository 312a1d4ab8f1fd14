from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.day_span import DaySpan





T = TypeVar("T", bound="Change")



@_attrs_define
class Change:
    """ 
        Attributes:
            company_id (str):
            company (str):
            venue (str):
            from_ (None | str):
            to (None | str):
            since (DaySpan | None):
            certain (bool):
            name_en (None | str):
            name_zh (None | str):
            short_name_zh (None | str):
            stock_codes (list[str]):
     """

    company_id: str
    company: str
    venue: str
    from_: None | str
    to: None | str
    since: DaySpan | None
    certain: bool
    name_en: None | str
    name_zh: None | str
    short_name_zh: None | str
    stock_codes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.day_span import DaySpan # noqa: PLC0415
        company_id = self.company_id

        company = self.company

        venue = self.venue

        from_: None | str
        from_ = self.from_

        to: None | str
        to = self.to

        since: dict[str, Any] | None
        if isinstance(self.since, DaySpan):
            since = self.since.to_dict()
        else:
            since = self.since

        certain = self.certain

        name_en: None | str
        name_en = self.name_en

        name_zh: None | str
        name_zh = self.name_zh

        short_name_zh: None | str
        short_name_zh = self.short_name_zh

        stock_codes = self.stock_codes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company_id": company_id,
            "company": company,
            "venue": venue,
            "from": from_,
            "to": to,
            "since": since,
            "certain": certain,
            "name_en": name_en,
            "name_zh": name_zh,
            "short_name_zh": short_name_zh,
            "stock_codes": stock_codes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day_span import DaySpan # noqa: PLC0415
        d = dict(src_dict)
        company_id = d.pop("company_id")

        company = d.pop("company")

        venue = d.pop("venue")

        def _parse_from_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_ = _parse_from_(d.pop("from"))


        def _parse_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        to = _parse_to(d.pop("to"))


        def _parse_since(data: object) -> DaySpan | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                since_type_0 = DaySpan.from_dict(data)



                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DaySpan | None, data)

        since = _parse_since(d.pop("since"))


        certain = d.pop("certain")

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


        stock_codes = cast(list[str], d.pop("stock_codes"))


        change = cls(
            company_id=company_id,
            company=company,
            venue=venue,
            from_=from_,
            to=to,
            since=since,
            certain=certain,
            name_en=name_en,
            name_zh=name_zh,
            short_name_zh=short_name_zh,
            stock_codes=stock_codes,
        )


        change.additional_properties = d
        return change

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
