from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.cause import Cause
  from ..models.revision_state import RevisionState





T = TypeVar("T", bound="Revision")



@_attrs_define
class Revision:
    """ 
        Attributes:
            company_id (str):
            company (str):
            venue (str):
            before (None | RevisionState):
            after (None | RevisionState):
            causes (list[Cause]):
     """

    company_id: str
    company: str
    venue: str
    before: None | RevisionState
    after: None | RevisionState
    causes: list[Cause]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cause import Cause # noqa: PLC0415
        from ..models.revision_state import RevisionState # noqa: PLC0415
        company_id = self.company_id

        company = self.company

        venue = self.venue

        before: dict[str, Any] | None
        if isinstance(self.before, RevisionState):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, RevisionState):
            after = self.after.to_dict()
        else:
            after = self.after

        causes = []
        for causes_item_data in self.causes:
            causes_item = causes_item_data.to_dict()
            causes.append(causes_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company_id": company_id,
            "company": company,
            "venue": venue,
            "before": before,
            "after": after,
            "causes": causes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cause import Cause # noqa: PLC0415
        from ..models.revision_state import RevisionState # noqa: PLC0415
        d = dict(src_dict)
        company_id = d.pop("company_id")

        company = d.pop("company")

        venue = d.pop("venue")

        def _parse_before(data: object) -> None | RevisionState:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = RevisionState.from_dict(data)



                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RevisionState, data)

        before = _parse_before(d.pop("before"))


        def _parse_after(data: object) -> None | RevisionState:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = RevisionState.from_dict(data)



                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RevisionState, data)

        after = _parse_after(d.pop("after"))


        causes = []
        _causes = d.pop("causes")
        for causes_item_data in (_causes):
            causes_item = Cause.from_dict(causes_item_data)



            causes.append(causes_item)


        revision = cls(
            company_id=company_id,
            company=company,
            venue=venue,
            before=before,
            after=after,
            causes=causes,
        )


        revision.additional_properties = d
        return revision

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
