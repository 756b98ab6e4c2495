"""Long texts are read a window at a time: the windows cover the text, never split a paragraph
or a token when they need not, and mining window by window finds what mining the whole finds."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck.text.windows as windows_module
from factcheck.mine.claims import mine_claims
from factcheck.mine.mentions import find_mentions
from factcheck.text.windows import windows

from .conftest import ROOT


@given(st.text(alphabet="ab1 \n.", max_size=300), st.integers(min_value=2, max_value=40))
def test_windows_cover_the_text_in_order_within_the_size(text: str, size: int) -> None:
    pieces = list(windows(text, size))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a < b or len(text) == 0 for a, b in pieces)
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(pieces))
    assert all(b - a <= size for a, b in pieces)


def test_windows_cut_at_a_paragraph_then_a_line_then_a_space() -> None:
    text = "aaaa bbbb\ncccc\n\ndddd eeee"
    assert list(windows(text, 18)) == [(0, 16), (16, 25)]  # after the blank line
    assert list(windows("aaaa bbbb\ncccc dddd", 16)) == [(0, 10), (10, 19)]  # after the line break
    assert list(windows("aaaa bbbb cccc", 12)) == [(0, 10), (10, 14)]  # after the last space


def test_text_without_spaces_is_cut_between_tokens_when_one_is_near() -> None:
    text = "((((" + "1234567890" * 3
    (first, _), (cut, _) = list(windows(text, 20))[:2]
    assert first == 0 and cut == 4  # not inside the digits


def test_a_window_needs_two_characters() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        list(windows("abc", 1))


def _corpus() -> str:
    names = ("ar-russia-china-trade-2023.txt", "en-russia-china-energy-2024.md")  # short paragraphs
    return "\n\n".join((ROOT / "examples" / name).read_text(encoding="utf-8") for name in names)


@pytest.mark.parametrize("size", [500, 700])
def test_mining_window_by_window_finds_what_mining_the_whole_finds(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    text = _corpus()
    whole_claims, whole_mentions = mine_claims(text), find_mentions(text)
    monkeypatch.setattr(windows_module, "WINDOW_CHARS", size)
    pieces = list(windows(text))
    assert len(pieces) >= 3
    assert all(text[b - 2 : b] == "\n\n" for _, b in pieces[:-1])  # every cut between paragraphs
    assert mine_claims(text) == whole_claims
    assert find_mentions(text) == whole_mentions


def test_a_group_word_after_a_window_cut_names_the_countries_before_it(monkeypatch: pytest.MonkeyPatch) -> None:
    first = "اتصل رئيس روسيا بنظيره الصيني هاتفياً يوم الجمعة."
    text = first + "\n\n" + "وقال إن التجارة بين البلدين نمت بنسبة 30 في المائة."
    monkeypatch.setattr(windows_module, "WINDOW_CHARS", len(first) + 4)
    assert len(list(windows(text))) == 2
    (claim,) = [c for c in mine_claims(text, "ar") if c.check_worthy]
    assert claim.entities == ("RUS", "CHN")
