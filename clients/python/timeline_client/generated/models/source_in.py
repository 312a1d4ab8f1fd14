from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.source_kind import SourceKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SourceIn")



@_attrs_define
class SourceIn:
    """ An article (document, published, verbatim quote) or another public document (kind disclosure or
    report: document id, URL, title, publisher, published, and the fact in our own words as statement).

        Attributes:
            document (str):
            published (str): Publication date, any fuzzy form
            kind (SourceKind | Unset):
            quote (None | str | Unset): Articles only: a short verbatim quote
            statement (None | str | Unset): Disclosures and reports: the fact in our own words
            url (None | str | Unset):
            title (None | str | Unset):
            publisher (None | str | Unset):
            date_text (None | str | Unset): How this source words the fact's date
     """

    document: str
    published: str
    kind: SourceKind | Unset = UNSET
    quote: None | str | Unset = UNSET
    statement: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    publisher: None | str | Unset = UNSET
    date_text: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        document = self.document

        published = self.published

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        quote: None | str | Unset
        if isinstance(self.quote, Unset):
            quote = UNSET
        else:
            quote = self.quote

        statement: None | str | Unset
        if isinstance(self.statement, Unset):
            statement = UNSET
        else:
            statement = self.statement

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        publisher: None | str | Unset
        if isinstance(self.publisher, Unset):
            publisher = UNSET
        else:
            publisher = self.publisher

        date_text: None | str | Unset
        if isinstance(self.date_text, Unset):
            date_text = UNSET
        else:
            date_text = self.date_text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "document": document,
            "published": published,
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if quote is not UNSET:
            field_dict["quote"] = quote
        if statement is not UNSET:
            field_dict["statement"] = statement
        if url is not UNSET:
            field_dict["url"] = url
        if title is not UNSET:
            field_dict["title"] = title
        if publisher is not UNSET:
            field_dict["publisher"] = publisher
        if date_text is not UNSET:
            field_dict["date_text"] = date_text

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document = d.pop("document")

        published = d.pop("published")

        _kind = d.pop("kind", UNSET)
        kind: SourceKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = SourceKind(_kind)




        def _parse_quote(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quote = _parse_quote(d.pop("quote", UNSET))


        def _parse_statement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        statement = _parse_statement(d.pop("statement", UNSET))


        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        def _parse_publisher(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        publisher = _parse_publisher(d.pop("publisher", UNSET))


        def _parse_date_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date_text = _parse_date_text(d.pop("date_text", UNSET))


        source_in = cls(
            document=document,
            published=published,
            kind=kind,
            quote=quote,
            statement=statement,
            url=url,
            title=title,
            publisher=publisher,
            date_text=date_text,
        )

        return source_in

