"""The country a claim is about when it names none (issue 12, item 4, in part): the one its user
gives (front matter ``country:``, ``--country``), else the one the article names most ("the
kingdom", البلاد, a bare statistic).  An assumed country may support a claim but never contradict
it.  Sentences of our own writing; the World Bank gives Egypt's GDP growth in 2023 as 3.76%.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.document import parse_document
from factcheck.errors import InputError
from factcheck.mine.claims import mine_claims


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("GDP grew 3.8% in 2023.", "3.8%"),
        ("نما الناتج المحلي الإجمالي بنسبة 3.8% في 2023.", "3.8%"),
    ],
)
def test_a_country_given_by_the_user_is_the_subject(text: str, number: str, finding) -> None:
    f = finding(text, number, country="EGY")
    assert f["claim"]["entities"] == ["EGY"] and f["claim"]["entities_from"] == "document"
    assert f["verdict"] == "SUPPORTED"
    # the user said so: a figure that disagrees is contradicted
    assert finding(text.replace("3.8", "5.5"), "5.5%", country="EGY")["verdict"] == "CONTRADICTED"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Egypt signed new loans. Egypt's central bank held rates. The country's economy grew 3.8% in 2023.", "3.8%"),
        ("وقعت مصر قروضا جديدة. وثبت البنك المركزي في مصر الفائدة. ونما اقتصاد البلاد بنسبة 3.8% في 2023.", "3.8%"),
    ],
)
def test_the_country_the_article_names_most_may_support_but_not_contradict(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert f["claim"]["entities"] == ["EGY"] and f["claim"]["entities_from"] == "article"
    assert f["verdict"] == "SUPPORTED"
    wrong = finding(text.replace("3.8", "5.5"), "5.5%")
    assert wrong["verdict"] == "UNVERIFIABLE" and wrong["reason_code"] == "doubtful_link"
    assert "the country the article names most" in wrong["reason"]


def test_no_main_country_when_two_are_named_as_often() -> None:
    text = "Egypt and Jordan signed a deal. Egypt and Jordan will trade more. GDP grew 3.8% in 2023."
    (claim,) = [c for c in mine_claims(text) if c.text == "3.8%"]
    assert claim.entities == () and claim.entities_from == "text"


def test_a_claim_that_names_its_country_keeps_it() -> None:
    text = "Egypt signed new loans. Egypt wants more. Jordan's economy grew 2.6% in 2023."
    (claim,) = [c for c in mine_claims(text) if c.text == "2.6%"]
    assert claim.entities == ("JOR",) and claim.entities_from == "text"


@pytest.mark.parametrize("value", ["Egypt", "مصر", "EGY", "egypt"])
def test_front_matter_country(value: str) -> None:
    doc = parse_document(f"---\ncountry: {value}\n---\nGDP grew 3.8% in 2023.\n")
    assert doc.country == "EGY"


def test_an_unknown_front_matter_country_names_its_line() -> None:
    with pytest.raises(InputError, match=r"line 3: front matter country 'Atlantis'"):
        parse_document("---\ntitle: x\ncountry: Atlantis\n---\nGDP grew 3.8% in 2023.\n", "a.md")


def test_the_cli_country_option(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("GDP grew 3.8% in 2023.\n", encoding="utf-8")
    out = str(tmp_path / "out")
    run = CliRunner().invoke(main, ["check", "--country", "مصر", "--out", out, "--format", "json", str(article)])
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout)["findings"][0]["verdict"] == "SUPPORTED"
    run = CliRunner().invoke(main, ["check", "--country", "Atlantis", "--out", out, str(article)])
    assert run.exit_code == 2 and "--country 'Atlantis'" in run.output


@pytest.mark.parametrize(
    ("name", "code"), [("Nigerians", "NGA"), ("Egyptians", "EGY"), ("Saudis", "SAU"), ("Filipinos", "PHL")]
)
def test_a_people_names_its_country(name: str, code: str) -> None:
    from factcheck.entities import get_gazetteer

    assert get_gazetteer().code_for(name) == code


def test_what_a_people_sent_home_is_its_remittances(finding) -> None:
    f = finding("Egyptians sent home $22 billion in 2023.", "$22 billion")
    assert f["claim"]["entities"] == ["EGY"] and f["reference"]["dataset"] == "wb_bx_trf_pwkr_cd_dt"
