from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.flag import Flag
  from ..models.flags_funding_raised import FlagsFundingRaised
  from ..models.valuation import Valuation





T = TypeVar("T", bound="Flags")



@_attrs_define
class Flags:
    """ 
        Attributes:
            blacklisted (Flag):
            growth_tier (Flag):
            u_mark_removed (Flag):
            profitable (Flag):
            funding_raised (FlagsFundingRaised):
            latest_valuation (None | Valuation):
     """

    blacklisted: Flag
    growth_tier: Flag
    u_mark_removed: Flag
    profitable: Flag
    funding_raised: FlagsFundingRaised
    latest_valuation: None | Valuation
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flag import Flag # noqa: PLC0415
        from ..models.flags_funding_raised import FlagsFundingRaised # noqa: PLC0415
        from ..models.valuation import Valuation # noqa: PLC0415
        blacklisted = self.blacklisted.to_dict()

        growth_tier = self.growth_tier.to_dict()

        u_mark_removed = self.u_mark_removed.to_dict()

        profitable = self.profitable.to_dict()

        funding_raised = self.funding_raised.to_dict()

        latest_valuation: dict[str, Any] | None
        if isinstance(self.latest_valuation, Valuation):
            latest_valuation = self.latest_valuation.to_dict()
        else:
            latest_valuation = self.latest_valuation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "blacklisted": blacklisted,
            "growth_tier": growth_tier,
            "u_mark_removed": u_mark_removed,
            "profitable": profitable,
            "funding_raised": funding_raised,
            "latest_valuation": latest_valuation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flag import Flag # noqa: PLC0415
        from ..models.flags_funding_raised import FlagsFundingRaised # noqa: PLC0415
        from ..models.valuation import Valuation # noqa: PLC0415
        d = dict(src_dict)
        blacklisted = Flag.from_dict(d.pop("blacklisted"))




        growth_tier = Flag.from_dict(d.pop("growth_tier"))




        u_mark_removed = Flag.from_dict(d.pop("u_mark_removed"))




        profitable = Flag.from_dict(d.pop("profitable"))




        funding_raised = FlagsFundingRaised.from_dict(d.pop("funding_raised"))




        def _parse_latest_valuation(data: object) -> None | Valuation:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_valuation_type_0 = Valuation.from_dict(data)



                return latest_valuation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Valuation, data)

        latest_valuation = _parse_latest_valuation(d.pop("latest_valuation"))


        flags = cls(
            blacklisted=blacklisted,
            growth_tier=growth_tier,
            u_mark_removed=u_mark_removed,
            profitable=profitable,
            funding_raised=funding_raised,
            latest_valuation=latest_valuation,
        )


        flags.additional_properties = d
        return flags

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
