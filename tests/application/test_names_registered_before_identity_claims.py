"""A store written before names had identity claims: the first process taking writes claims its older
names once, so a new name is checked against them too; names two older companies share are reported,
left unclaimed, and a retirement settles them."""

from __future__ import annotations

import pytest

from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.companies import Company, CompanyName
from domain.dates.date_parsing import parse_date
from domain.errors import NameTaken
from domain.sources import Source

WHY = Source("registry.txt", parse_date("2025-12-02"), "a registry entry")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def app(request):
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    application = TimelineApplication(environment_for(url))
    yield application
    application.close()


def register_as_before(app: TimelineApplication, name: str, aliases: tuple[str, ...] = ()) -> Company:
    """As the application registered companies before: the company and a claim of each exact spelling."""
    company = Company.register(name, aliases)
    app.save(company, *(CompanyName(name=own, company_id=company.id) for own in company.names))
    return company


def test_older_names_are_claimed_once_and_new_names_are_checked_against_them(app):
    metax = register_as_before(app, "MetaX", ("沐曦",))
    squatter = register_as_before(app, "MetaX Inc.")  # one read key with MetaX: reads found both
    assert app.claim_older_names() == [
        f"'MetaX Inc.' of company {squatter.id} reads like 'metax', a name of company {metax.id}"
    ]
    position = app.position()
    assert app.claim_older_names() == []
    assert app.position() == position
    with pytest.raises(NameTaken, match="MetaX"):
        app.register_company("METAX, Ltd.")
    with pytest.raises(NameTaken, match="MetaX"):
        app.register_company("Omega Chips", ["沐曦"])

    app.retire_name(squatter.id, "MetaX Inc.", reason="registered in error", sources=[WHY])
    app.add_alias(metax.id, "MetaX Inc.")
    assert app.resolve_company("MetaX Inc.") == metax.id
