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
  from ..models.fact import Fact
  from ..models.fact_with_history import FactWithHistory
  from ..models.flags import Flags
  from ..models.log_point import LogPoint
  from ..models.name_use import NameUse
  from ..models.retired_name import RetiredName
  from ..models.stock_code import StockCode
  from ..models.venue_state import VenueState





T = TypeVar("T", bound="Company")



@_attrs_define
class Company:
    """ 
        Attributes:
            company_id (str):
            key (str):
            name (str):
            aliases (list[str]):
            sector (None | str):
            names (list[NameUse]):
            retired_names (list[RetiredName]):
            codes (list[StockCode]):
            as_of (datetime.date):
            venues (list[VenueState]):
            flags (Flags):
            facts (list[Fact]):
            retracted (list[FactWithHistory]):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    company_id: str
    key: str
    name: str
    aliases: list[str]
    sector: None | str
    names: list[NameUse]
    retired_names: list[RetiredName]
    codes: list[StockCode]
    as_of: datetime.date
    venues: list[VenueState]
    flags: Flags
    facts: list[Fact]
    retracted: list[FactWithHistory]
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fact import Fact # noqa: PLC0415
        from ..models.fact_with_history import FactWithHistory # noqa: PLC0415
        from ..models.flags import Flags # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.name_use import NameUse # noqa: PLC0415
        from ..models.retired_name import RetiredName # noqa: PLC0415
        from ..models.stock_code import StockCode # noqa: PLC0415
        from ..models.venue_state import VenueState # noqa: PLC0415
        company_id = self.company_id

        key = self.key

        name = self.name

        aliases = self.aliases



        sector: None | str
        sector = self.sector

        names = []
        for names_item_data in self.names:
            names_item = names_item_data.to_dict()
            names.append(names_item)



        retired_names = []
        for retired_names_item_data in self.retired_names:
            retired_names_item = retired_names_item_data.to_dict()
            retired_names.append(retired_names_item)



        codes = []
        for codes_item_data in self.codes:
            codes_item = codes_item_data.to_dict()
            codes.append(codes_item)



        as_of = self.as_of.isoformat()

        venues = []
        for venues_item_data in self.venues:
            venues_item = venues_item_data.to_dict()
            venues.append(venues_item)



        flags = self.flags.to_dict()

        facts = []
        for facts_item_data in self.facts:
            facts_item = facts_item_data.to_dict()
            facts.append(facts_item)



        retracted = []
        for retracted_item_data in self.retracted:
            retracted_item = retracted_item_data.to_dict()
            retracted.append(retracted_item)



        basis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company_id": company_id,
            "key": key,
            "name": name,
            "aliases": aliases,
            "sector": sector,
            "names": names,
            "retired_names": retired_names,
            "codes": codes,
            "as_of": as_of,
            "venues": venues,
            "flags": flags,
            "facts": facts,
            "retracted": retracted,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact import Fact # noqa: PLC0415
        from ..models.fact_with_history import FactWithHistory # noqa: PLC0415
        from ..models.flags import Flags # noqa: PLC0415
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.name_use import NameUse # noqa: PLC0415
        from ..models.retired_name import RetiredName # noqa: PLC0415
        from ..models.stock_code import StockCode # noqa: PLC0415
        from ..models.venue_state import VenueState # noqa: PLC0415
        d = dict(src_dict)
        company_id = d.pop("company_id")

        key = d.pop("key")

        name = d.pop("name")

        aliases = cast(list[str], d.pop("aliases"))


        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))


        names = []
        _names = d.pop("names")
        for names_item_data in (_names):
            names_item = NameUse.from_dict(names_item_data)



            names.append(names_item)


        retired_names = []
        _retired_names = d.pop("retired_names")
        for retired_names_item_data in (_retired_names):
            retired_names_item = RetiredName.from_dict(retired_names_item_data)



            retired_names.append(retired_names_item)


        codes = []
        _codes = d.pop("codes")
        for codes_item_data in (_codes):
            codes_item = StockCode.from_dict(codes_item_data)



            codes.append(codes_item)


        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        venues = []
        _venues = d.pop("venues")
        for venues_item_data in (_venues):
            venues_item = VenueState.from_dict(venues_item_data)



            venues.append(venues_item)


        flags = Flags.from_dict(d.pop("flags"))




        facts = []
        _facts = d.pop("facts")
        for facts_item_data in (_facts):
            facts_item = Fact.from_dict(facts_item_data)



            facts.append(facts_item)


        retracted = []
        _retracted = d.pop("retracted")
        for retracted_item_data in (_retracted):
            retracted_item = FactWithHistory.from_dict(retracted_item_data)



            retracted.append(retracted_item)


        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        company = cls(
            company_id=company_id,
            key=key,
            name=name,
            aliases=aliases,
            sector=sector,
            names=names,
            retired_names=retired_names,
            codes=codes,
            as_of=as_of,
            venues=venues,
            flags=flags,
            facts=facts,
            retracted=retracted,
            basis=basis,
        )


        company.additional_properties = d
        return company

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
