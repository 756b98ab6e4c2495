"""Articles as read from files: front matter, Markdown's non-prose, exact offsets, lines and columns."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.document import parse_document
from factcheck.errors import InputError


def test_front_matter_gives_date_language_and_title() -> None:
    doc = parse_document('---\ntitle: "Trade"\ndate: 2022-12-30\nlang: ar\n---\nنص\n', "a.txt")
    assert (doc.date, doc.lang, doc.title, doc.format) == (dt.date(2022, 12, 30), "ar", "Trade", "text")
    assert doc.body.strip() == "نص"
    assert doc.position(doc.text.index("نص")) == (6, 1)


def test_a_datetime_in_front_matter_gives_its_day() -> None:
    assert parse_document("---\ndate: 2022-12-30T08:15:00+03:00\n---\nx\n").date == dt.date(2022, 12, 30)


def test_a_bad_front_matter_date_names_the_file_and_line() -> None:
    with pytest.raises(InputError) as info:
        parse_document("---\ntitle: x\ndate: 30/12/2022\n---\nx\n", "draft.md")
    assert str(info.value).startswith("draft.md: line 3: front matter date")


def test_text_without_front_matter_is_all_prose() -> None:
    text = "date: 2022-12-30\nTrade grew 25%."
    doc = parse_document(text, "a.txt")
    assert doc.date is None and doc.body == text


@pytest.mark.parametrize(
    ("markdown", "kept", "dropped"),
    [
        ("Grew 25%.\n\n```\nx = 42\n```\n", "25%", "42"),
        ("Grew 25%.\n\n~~~python\nx = 42\n~~~\n", "25%", "42"),
        ("Grew 25%.\n\n    code 42\n", "25%", "42"),
        ("Grew 25% (`x = 42`).", "25%", "42"),
        ("See [the 2023 report](https://example.org/2022/42) on 25%.", "2023", "42"),
        ("Grew 25%. <!-- 42 -->", "25%", "42"),
        ("Grew 25%.\n\n[ref]: https://example.org/42\n", "25%", "42"),
        ("<span data-x='42'>Grew 25%</span>", "25%", "42"),
        ("- item 25%\n    - nested 42%\n", "42%", "```"),  # a nested list item is prose, not code
    ],
)
def test_markdown_keeps_only_prose(markdown: str, kept: str, dropped: str) -> None:
    doc = parse_document(markdown, "a.md")
    assert doc.format == "markdown"
    assert kept in doc.body
    assert dropped not in doc.body


def test_a_wrapped_markdown_paragraph_is_one_line_of_prose() -> None:
    text = "# Trade\nTrade grew 25%\nin 2022.\n\n- one\n- two\n"
    doc = parse_document(text, "a.md")
    assert doc.body == "# Trade\nTrade grew 25% in 2022.\n\n- one\n- two\n"
    assert parse_document(text, "a.txt").body == text  # plain text keeps its lines


def test_an_unclosed_fence_runs_to_the_end() -> None:
    doc = parse_document("Grew 25%.\n```\n42\n", "a.md")
    assert "42" not in doc.body and "25%" in doc.body


@given(st.text(st.characters(codec="utf-8")))
def test_the_body_is_the_text_with_blanks_only(text: str) -> None:
    for name in ("a.txt", "a.md"):
        try:
            doc = parse_document(text, name)
        except InputError:
            continue  # a front matter date that is no date
        assert len(doc.body) == len(doc.text)
        for original, kept in zip(doc.text, doc.body, strict=True):
            # blanks keep line breaks, except a Markdown paragraph's soft break, which reads as a space
            soft = name == "a.md" and original == "\n"
            assert kept == original or (kept == " " and (original not in "\r\n" or soft))


@given(st.text(alphabet=st.sampled_from("ab\n\r ٢٥"), max_size=40), st.data())
def test_positions_count_lines_and_code_points(text: str, data: st.DataObject) -> None:
    doc = parse_document(text)
    offset = data.draw(st.integers(0, len(text)))
    assume(not (text[offset - 1 : offset] == "\r" and text[offset : offset + 1] == "\n"))  # inside a CRLF
    line, column = doc.position(offset)
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    assert line == before.count("\n") + 1
    assert column == len(before) - (before.rfind("\n") + 1) + 1
