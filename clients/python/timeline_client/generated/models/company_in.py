from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CompanyIn")



@_attrs_define
class CompanyIn:
    """ 
        Attributes:
            name (str):
            aliases (list[str] | Unset):
            sector (None | str | Unset):
            key (None | str | Unset): Stable key; defaults to the name
     """

    name: str
    aliases: list[str] | Unset = UNSET
    sector: None | str | Unset = UNSET
    key: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases



        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        else:
            sector = self.sector

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if sector is not UNSET:
            field_dict["sector"] = sector
        if key is not UNSET:
            field_dict["key"] = key

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        aliases = cast(list[str], d.pop("aliases", UNSET))


        def _parse_sector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))


        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))


        company_in = cls(
            name=name,
            aliases=aliases,
            sector=sector,
            key=key,
        )

        return company_in

