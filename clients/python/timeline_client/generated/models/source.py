from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.source_grade import SourceGrade
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.fuzzy_day import FuzzyDay





T = TypeVar("T", bound="Source")



@_attrs_define
class Source:
    """ Where a fact comes from: one of the five articles (document, quote) or another public
    document (the fact stated in our own words). ``title``, ``publisher``, ``url`` (a link; an article may
    have none), ``language`` and ``grade`` come from the document's own record (``Document.Registered``),
    as known at the answer's knowledge time; a source whose document was never registered has no grade.

        Attributes:
            kind (str):
            document (str):
            published (FuzzyDay):
            title (str | Unset):
            publisher (str | Unset):
            url (str | Unset):
            language (str | Unset):
            quote (str | Unset):
            statement (str | Unset):
            date_text (str | Unset):
            grade (SourceGrade | Unset): How far a source's word goes, best first: the issuer's or exchange's own
                disclosure, a report by a
                named, established news outlet, and anything else (an unsigned page, a self-media post, an
                AI-written commentary).
            grade_reason (str | Unset):
     """

    kind: str
    document: str
    published: FuzzyDay
    title: str | Unset = UNSET
    publisher: str | Unset = UNSET
    url: str | Unset = UNSET
    language: str | Unset = UNSET
    quote: str | Unset = UNSET
    statement: str | Unset = UNSET
    date_text: str | Unset = UNSET
    grade: SourceGrade | Unset = UNSET
    grade_reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fuzzy_day import FuzzyDay # noqa: PLC0415
        kind = self.kind

        document = self.document

        published = self.published.to_dict()

        title = self.title

        publisher = self.publisher

        url = self.url

        language = self.language

        quote = self.quote

        statement = self.statement

        date_text = self.date_text

        grade: str | Unset = UNSET
        if not isinstance(self.grade, Unset):
            grade = self.grade.value


        grade_reason = self.grade_reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "document": document,
            "published": published,
        })
        if title is not UNSET:
            field_dict["title"] = title
        if publisher is not UNSET:
            field_dict["publisher"] = publisher
        if url is not UNSET:
            field_dict["url"] = url
        if language is not UNSET:
            field_dict["language"] = language
        if quote is not UNSET:
            field_dict["quote"] = quote
        if statement is not UNSET:
            field_dict["statement"] = statement
        if date_text is not UNSET:
            field_dict["date_text"] = date_text
        if grade is not UNSET:
            field_dict["grade"] = grade
        if grade_reason is not UNSET:
            field_dict["grade_reason"] = grade_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fuzzy_day import FuzzyDay # noqa: PLC0415
        d = dict(src_dict)
        kind = d.pop("kind")

        document = d.pop("document")

        published = FuzzyDay.from_dict(d.pop("published"))




        title = d.pop("title", UNSET)

        publisher = d.pop("publisher", UNSET)

        url = d.pop("url", UNSET)

        language = d.pop("language", UNSET)

        quote = d.pop("quote", UNSET)

        statement = d.pop("statement", UNSET)

        date_text = d.pop("date_text", UNSET)

        _grade = d.pop("grade", UNSET)
        grade: SourceGrade | Unset
        if isinstance(_grade,  Unset):
            grade = UNSET
        else:
            grade = SourceGrade(_grade)




        grade_reason = d.pop("grade_reason", UNSET)

        source = cls(
            kind=kind,
            document=document,
            published=published,
            title=title,
            publisher=publisher,
            url=url,
            language=language,
            quote=quote,
            statement=statement,
            date_text=date_text,
            grade=grade,
            grade_reason=grade_reason,
        )


        source.additional_properties = d
        return source

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
