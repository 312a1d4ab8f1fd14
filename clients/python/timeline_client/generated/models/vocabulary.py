from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sector import Sector
from ..models.stage import Stage
from ..models.venue import Venue
from typing import cast

if TYPE_CHECKING:
  from ..models.kind_word import KindWord
  from ..models.vocabulary_venue_names import VocabularyVenueNames





T = TypeVar("T", bound="Vocabulary")



@_attrs_define
class Vocabulary:
    """ 
        Attributes:
            venues (list[Venue]): Boards a company lists on
            markets (list[str]): Subjects of market facts: every venue, then wider markets
            stages (list[Stage]): Pipeline stages in pipeline order: progress first, exits last
            progress_stages (list[Stage]): The stages up to listed, in order; the rest are exits
            kinds (list[KindWord]): Fact kinds, each with its category
            sectors (list[Sector]): The house list of sectors
            venue_names (VocabularyVenueNames): Names people use for the venues, read wherever a venue is asked (compared
                without case, width, dashes or spaces), each with the code answers give
     """

    venues: list[Venue]
    markets: list[str]
    stages: list[Stage]
    progress_stages: list[Stage]
    kinds: list[KindWord]
    sectors: list[Sector]
    venue_names: VocabularyVenueNames
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.kind_word import KindWord # noqa: PLC0415
        from ..models.vocabulary_venue_names import VocabularyVenueNames # noqa: PLC0415
        venues = []
        for venues_item_data in self.venues:
            venues_item = venues_item_data.value
            venues.append(venues_item)



        markets = self.markets



        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.value
            stages.append(stages_item)



        progress_stages = []
        for progress_stages_item_data in self.progress_stages:
            progress_stages_item = progress_stages_item_data.value
            progress_stages.append(progress_stages_item)



        kinds = []
        for kinds_item_data in self.kinds:
            kinds_item = kinds_item_data.to_dict()
            kinds.append(kinds_item)



        sectors = []
        for sectors_item_data in self.sectors:
            sectors_item = sectors_item_data.value
            sectors.append(sectors_item)



        venue_names = self.venue_names.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "venues": venues,
            "markets": markets,
            "stages": stages,
            "progress_stages": progress_stages,
            "kinds": kinds,
            "sectors": sectors,
            "venue_names": venue_names,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kind_word import KindWord # noqa: PLC0415
        from ..models.vocabulary_venue_names import VocabularyVenueNames # noqa: PLC0415
        d = dict(src_dict)
        venues = []
        _venues = d.pop("venues")
        for venues_item_data in (_venues):
            venues_item = Venue(venues_item_data)



            venues.append(venues_item)


        markets = cast(list[str], d.pop("markets"))


        stages = []
        _stages = d.pop("stages")
        for stages_item_data in (_stages):
            stages_item = Stage(stages_item_data)



            stages.append(stages_item)


        progress_stages = []
        _progress_stages = d.pop("progress_stages")
        for progress_stages_item_data in (_progress_stages):
            progress_stages_item = Stage(progress_stages_item_data)



            progress_stages.append(progress_stages_item)


        kinds = []
        _kinds = d.pop("kinds")
        for kinds_item_data in (_kinds):
            kinds_item = KindWord.from_dict(kinds_item_data)



            kinds.append(kinds_item)


        sectors = []
        _sectors = d.pop("sectors")
        for sectors_item_data in (_sectors):
            sectors_item = Sector(sectors_item_data)



            sectors.append(sectors_item)


        venue_names = VocabularyVenueNames.from_dict(d.pop("venue_names"))




        vocabulary = cls(
            venues=venues,
            markets=markets,
            stages=stages,
            progress_stages=progress_stages,
            kinds=kinds,
            sectors=sectors,
            venue_names=venue_names,
        )


        vocabulary.additional_properties = d
        return vocabulary

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
