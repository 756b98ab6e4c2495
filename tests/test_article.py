"""The shared Asharq Al-Awsat article: every number the issue names, with exact spans."""

from __future__ import annotations

from decimal import Decimal

from factcheck.mine.mentions import find_mentions

from .conftest import needs_shared


@needs_shared
def test_shared_article_numbers(article_text: str) -> None:
    mentions = find_mentions(article_text, lang="ar")
    for m in mentions:
        assert article_text[m.span.start : m.span.end] == m.text
    found = [(m.text, m.value, m.kind.value) for m in mentions]
    assert found == [
        ("دقيقتين", Decimal(2), "number"),
        ("25", Decimal(25), "number"),
        ("2022", Decimal(2022), "number"),
        ("200 مليار", Decimal(200_000_000_000), "number"),
        ("الثانية", Decimal(2), "ordinal"),
        ("الرابعة", Decimal(4), "ordinal"),
        ("يومين", Decimal(2), "number"),
        ("2022", Decimal(2022), "number"),
    ]
    # 25 is the one in "25 في المائة", and the second 2022 is the one in the exercise's name
    by_text = {m.text: m for m in mentions}
    assert article_text[by_text["25"].span.start :].startswith("25 في المائة")
    assert article_text[mentions[-1].span.start - 17 : mentions[-1].span.end] == "التفاعل البحري - 2022"
    assert article_text[by_text["الرابعة"].span.start - 1] == "و"
