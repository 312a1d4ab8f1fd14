from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.log_point import LogPoint
  from ..models.search_hit import SearchHit





T = TypeVar("T", bound="Search")



@_attrs_define
class Search:
    """ 
        Attributes:
            query (str):
            results (list[SearchHit]):
            basis (LogPoint | Unset): A knowledge time: a log position and the system time recorded there (null before the
                first event).
     """

    query: str
    results: list[SearchHit]
    basis: LogPoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.search_hit import SearchHit # noqa: PLC0415
        query = self.query

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)



        basis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "query": query,
            "results": results,
        })
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.log_point import LogPoint # noqa: PLC0415
        from ..models.search_hit import SearchHit # noqa: PLC0415
        d = dict(src_dict)
        query = d.pop("query")

        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = SearchHit.from_dict(results_item_data)



            results.append(results_item)


        _basis = d.pop("basis", UNSET)
        basis: LogPoint | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = LogPoint.from_dict(_basis)




        search = cls(
            query=query,
            results=results,
            basis=basis,
        )


        search.additional_properties = d
        return search

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
