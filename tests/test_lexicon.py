"""The language data: it loads, it is clean, and broken data is refused with a precise message."""

from __future__ import annotations

import pickle

import pytest

from factcheck.errors import LexiconError, UnknownLanguageError
from factcheck.lang import SUPPORTED, get_language, split_tag
from factcheck.lang.lexicon import ROLES, load_lexicon, parse_lexicon
from factcheck.text.normalize import normalize


@pytest.mark.parametrize("code", SUPPORTED)
def test_shipped_lexicons_load(code: str) -> None:
    lex = load_lexicon(code)
    assert lex.lang == code
    assert lex.entries
    for entries in lex.entries.values():
        for entry in entries:
            assert entry.role in ROLES or entry.role == "scale"
            assert normalize(entry.key).text == entry.key


def test_arabic_duals_and_clitics_are_derived() -> None:
    ar = get_language("ar")
    assert [(e.role, e.dual, e.value) for e in ar.lookup("مليونين").entries] == [("scale", True, 1_000_000)]
    assert ar.lookup("يومين").entries[0].value == "day"
    assert ar.lookup("دقيقتين").entries[0].value == "minute"
    hit = ar.lookup("وبالمليون")
    assert hit is not None and hit.conj and hit.definite and hit.skip == 2
    assert ar.lookup("الاثنين") is None  # Monday
    assert ar.lookup("والاثنين") is None
    assert ar.lookup("لست") is None


def test_english_concatenated_compounds() -> None:
    en = get_language("en")
    (entry,) = en.lookup("twentyfifth").entries
    assert (entry.role, entry.value) == ("ordinal", 25)


def _lex(body: str) -> str:
    return '[meta]\nlang = "xx"\n' + body


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ('[cardinal]\n"one" = 1\n"one" = 2\n', "malformed TOML", 5),
        ("[cardinals]\n", "unknown table", 3),
        ('[cardinal]\n"one" = "x"\n', "Invalid literal", 4),
        ('[cardinal]\n"one" = -1\n', "not negative", 4),
        ('[cardinal]\n"خَمسة" = 5\n', "normalised", 4),
        ('[cardinal]\n"One" = 1\n"one" = 1\n', "same lookup key", 5),
        ('[cardinal]\n"one" = 1\n[ordinal]\n"one" = 1\n', "list it in [ambiguous]", 6),
        ('[vague]\n"few" = 3\n', "needs low and high", 4),
        ('[cardinal]\n"one" = { value = 1, odd = true }\n', "unknown field", 4),
        ('[negative]\n"minus" = 1\n', "non-empty string", 4),
    ],
)
def test_broken_lexicons_are_refused(body: str, message: str, line: int | None) -> None:
    with pytest.raises(LexiconError) as info:
        parse_lexicon(_lex(body), "xx.toml", "xx")
    assert message in str(info.value)
    assert str(info.value).startswith("xx.toml")
    if line is not None:
        assert info.value.line == line


def test_wrong_language_in_meta() -> None:
    with pytest.raises(LexiconError, match=r"meta\.lang"):
        parse_lexicon('[meta]\nlang = "en"\n', "xx.toml", "xx")


def test_declared_ambiguity_is_allowed() -> None:
    lex = parse_lexicon(
        _lex('[cardinal]\n"ten" = 10\n[teen_suffix]\n"ten" = 10\n[ambiguous]\n"ten" = ["cardinal", "teen_suffix"]\n'),
        "xx.toml",
        "xx",
    )
    assert [e.role for e in lex.entries["ten"]] == ["cardinal", "teen_suffix"]


def test_unknown_language() -> None:
    with pytest.raises(UnknownLanguageError, match="Did you mean ar"):
        split_tag("ara")
    assert split_tag("ar-EG") == ("ar", "EG")
    assert split_tag("ar_eg") == ("ar", "EG")
    assert split_tag("en-Latn-GB") == ("en", "GB")


def test_errors_pickle_and_keep_their_fields() -> None:
    for error in (
        LexiconError("bad", "f.toml", "cardinal", "one", 3),
        UnknownLanguageError("ara", SUPPORTED),
    ):
        clone = pickle.loads(pickle.dumps(error))
        assert str(clone) == str(error)
        assert isinstance(clone, ValueError)
    assert str(LexiconError("bad", "f.toml", "cardinal", "one", 3)) == "f.toml:3: [cardinal] 'one': bad"
