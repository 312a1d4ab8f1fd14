"""Which names a company may take, and the claims that hold them in the store.

Every name claims its exact spelling (``CompanyName``, keyed as names have always been) and its
identity (``NameIdentityClaim``: the key reads look it up by, and that key's look-alike skeletons;
projections/name_identity.py). A claim another company holds refuses the write, naming the holder,
so no read can find two companies under one name. Claims are saved with the company's own events:
two writers racing for one identity conflict in the store, and the retry sees the winner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from uuid import UUID

from domain.companies import Company, CompanyName, NameIdentityClaim
from domain.errors import InvalidFact, NameTaken
from domain.names import normalise_name
from projections.name_identity import check_name_characters, identity_of

#: Reads an aggregate by id: None when it has no events.
Reader = Callable[[UUID], Any]
Claim = CompanyName | NameIdentityClaim


def identity_claims(name: str) -> list[tuple[UUID, str, str]]:
    """(claim id, kind, key) of each identity ``name`` takes: its read key and its two skeletons."""
    return [(NameIdentityClaim.create_id(kind, key), kind, key) for kind, key in identity_of(name).claims()]


def names_of(company: Company) -> list[str]:
    """What reads find a company by: its names and, unless retired, its key."""
    key = [] if company.key in company.retired else [company.key]
    return list(dict.fromkeys([*company.names, *key]))


def holds_name(company: Company, name: str) -> bool:
    """Whether ``name`` reads as one of the company's own names (or its key)."""
    wanted = identity_of(name).read_key
    return any(identity_of(own).read_key == wanted for own in names_of(company))


def wanted_claims(company_id: UUID, name: str) -> list[tuple[UUID, Callable[[], Claim], str]]:
    """Each claim ``name`` takes for ``company_id``: (claim id, how to make it, what a refusal says it is)."""
    check_name_characters(name)
    spelling: list[tuple[UUID, Callable[[], Claim], str]] = [
        (CompanyName.create_id(name), lambda: CompanyName(name=name, company_id=company_id), "already belongs to")
    ]
    return spelling + [
        (
            claim_id,
            lambda kind=kind, key=key: NameIdentityClaim(kind=kind, key=key, company_id=company_id),
            f"{'reads' if kind == 'read' else 'looks'} like {key!r}, a name of",
        )
        for claim_id, kind, key in identity_claims(name)
    ]


def claims_for(read: Reader, company_id: UUID, names: Iterable[str], holder: Callable[[UUID], str]) -> list[Claim]:
    """The claims to save for ``company_id`` to take ``names`` (new ones, or released ones taken again);
    NameTaken naming the holder when another company holds one. ``holder`` describes a company."""
    changed: dict[UUID, Claim] = {}
    for name in names:
        for claim_id, make, taken in wanted_claims(company_id, name):
            claim = changed.get(claim_id) or read(claim_id)
            if claim is None:
                changed[claim_id] = make()
            elif claim.company_id is None:
                claim.claim_again(company_id)
                changed[claim_id] = claim
            elif claim.company_id != company_id:
                raise NameTaken(f"name {name!r} {taken} {holder(claim.company_id)}")
    return list(changed.values())


def released_claims(read: Reader, company: Company, retired: Iterable[str]) -> list[Claim]:
    """The claims of ``retired`` names that none of the company's remaining names still needs, released."""
    remaining = names_of(company)
    kept = {normalise_name(name) for name in remaining}
    kept_ids = {claim_id for name in remaining for claim_id, _kind, _key in identity_claims(name)}
    released: dict[UUID, Claim] = {}
    for name in retired:
        ids = [claim_id for claim_id, _kind, _key in identity_claims(name) if claim_id not in kept_ids]
        if normalise_name(name) not in kept:
            ids.append(CompanyName.create_id(name))
        for claim_id in ids:
            claim = released.get(claim_id) or read(claim_id)
            if claim is not None and claim.company_id == company.id and claim_id not in released:
                claim.release()
                released[claim_id] = claim
    return list(released.values())


def older_claims(read: Reader, companies: Iterable[Company]) -> tuple[list[Claim], list[str]]:
    """The identity claims that ``companies``, registered before names had them, still lack; and the
    names they cannot take because another company holds them (or a name now refused), described."""
    taken: dict[UUID, Claim] = {}
    shared = []
    for company in companies:
        for name in names_of(company):
            try:
                wanted = wanted_claims(company.id, name)
            except InvalidFact as error:
                shared.append(f"{name!r} of company {company.id}: {error}")
                continue
            for claim_id, make, taken_by in wanted:
                claim = taken.get(claim_id) or read(claim_id)
                if claim is None:
                    taken[claim_id] = make()
                elif claim.company_id not in (None, company.id):
                    shared.append(f"{name!r} of company {company.id} {taken_by} company {claim.company_id}")
                    break
    return list(taken.values()), shared
