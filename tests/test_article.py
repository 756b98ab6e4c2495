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
    found = [(m.text, m.value, m.kind.value, m.unit, m.approx) for m in mentions]
    assert found == [
        ("دقيقتين", Decimal(2), "duration", "minute", True),  # نحو دقيقتين
        ("25 في المائة", Decimal(25), "percent", "%", True),  # ... تقريباً
        ("2022", Decimal(2022), "year", None, False),
        ("200 مليار دولار", Decimal(200_000_000_000), "money", "USD", False),
        ("الثانية", Decimal(2), "ordinal", None, False),
        ("الرابعة", Decimal(4), "ordinal", None, False),
        ("يومين", Decimal(2), "duration", "day", False),
        ("2022", Decimal(2022), "year", None, False),
    ]
    assert mentions[0].hedge == ("نحو",)
    assert mentions[1].hedge == ("تقريباً",)
    # the second 2022 is the one in the exercise's name
    assert article_text[mentions[-1].span.start - 17 : mentions[-1].span.end] == "التفاعل البحري - 2022"
    assert article_text[mentions[5].span.start - 1] == "و"  # والرابعة
