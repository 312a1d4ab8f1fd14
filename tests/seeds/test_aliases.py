"""Names from outside the five articles (seeds/aliases.yaml), each with the document that uses it.

The real seed set is loaded into a real SQLite store and asked through the read side, as the API
does: a company is found by its everyday Chinese short name, its legal name, its English name, in
simplified or traditional characters, and the company answer lists every name with its source.
Expected names and keys are written from the documents cited (listing announcements, prospectus
covers, news reports), never read from the YAML; the YAML is read only to check every entry.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from projections.clocks import Clocks
from projections.names import parse_code
from seeds.reading import SEED_DIR, read_seeds
from seeds.seed_set import SeedError

# (name as people write it, the company key it must find).
NAMES = [
    # everyday Chinese short names
    ("摩尔线程", "moore-threads"),
    ("沐曦", "metax"),
    ("沐曦股份", "metax"),
    ("寒武纪", "cambricon"),
    ("兆芯", "zhaoxin"),
    ("兆芯集成", "zhaoxin"),
    ("禾元生物", "heyuan-biotech"),
    ("长鑫科技", "changxin-memory"),
    ("长鑫存储", "changxin-memory"),
    ("上海超硅", "shanghai-advanced-silicon"),
    ("燧原科技", "enflame"),
    ("中微公司", "amec"),
    ("天岳先进", "sicc"),
    ("紫光展锐", "unisoc"),
    ("智谱", "zhipu-ai"),
    ("稀宇科技", "minimax"),
    ("极智嘉", "geek-plus"),
    ("智元机器人", "agibot"),
    ("优必选", "ubtech"),
    ("上纬新材", "swancor"),
    ("百济神州", "beigene"),
    ("三生制药", "3sbio"),
    ("百利天恒", "biokin"),
    ("迪哲医药", "dizal"),
    ("神州细胞", "sinocelltech"),
    ("微电生理", "microport-ep"),
    ("华兴源创", "hyc-technology"),
    ("蓝思科技", "lens-technology"),
    # full legal names
    ("摩尔线程智能科技(北京)股份有限公司", "moore-threads"),
    ("摩尔线程智能科技（北京）股份有限公司", "moore-threads"),  # full-width brackets
    ("沐曦集成电路(上海)股份有限公司", "metax"),
    ("中科寒武纪科技股份有限公司", "cambricon"),
    ("长鑫科技集团股份有限公司", "changxin-memory"),
    ("上海兆芯集成电路股份有限公司", "zhaoxin"),
    ("武汉禾元生物科技股份有限公司", "heyuan-biotech"),
    ("宁德时代新能源科技股份有限公司", "ningde-shidai"),
    ("紫金黄金国际有限公司", "zijin-huangjin-guoji"),
    ("北京极智嘉科技股份有限公司", "geek-plus"),  # the prospectus prints it in traditional characters
    # English names
    ("CATL", "ningde-shidai"),
    ("Contemporary Amperex Technology", "ningde-shidai"),
    ("Contemporary Amperex Technology Co., Limited", "ningde-shidai"),
    ("Jiangsu Hengrui Pharmaceuticals", "hengrui-yiyao"),
    ("Hengrui Pharma", "hengrui-yiyao"),
    ("Foshan Haitian Flavouring and Food", "haitian-weiye"),
    ("Foshan Haitian Flavouring and Food Company Ltd.", "haitian-weiye"),
    ("Zhejiang Sanhua Intelligent Controls", "sanhua-zhikong"),
    ("Chery Automobile", "qirui-qiche"),
    ("Chery Automobile Co., Ltd.", "qirui-qiche"),
    ("SANY Heavy Industry", "sanyi-zhonggong"),
    ("Seres Group", "sailisi"),
    ("Seres Group Co., Ltd.", "sailisi"),
    ("Zijin Gold International", "zijin-huangjin-guoji"),
    ("Zijin Gold International Company Limited", "zijin-huangjin-guoji"),
    ("MetaX Integrated Circuits (Shanghai) Co., Ltd.", "metax"),
    ("Knowledge Atlas Technology", "zhipu-ai"),
    ("MiniMax Group Inc.", "minimax"),
    ("Beijing Geekplus Technology Co., Ltd.", "geek-plus"),
    ("Shanghai Iluvatar CoreX Semiconductor Co., Ltd.", "iluvatar-corex"),
    ("Shanghai Biren Technology", "biren"),
    ("Cambricon Technologies Corporation Limited", "cambricon"),
    ("Wuhan Healthgen Biotechnology Corp.", "heyuan-biotech"),
    ("BeiGene, Ltd.", "beigene"),
    ("Dizal (Jiangsu) Pharmaceutical Co., Ltd.", "dizal"),
    ("Suzhou HYC Technology Co., Ltd.", "hyc-technology"),
    ("CXMT", "changxin-memory"),
]

# Traditional spellings of names the documents print in simplified characters, and the reverse.
TRADITIONAL = [
    ("摩爾線程", "moore-threads"),
    ("寒武紀", "cambricon"),
    ("長鑫存儲", "changxin-memory"),
    ("紫光展銳", "unisoc"),
    ("智譜", "zhipu-ai"),
    ("優必選", "ubtech"),
    ("百濟神州", "beigene"),
    ("寧德時代新能源科技股份有限公司", "ningde-shidai"),
    ("宇树科技", "unitree"),  # 明報 prints 宇樹科技
    ("天数智芯", "iluvatar-corex"),
    ("上海天数智芯半导体股份有限公司", "iluvatar-corex"),  # the prospectus prints it in traditional
    ("奇瑞汽车股份有限公司", "qirui-qiche"),  # the copy of 经济参考报 cited prints 奇瑞汽車
]


@pytest.fixture(scope="module")
def services(seeded):
    """The real seed set in a real SQLite file, read models caught up (shared, read-only)."""
    return seeded


def company(services, name: str) -> dict:
    return services.queries.company(name, Clocks(date(2026, 2, 1)))


@pytest.mark.parametrize(("name", "key"), NAMES, ids=[n for n, _ in NAMES])
def test_a_name_people_use_finds_its_company(services, name, key):
    assert services.queries.resolve(name)["key"] == key


@pytest.mark.parametrize(("name", "key"), TRADITIONAL, ids=[n for n, _ in TRADITIONAL])
def test_a_name_in_the_other_script_finds_its_company_too(services, name, key):
    assert services.queries.resolve(name)["key"] == key


def test_every_alias_in_the_file_finds_its_company_on_the_write_and_the_read_side(services):
    seeds = read_seeds()
    assert seeds.aliases
    for alias in seeds.aliases:
        assert services.queries.resolve(alias.name)["key"] == alias.company, alias.name
        assert services.app.resolve_company(alias.name) == services.app.resolve_company(alias.company), alias.name


def test_every_company_has_a_name_from_outside_the_articles(services):
    seeds = read_seeds()
    assert {alias.company for alias in seeds.aliases} == {c.key for c in seeds.companies if not c.documents}


def test_no_alias_is_a_stock_code_or_a_name_the_articles_already_print():
    seeds = read_seeds()
    printed = {name for c in seeds.companies for name in (c.key, c.name, *c.aliases)}
    for alias in seeds.aliases:
        assert parse_code(alias.name) is None, alias.name
        assert alias.name not in printed, alias.name
        assert len(alias.name) <= 200


def test_the_company_answer_lists_each_alias_with_the_document_that_uses_it(services):
    body = company(services, "摩尔线程")
    assert body["key"] == "moore-threads"
    by_name = {entry["name"]: entry["source"] for entry in body["names"]}
    assert by_name["Moore Threads"] is None  # a name the articles print, given at registration
    source = by_name["摩尔线程"]
    assert source["kind"] == "disclosure"
    assert source["document"] == "sse-688795-listing-announcement"
    assert source["url"] == "https://www.gupiaoz.cn/xiaoxi/AN202512031793256562"
    assert "688795" in source["statement"]
    assert "quote" not in source or source["quote"] is None


def test_catl_is_sourced_by_a_report_that_names_it_in_english(services):
    names = {entry["name"]: entry["source"] for entry in company(services, "CATL")["names"]}
    assert names["宁德时代"] is None
    for english in ("CATL", "Contemporary Amperex Technology"):
        source = names[english]
        assert source["kind"] == "report"
        assert source["url"] == "https://www.shine.cn/biz/economy/2505201758/"
        assert source["publisher"].startswith("Shanghai Daily")
        assert source["statement"]
    assert names["宁德时代新能源科技股份有限公司"]["kind"] == "disclosure"


def test_every_alias_appears_once_in_its_companys_names_with_kind_url_and_statement(services):
    seeds = read_seeds()
    for key in {alias.company for alias in seeds.aliases}:
        names = company(services, key)["names"]
        for alias in (a for a in seeds.aliases if a.company == key):
            found = [entry for entry in names if entry["name"] == alias.name]
            assert len(found) == 1, alias.name
            source = found[0]["source"]
            assert source["document"] == alias.source.document
            assert source["kind"] in ("disclosure", "report")
            assert source["url"].startswith(("http://", "https://"))
            assert source["title"]
            assert source["publisher"]
            assert source["statement"]


def test_an_alias_that_names_another_company_is_refused_with_the_file_and_entry(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = copy / "aliases.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - company: moore-threads\n"
        + "    name: 沐曦股份\n"
        + "    document: sse-688802-listing-notice\n"
        + '    statement: "A wrong claim, made to be refused."\n',
        encoding="utf-8",
    )
    with pytest.raises(SeedError) as refused:
        read_seeds(copy)
    assert "aliases.yaml" in str(refused.value)
    assert "metax" in str(refused.value)
