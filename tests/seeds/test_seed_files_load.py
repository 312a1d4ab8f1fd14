from __future__ import annotations

import shutil

import pytest

from application.service import TimelineApplication
from application.storage.database_url import environment_for
from seeds.loading import load_seeds
from seeds.reading import SEED_DIR, read_seeds
from seeds.seed_set import SeedError

# Written from the articles: each company they attach a dated fact to, by every name they print.
NAMES_FROM_THE_ARTICLES = [
    ["Shanghai Biren Intelligent Technology Co. Ltd.", "壁仞科技", "上海壁仞科技股份有限公司"],
    ["Iluvatar CoreX", "天数智芯"],
    ["Zhipu AI", "智谱AI", "北京智谱华章科技股份有限公司"],
    ["MiniMax"],
    ["Wuhan Heyuan Biotechnology Co. Ltd.", "Healthgen Biotech"],
    ["Moore Threads", "Moore Threads Technology Co. Ltd."],
    ["MetaX"],
    ["Shanghai Zhaoxin Semiconductor Co. Ltd."],
    ["Unisoc", "Unisoc Shanghai Technologies Co. Ltd."],
    ["Geek+"],
    ["Lens Technology Co. Ltd."],
    ["AgiBot"],
    ["BeiGene"],
    ["Dizal Pharma"],
    ["Biokin Pharmaceutical", "Sichuan Biokin Pharmaceutical Co., Ltd."],
    ["Sinocelltech Group Limited", "SinoCellTech"],
    ["Shanghai MicroPort EP MedTech Co., Ltd.", "MicroPort EP"],
    ["Cambricon Technologies Corp. Ltd."],
    ["UBTech Robotics Corp. Ltd."],
    ["Unitree Robotics"],
    ["ChangXin Memory Technologies Inc."],
]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def app(request):
    application = TimelineApplication(environment_for(request.getfixturevalue(f"{request.param}_url")))
    yield application
    application.close()


def test_every_seed_file_loads_and_a_second_load_appends_nothing(app):
    first = load_seeds(app)
    assert first.facts > 100
    assert first.appended > first.facts
    second = load_seeds(app)
    assert second.appended == 0
    assert second.position == first.position


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def seeded_app(request):
    """A store of the test's own holding the seeds as ``load_seeds`` leaves them: a copy of the test process's
    seeded store, where loading them again takes seconds."""
    application = TimelineApplication(environment_for(request.getfixturevalue(f"seeded_{request.param}_url")))
    yield application
    application.close()


def test_every_company_the_articles_name_resolves_by_each_of_its_names(seeded_app):
    app = seeded_app
    for names in NAMES_FROM_THE_ARTICLES:
        ids = {app.resolve_company(name) for name in names}
        assert len(ids) == 1, names
        assert app.resolve_company(names[0].upper()) in ids
        assert app.company_facts(names[0]), f"{names[0]} has no facts"


def test_sources_reporting_one_fact_make_one_fact_with_the_most_precise_date(seeded_app):
    app = seeded_app
    facts = [f for f in app.company_facts("Moore Threads") if f["kind"] == "accepted"]
    assert len(facts) == 1
    [accepted] = facts
    assert accepted["date"]["text"] == "2025-06-30"
    assert {s["document"] for s in accepted["sources"]} == {"000_bd29c5250f60b916.txt", "001_19c464251aa964bd.txt"}
    assert any(s.get("date_text", "").lower().startswith("late june") for s in accepted["sources"])


def break_a_copy(tmp_path, file: str, old: str, new: str):
    copy = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("file", "old", "new", "named"),
    [
        ("facts/it-times.yaml", 'date: "2026-01-02"', 'date: "2026-02-30"', "'2026-02-30'"),
        ("facts/caixin.yaml", "kind: accepted", "kind: ipo_party", "'ipo_party'"),
        ("facts/xinhua.yaml", "market: SSE-STAR", "market: MOON", "'MOON'"),
        ("facts/caixin.yaml", '"CNY ', '"EUR ', "'EUR'"),
        ("facts/caixin.yaml", "facts:\n", "facts:\n  - [not, a, mapping]\n", "expected a mapping"),
        ("facts/caixin.yaml", "document: 000_bd29c5250f60b916.txt", "document: missing.txt", "missing.txt"),
        ("companies.yaml", "companies:\n", "companies:\n  - {key: dup, name: MetaX}\n", "also belongs"),
        ("facts/securities-daily.yaml", "facts:\n", "facts: [\n", "not valid YAML"),
    ],
)
def test_a_broken_seed_file_is_rejected_whole_naming_file_entry_and_problem(app, tmp_path, file, old, new, named):
    broken = break_a_copy(tmp_path, file, old, new)
    with pytest.raises(SeedError) as caught:
        load_seeds(app, broken)
    message = str(caught.value)
    assert named in message
    assert file.split("/")[-1] in message
    assert app.position() == 0


def test_validate_reads_every_file_without_a_store():
    seeds = read_seeds()
    assert len(seeds.companies) >= 30
    assert sum(len(f.entries) for f in seeds.facts) >= len(seeds.facts) > 100
