from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.correction_in_fields_type_0 import CorrectionInFieldsType0
  from ..models.source_in import SourceIn





T = TypeVar("T", bound="CorrectionIn")



@_attrs_define
class CorrectionIn:
    """ 
        Attributes:
            reason (str):
            sources (list[SourceIn]):
            date (None | str | Unset):
            venue (None | str | Unset):
            fields (CorrectionInFieldsType0 | None | Unset):
     """

    reason: str
    sources: list[SourceIn]
    date: None | str | Unset = UNSET
    venue: None | str | Unset = UNSET
    fields: CorrectionInFieldsType0 | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.correction_in_fields_type_0 import CorrectionInFieldsType0 # noqa: PLC0415
        from ..models.source_in import SourceIn # noqa: PLC0415
        reason = self.reason

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)



        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        else:
            date = self.date

        venue: None | str | Unset
        if isinstance(self.venue, Unset):
            venue = UNSET
        else:
            venue = self.venue

        fields: dict[str, Any] | None | Unset
        if isinstance(self.fields, Unset):
            fields = UNSET
        elif isinstance(self.fields, CorrectionInFieldsType0):
            fields = self.fields.to_dict()
        else:
            fields = self.fields


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
            "sources": sources,
        })
        if date is not UNSET:
            field_dict["date"] = date
        if venue is not UNSET:
            field_dict["venue"] = venue
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.correction_in_fields_type_0 import CorrectionInFieldsType0 # noqa: PLC0415
        from ..models.source_in import SourceIn # noqa: PLC0415
        d = dict(src_dict)
        reason = d.pop("reason")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = SourceIn.from_dict(sources_item_data)



            sources.append(sources_item)


        def _parse_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date = _parse_date(d.pop("date", UNSET))


        def _parse_venue(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        venue = _parse_venue(d.pop("venue", UNSET))


        def _parse_fields(data: object) -> CorrectionInFieldsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fields_type_0 = CorrectionInFieldsType0.from_dict(data)



                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CorrectionInFieldsType0 | None | Unset, data)

        fields = _parse_fields(d.pop("fields", UNSET))


        correction_in = cls(
            reason=reason,
            sources=sources,
            date=date,
            venue=venue,
            fields=fields,
        )

        return correction_in

