"""The controlled vocabulary, so clients (the viewer included) offer the words the API reads instead of
keeping lists of their own that drift from it."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from domain.vocabulary import MARKETS, PROGRESS_STAGES, VENUE_NAMES, FactKind, Sector, Stage, Venue, category_of

router = APIRouter(tags=["vocabulary"])


class KindWord(BaseModel):
    kind: FactKind
    category: str = Field(description="stage, company or market", examples=["stage"])


class Vocabulary(BaseModel):
    venues: list[Venue] = Field(description="Boards a company lists on")
    markets: list[str] = Field(description="Subjects of market facts: every venue, then wider markets")
    stages: list[Stage] = Field(description="Pipeline stages in pipeline order: progress first, exits last")
    progress_stages: list[Stage] = Field(description="The stages up to listed, in order; the rest are exits")
    kinds: list[KindWord] = Field(description="Fact kinds, each with its category")
    sectors: list[Sector] = Field(description="The house list of sectors")
    venue_names: dict[str, Venue] = Field(
        description="Names people use for the venues, read wherever a venue is asked (compared without case, "
        "width, dashes or spaces), each with the code answers give",
        examples=[{"star": "SSE-STAR", "科创板": "SSE-STAR"}],
    )


def vocabulary_answer() -> Vocabulary:
    return Vocabulary(
        venues=list(Venue),
        markets=list(MARKETS),
        stages=list(Stage),
        progress_stages=list(PROGRESS_STAGES),
        kinds=[KindWord(kind=kind, category=category_of(kind).value) for kind in FactKind],
        sectors=list(Sector),
        venue_names=dict(VENUE_NAMES),
    )


@router.get("/vocabulary", response_model=Vocabulary)
async def vocabulary() -> Vocabulary:
    """The venues, markets, stages (in pipeline order), fact kinds and sectors the API reads."""
    return vocabulary_answer()
