"""Request bodies of the write routes (API schemas only; the domain never sees them).

Each field the domain can judge on its own (a kind, a venue, a market, a date, a source's publication
date, a kind's fields) is judged here too, by the domain's own parser, so that a body with several such
problems gets one 422 listing every one with its field path (pydantic gathers field errors; the domain
stops at its first). What spans fields (a stage fact needing a venue, an article needing a quote) is left
to the domain, which the write reaches only when every field reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from domain.dates.date_parsing import parse_date
from domain.errors import DomainError, InvalidDate, InvalidFact
from domain.field_values import build_fields
from domain.sources import Source, SourceKind
from domain.subscriptions.subscription import (
    MAX_QUERY_CHARS,
    MAX_SECRET_CHARS,
    MAX_URL_CHARS,
    MIN_SECRET_CHARS,
    check_secret,
)
from domain.text import check_text
from domain.vocabulary import parse_kind, parse_market, parse_venue

T = TypeVar("T")


def _judged(value: T, parse: Callable[[Any], object]) -> T:
    """``value`` unchanged once the domain's parser reads it; its refusal as the field's error. Only judged,
    never replaced, so what the route hands the domain is what it handed it before."""
    if value is not None:
        try:
            parse(value)
        except DomainError as error:
            raise ValueError(str(error)) from None
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SourceIn(_Strict):
    """An article (document, published, verbatim quote) or another public document (kind disclosure or
    report: document id, URL, title, publisher, published, and the fact in our own words as statement)."""

    kind: SourceKind = Field(default=SourceKind.ARTICLE, description="article, disclosure or report")
    document: str = Field(min_length=1, max_length=500, examples=["003_3279c473a457c7c1.txt"])
    published: str = Field(
        min_length=1, max_length=100, description="Publication date, any fuzzy form", examples=["2026-01-26"]
    )
    quote: str | None = Field(
        default=None,
        min_length=1,
        max_length=2000,
        description="Articles only: a short verbatim quote",
        examples=["1月2日,上海壁仞科技股份有限公司…于港交所挂牌上市"],
    )
    statement: str | None = Field(
        default=None, min_length=1, max_length=2000, description="Disclosures and reports: the fact in our own words"
    )
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=500)
    publisher: str | None = Field(default=None, max_length=500)
    date_text: str | None = Field(default=None, max_length=200, description="How this source words the fact's date")

    @field_validator("published")
    @classmethod
    def _published(cls, value: str) -> str:
        return _judged(value, parse_date)

    def to_source(self, where: str) -> Source:
        try:
            return Source(
                self.document,
                parse_date(self.published),
                self.quote,
                self.url,
                self.date_text,
                self.kind,
                self.title,
                self.publisher,
                self.statement,
            )
        except (InvalidDate, InvalidFact) as error:
            raise InvalidFact(f"{where}: {error}") from None


def sources_of(items: list[SourceIn]) -> list[Source]:
    return [item.to_source(f"sources[{index}]") for index, item in enumerate(items)]


class CompanyIn(_Strict):
    name: str = Field(min_length=1, max_length=200, examples=["Moore Threads"])
    aliases: list[str] = Field(default_factory=list, max_length=50, examples=[["摩尔线程"]])
    sector: str | None = Field(default=None, max_length=60, examples=["semiconductors"])
    key: str | None = Field(default=None, max_length=200, description="Stable key; defaults to the name")


class FactIn(_Strict):
    kind: str = Field(examples=["accepted"])
    company: str | None = Field(default=None, max_length=200, examples=["Moore Threads"])
    market: str | None = Field(default=None, max_length=20, examples=[None])
    venue: str | None = Field(default=None, max_length=20, examples=["SSE-STAR"])
    date: str = Field(min_length=1, max_length=100, examples=["2025-06-30"])
    fields: dict[str, Any] = Field(default_factory=dict, examples=[{"amount_sought": "CNY 8 billion"}])
    summary: str | None = Field(default=None, max_length=2000)
    sources: list[SourceIn] = Field(min_length=1, max_length=20)

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        return _judged(value, parse_kind)

    @field_validator("venue")
    @classmethod
    def _venue(cls, value: str | None) -> str | None:
        return _judged(value, parse_venue)

    @field_validator("market")
    @classmethod
    def _market(cls, value: str | None) -> str | None:
        return _judged(value, parse_market)

    @field_validator("date")
    @classmethod
    def _date(cls, value: str) -> str:
        return _judged(value, parse_date)

    @field_validator("fields")
    @classmethod
    def _fields(cls, value: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        kind = info.data.get("kind")  # absent when the kind itself is wrong: that error is reported instead
        if kind is not None:
            _judged(value, lambda fields: build_fields(parse_kind(kind), fields))
        return value


class CorrectionIn(_Strict):
    date: str | None = Field(default=None, max_length=100, examples=["2025-06-30"])
    venue: str | None = Field(default=None, max_length=20)
    fields: dict[str, Any] | None = None
    reason: str = Field(min_length=1, max_length=2000, examples=["Xinhua gives the exact day"])
    sources: list[SourceIn] = Field(min_length=1, max_length=20)

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return _judged(value, parse_date)

    @field_validator("venue")
    @classmethod
    def _venue(cls, value: str | None) -> str | None:
        return _judged(value, parse_venue)


class WrittenOut(BaseModel):
    position: int = Field(description="Log position of the write (of the first such write, for a retry)")
    appended: bool = Field(description="False when the write was already in the log (a retry or a known fact)")


class FactWrittenOut(WrittenOut):
    fact_id: str = Field(examples=["5c25d6d8-ae52-54ee-8118-7c6cd233c779"])


class CompanyWrittenOut(WrittenOut):
    company_id: str = Field(examples=["3a9f6941-d5b4-5239-9077-d7de7867fbc0"])


class RetractionIn(_Strict):
    reason: str = Field(min_length=1, max_length=2000, examples=["the source misreported the company"])
    sources: list[SourceIn] = Field(min_length=1, max_length=20)


class NameRetirementIn(_Strict):
    name: str = Field(min_length=1, max_length=200, examples=["MetaX Inc."], description="The name to retire")
    reason: str = Field(min_length=1, max_length=2000, examples=["registered for the wrong company"])
    sources: list[SourceIn] = Field(min_length=1, max_length=20)


class SubscriptionIn(_Strict):
    """A standing query: tell ``url``, by a webhook signed with ``secret``, whenever ``query``'s answer changes."""

    query: str = Field(
        min_length=1,
        max_length=MAX_QUERY_CHARS,
        description="A read path of this service with its parameters",
        examples=["/pipeline?venue=SSE-STAR&stage=accepted"],
    )
    url: str = Field(
        min_length=1,
        max_length=MAX_URL_CHARS,
        description="Where to POST the changes",
        examples=["https://example.com/hook"],
    )
    secret: str = Field(
        description=f"Signs every delivery (HMAC-SHA256); {MIN_SECRET_CHARS} to {MAX_SECRET_CHARS} printable ASCII "
        "characters; never shown again",
        examples=["a-long-random-secret-of-yours"],
    )

    @field_validator("secret")
    @classmethod
    def _secret(cls, value: str) -> str:
        return _judged(value, check_secret)

    @field_validator("query", "url")
    @classmethod
    def _text(cls, value: str, info: ValidationInfo) -> str:
        return _judged(value, lambda text: check_text(text, str(info.field_name)))


class SubscriptionWrittenOut(WrittenOut):
    subscription_id: str = Field(examples=["0b8c6c3e-6a7e-4f5e-9f8e-1f2d3c4b5a69"])
