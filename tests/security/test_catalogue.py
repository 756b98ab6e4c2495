"""Catalogue entries (H9, M7, M8, M16): every key is checked against its declared type before it
is used, so a value of the wrong type (a text where a list belongs, a text where a table belongs)
is a ReferenceDataError naming the file, the key's line, what was expected and what was found,
never an AttributeError and never a text split into letters, in the API and in the CLI."""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.errors import ReferenceDataError
from factcheck.reference.catalogue import load_catalogue, parse_entry
from factcheck.reference.store import validate

ENTRY = """id = "toy"
data = "toy.csv"
title = { en = "Toy exports" }
publisher = "Test"
licence = "CC0"
retrieved = 2024-01-01
as_of = 2023-12-31
unit = "USD"
measure = "level"
aliases = { en = ["exports"], ar = ["الصادرات"] }
urls = ["https://example.org"]

[columns]
country = "entity"
year = "year"
flow = "category"
value = "value"
source = "source"

[categories]
flow = ["export", "import"]

[category_defaults]
flow = "export"

[category_aliases.flow]
export = { en = ["exports"] }

[entity_aliases.RUS]
en = ["Russian customs"]

[sources.s1]
publisher = "A publisher"
title = "A title"
url = "https://example.org/a"
date = "2023-01-15"
"""
ROWS = "country,year,flow,value,source\nRUS,2022,export,1,s1\n"


def make(tmp_path: Path, entry: str) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    (folder / "toy.toml").write_text(entry, encoding="utf-8")
    (folder / "toy.csv").write_text(ROWS, encoding="utf-8")
    return folder


def line_of(entry: str, text: str) -> int:
    return entry[: entry.index(text)].count("\n") + 1


def test_the_entry_used_here_is_valid(tmp_path: Path) -> None:
    dataset = load_catalogue([make(tmp_path, ENTRY)])["toy"]
    assert dataset.aliases == {"en": ("exports",), "ar": ("الصادرات",)}
    assert dataset.entity_aliases == {"RUS": {"en": ("Russian customs",)}}


# (finding, old text, new text, the key named in the message, the text whose line is reported)
WRONG_TYPES = [
    ("M7", 'aliases = { en = ["exports"], ar', 'aliases = { en = "GDP", ar', "aliases.en", "aliases ="),
    ("M7", 'urls = ["https://example.org"]', 'urls = "https://example.org"', "urls", "urls ="),
    ("M7", 'flow = ["export", "import"]', 'flow = "export"', "categories.flow", 'flow = "export"\n\n[category_d'),
    ("M7", 'en = ["Russian customs"]', 'en = "Russian customs"', "entity_aliases.RUS.en", 'en = "Russian'),
    (
        "M7",
        'export = { en = ["exports"] }',
        'export = { en = "exports" }',
        "category_aliases.flow.export.en",
        "export = {",
    ),
    ("M7", 'measure = "level"', 'measure = "change"\nchange_aliases = { en = "GDP" }', "change_aliases.en", "change_"),
    ("H9", 'aliases = { en = ["exports"], ar = ["الصادرات"] }', 'aliases = "exports"', "aliases", "aliases ="),
    ("H9", '[categories]\nflow = ["export", "import"]', '^categories = "flow"', "categories", "categories ="),
    (
        "H9",
        '[category_aliases.flow]\nexport = { en = ["exports"] }',
        "^category_aliases = 3",
        "category_aliases",
        "cat",
    ),
    ("H9", '[category_defaults]\nflow = "export"', "^category_defaults = [1]", "category_defaults", "category_def"),
    (
        "H9",
        '[category_defaults]\nflow = "export"',
        "[category_defaults]\nflow = 7",
        "category_defaults.flow",
        "flow = 7",
    ),
    ("H9", '[entity_aliases.RUS]\nen = ["Russian customs"]', "^entity_aliases = 1", "entity_aliases", "entity_"),
    ("H9", 'title = { en = "Toy exports" }', 'title = "Toy exports"', "title", "title ="),
    ("H9", 'title = { en = "Toy exports" }', "title = { en = 5 }", "title.en", "title ="),
    ("H9", 'publisher = "Test"', "publisher = [1]", "publisher", "publisher ="),
    ("H9", 'licence = "CC0"', "licence = 0", "licence", "licence ="),
    ("H9", 'unit = "USD"', "unit = 1", "unit", "unit ="),
    ("H9", 'measure = "level"', "measure = [1]", "measure", "measure ="),
    ("H9", 'data = "toy.csv"', "data = 1", "data", "data ="),
    ("H9", 'country = "entity"', "country = 1", "columns.country", "country ="),
    ("H9", 'url = "https://example.org/a"', "url = 1", "sources.s1.url", "url = 1"),
    ("H9", 'date = "2023-01-15"', "date = 2023-01-15T10:00:00", "sources.s1.date", "date = 2023"),
    ("H9", "[sources.s1]", "[sources]\ns1 = 1\n[sources.s2]", "sources.s1", "s1 = 1"),
    ("M8", "retrieved = 2024-01-01", "retrieved = 0999-01-01", "retrieved", "retrieved ="),
    ("M8", "as_of = 2023-12-31", 'as_of = "2023-13-01"', "as_of", "as_of ="),
    ("M8", 'date = "2023-01-15"', 'date = "-2023-01"', "sources.s1.date", 'date = "-2023'),
    ("M8", 'date = "2023-01-15"', 'date = "2023.5"', "sources.s1.date", 'date = "2023.5'),
]


@pytest.mark.parametrize(
    ("finding", "old", "new", "key", "at"), WRONG_TYPES, ids=[f"{w[0]}-{w[3]}-{k}" for k, w in enumerate(WRONG_TYPES)]
)
def test_h9_m7_a_key_of_the_wrong_type_is_an_error_at_its_line(
    tmp_path: Path, finding: str, old: str, new: str, key: str, at: str
) -> None:
    assert old in ENTRY
    entry = new[1:] + "\n" + ENTRY.replace(old, "", 1) if new.startswith("^") else ENTRY.replace(old, new, 1)
    tomllib.loads(entry)  # the entry is valid TOML: the problem is the type
    folder = make(tmp_path, entry)
    with pytest.raises(ReferenceDataError) as caught:
        validate([folder])
    error = caught.value
    assert key in error.problem, str(error)
    assert error.line == line_of(entry, at), str(error)
    assert error.expected and error.actual, str(error)
    assert error.col is not None, str(error)  # M16: file, line and column
    assert entry.splitlines()[error.line - 1][error.col - 1 :].lstrip('"').startswith(key.split(".")[-1]), str(error)
    assert str(error).startswith(f"{folder / 'toy.toml'}:{error.line}:{error.col}: ")
    result = CliRunner().invoke(main, ["ref", "validate", str(folder)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert f"toy.toml:{error.line}:" in result.stderr and key in result.stderr
    result = CliRunner().invoke(main, ["ref", "--reference-dir", str(folder), "list"])
    assert result.exit_code == 2 and key in result.stderr


def test_m7_a_text_is_never_split_into_letters(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match=r"aliases\.en must be a list"):
        parse_entry(ENTRY.replace('en = ["exports"], ar', 'en = "GDP", ar'), make(tmp_path, ENTRY) / "toy.toml")


def test_m16_toml_errors_carry_line_and_column(tmp_path: Path) -> None:
    entry = ENTRY.replace('unit = "USD"', 'unit = "USD" x')
    with pytest.raises(ReferenceDataError) as caught:
        validate([make(tmp_path, entry)])
    error = caught.value
    assert error.line == line_of(entry, "unit =")
    assert error.col == len('unit = "USD" ') + 1  # where the stray x stands
    assert str(error).startswith(f"{tmp_path / 'data' / 'toy.toml'}:{error.line}:{error.col}: malformed TOML")


def test_m16_a_duplicate_toml_key_names_its_line(tmp_path: Path) -> None:
    entry = ENTRY.replace('unit = "USD"', 'unit = "USD"\nunit = "EUR"')
    with pytest.raises(ReferenceDataError) as caught:
        validate([make(tmp_path, entry)])
    assert caught.value.line == line_of(entry, 'unit = "EUR"')


TOML_VALUES = st.recursive(
    st.none().map(lambda _: "1")
    | st.text(alphabet="abc ", max_size=4).map(lambda t: f'"{t}"')
    | st.sampled_from(["true", "2.5", "-3", "2024-01-01", "2024-01-01T00:00:00"]),
    lambda inner: (
        st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]")
        | st.dictionaries(st.sampled_from(["en", "ar", "x"]), inner, max_size=2).map(
            lambda d: "{ " + ", ".join(f"{k} = {v}" for k, v in d.items()) + " }"
        )
    ),
    max_leaves=6,
)
TOP_KEYS = ["title", "description", "publisher", "licence", "urls", "retrieved", "as_of", "unit", "unit_label"]
TOP_KEYS += ["measure", "aliases", "data", "change_aliases", "id"]


@settings(max_examples=150)
@given(st.sampled_from(TOP_KEYS), TOML_VALUES)
def test_h9_any_value_for_any_key_is_accepted_or_a_reference_data_error(key: str, value: str) -> None:
    lines = [line for line in ENTRY.splitlines() if not line.startswith(f"{key} =")]
    entry = f"{key} = {value}\n" + "\n".join(lines) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "toy.csv").write_text(ROWS, encoding="utf-8")
        try:
            dataset = parse_entry(entry, Path(folder) / "toy.toml")
        except ReferenceDataError as exc:
            error: ReferenceDataError | None = exc
        else:
            error = None
    if error is not None:
        assert error.path.endswith("toy.toml")
    else:  # accepted: then every text list holds texts, not letters of a text
        for words in [*dataset.aliases.values(), *dataset.change_aliases.values(), dataset.urls]:
            assert all(isinstance(w, str) and w.strip() for w in words)
