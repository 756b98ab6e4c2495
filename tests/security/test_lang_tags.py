"""Finding C1: language tags are validated BCP 47 tags of a supported language, written only in
canonical form; nothing else from ``lang`` (front matter, ``--lang``, a Report built by hand)
reaches a report."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck import check_text
from factcheck.cli import main
from factcheck.errors import InputError, UnknownLanguageError
from factcheck.lang import canonical_tag, split_tag
from factcheck.report import language, language_tag, render_json
from factcheck.report.claimreview import render_claimreview
from factcheck.report.html import render_html
from factcheck.report.markdown import render_markdown

HOSTILE_TAG = 'ar_"><script>alert(1)</script>'
ARTICLE = "Trade between China and Russia reached $240.1 billion in 2023.\n"


@pytest.mark.parametrize(
    ("tag", "split", "canonical"),
    [
        ("ar", ("ar", None), "ar"),
        ("en", ("en", None), "en"),
        ("ar-EG", ("ar", "EG"), "ar-EG"),
        ("ar_MA", ("ar", "MA"), "ar-MA"),
        ("en-GB", ("en", "GB"), "en-GB"),
        ("ar-Arab-EG", ("ar", "EG"), "ar-Arab-EG"),
        ("ar-001", ("ar", "001"), "ar-001"),
        ("AR-arab-eg", ("ar", "EG"), "ar-Arab-EG"),
        ("en-GB-oxendict", ("en", "GB"), "en-GB-oxendict"),
    ],
)
def test_c1_well_formed_tags_are_accepted_in_canonical_form(tag: str, split, canonical: str) -> None:
    assert split_tag(tag) == split
    assert canonical_tag(tag) == canonical


@pytest.mark.parametrize(
    "tag",
    [
        HOSTILE_TAG,
        'ar"',
        "ar<",
        "ar eg",
        "ar-EG ",
        "ar\n",
        "ar-EG.UTF-8",
        "ar@latin",
        "ar-abcdefghi",  # a subtag over 8 characters
        "ar-" + "EG-" * 20 + "EG",  # over-long
        "ar-x-private",
        "ar--EG",
        "ar-",
        "-ar",
        "ar-EG-EG",
        "ar-Latn-Arab",
        "fr",
        "ara",
        "ar-\u0661\u0662",  # Arabic-Indic digits are not ASCII
        "",
    ],
)
def test_c1_malformed_or_unsupported_tags_are_refused(tag: str) -> None:
    with pytest.raises(UnknownLanguageError) as caught:
        split_tag(tag)
    assert isinstance(caught.value, InputError)
    assert str(caught.value).startswith("Unknown language ")
    with pytest.raises(UnknownLanguageError):
        canonical_tag(tag)


@given(st.text(max_size=40))
def test_c1_any_accepted_tag_is_letters_digits_and_hyphens(tag: str) -> None:
    try:
        canonical = canonical_tag(tag)
    except UnknownLanguageError:
        return
    assert canonical == "auto" or all(part.isascii() and part.isalnum() for part in canonical.split("-"))
    assert canonical == "auto" or canonical.split("-")[0] in ("ar", "en")


def test_c1_lang_tag_never_reaches_html_unescaped(shipped_store) -> None:
    # the API refuses the tag as an option and in front matter
    with pytest.raises(UnknownLanguageError):
        check_text(ARTICLE, lang=HOSTILE_TAG, store=shipped_store)
    with pytest.raises(UnknownLanguageError):
        check_text(f"---\nlang: {HOSTILE_TAG}\n---\n{ARTICLE}", store=shipped_store, name="a.md")
    # and a Report built by hand with it writes only a validated language
    report = dataclasses.replace(check_text(ARTICLE, store=shipped_store), lang=HOSTILE_TAG)
    assert language(report) == "en" and language_tag(report) == "en"
    page = render_html(report)
    assert '<html lang="en" dir="ltr">' in page and "<script" not in page.lower()
    markdown = render_markdown(report)
    assert "- Language: en\n" in markdown and "<script" not in markdown
    assert all(r["inLanguage"] == "en" for r in render_claimreview([report]))
    assert json.loads(render_json(report))["input"]["lang"] == HOSTILE_TAG  # JSON keeps data, escaped


def test_c1_reports_write_the_canonical_tag(shipped_store) -> None:
    report = check_text(ARTICLE, lang="en_gb", store=shipped_store)
    assert language_tag(report) == "en-GB" and language(report) == "en"
    assert "- Language: en-GB\n" in render_markdown(report)
    assert '<html lang="en" dir="ltr">' in render_html(report)


def test_c1_lang_tag_is_refused_by_the_cli(tmp_path: Path, shipped_cache: Path, monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(shipped_cache))
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", "--out", str(out), "--lang", HOSTILE_TAG, str(article)])
    assert result.exit_code == 2, result.output
    assert "Unknown language" in result.stderr and "Traceback" not in result.output + result.stderr
    article.write_text(f"---\nlang: {HOSTILE_TAG}\n---\n{ARTICLE}", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--out", str(out), "--format", "html", str(article)])
    assert result.exit_code == 2
    assert "front matter lang" in result.stderr and "Unknown language" in result.stderr
    assert "<script" not in result.stdout and not list(out.glob("*.html"))
    for command in (["mine", "--lang", HOSTILE_TAG, str(article)],):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2 and "Unknown language" in result.stderr
