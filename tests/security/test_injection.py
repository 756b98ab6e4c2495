"""Findings H1, M2 and L6 (and C1 through every renderer): no string from an article, its front
matter, the options or the reference catalogue can become markup, a script, a link to anything
but http(s), or text that is not UTF-8, in any report format.

The property test draws hostile strings for every field a renderer writes and checks each format
against what our templates can produce: an allow-list of HTML elements and attributes, Markdown
without raw HTML or non-http(s) links, JSON that parses and round-trips, strict UTF-8 everywhere.
"""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import check_text
from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.report import render_json
from factcheck.report.ci import render_github, render_sarif
from factcheck.report.claimreview import claimreview_script, render_claimreview, render_claimreview_json
from factcheck.report.escape import check_url, md_code, md_fence, md_link, md_text, plain, safe_url
from factcheck.report.html import render_html
from factcheck.report.markdown import render_markdown
from factcheck.report.table import render_table
from factcheck.text.bidi import EXPLICIT

HOSTILE_PIECES = (
    "</script>",
    "</SCRIPT >",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "![i](https://evil.example/x.png)",
    "<!--",
    "-->",
    "]]>",
    "`",
    "```",
    "|",
    "\n",
    "\r\n",
    "\u2028",
    "\x00",
    "\x1b[31m",
    "\ud800",
    "\udfff",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "&amp;",
    "<details>",
    "*",
    "_",
    "#",
    "\\",
)
hostile = st.lists(st.sampled_from(HOSTILE_PIECES) | st.text(max_size=4), max_size=6).map("".join)
CATALOGUE_HOSTILE = "</script><img src=x onerror=alert(1)>[x](javascript:alert(1)) <!-- ]]> `|\u202e\n"
CLAIM_SENTENCE = "Russia's exports reached $125 million in 2022."


def _toml(text: str) -> str:
    return json.dumps(text)  # a JSON string of BMP characters is a TOML basic string


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory):
    """A one-dataset catalogue whose titles, publishers and source URLs are hostile."""
    from factcheck.reference.store import open_store

    folder = tmp_path_factory.mktemp("hostile-reference")
    (folder / "toy.toml").write_text(
        f"""id = "toy"
data = "toy.csv"
title = {{ en = {_toml("Toy exports " + CATALOGUE_HOSTILE)}, ar = {_toml("صادرات " + CATALOGUE_HOSTILE)} }}
publisher = {_toml("Publisher " + CATALOGUE_HOSTILE)}
licence = "CC0"
retrieved = 2024-01-01
as_of = 2023-12-31
unit = "USD"
measure = "level"
aliases = {{ en = ["exports"], ar = ["الصادرات"] }}

[columns]
country = "entity"
year = "year"
value = "value"
source = "source"

[sources.s1]
publisher = {_toml("Publisher " + CATALOGUE_HOSTILE)}
title = {_toml("Title " + CATALOGUE_HOSTILE)}
url = "javascript:alert(1)"
date = "2023-01-15"

[sources.s2]
publisher = "P2"
title = "T2"
url = " JAVASCRIPT:alert(2)"
date = "2023-01-15"

[sources.s3]
publisher = "P3"
title = "T3"
url = "https://example.org/ok?a=1&b=<2>"
date = "2023-01-15"
""",
        encoding="utf-8",
    )
    (folder / "toy.csv").write_text(
        "country,year,value,source\nRUS,2022,125000000,s1\nRUS,2021,100000000,s2\nCHN,2022,300000000,s3\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTCHECK_CACHE", str(tmp_path_factory.mktemp("hostile-cache")))
        store = open_store([folder])
    yield store
    store.close()


# ---- the checks, one per format ------------------------------------------------------------------

_HTML_ATTRS = {
    "html": {"lang", "dir"},
    "meta": {"charset", "http-equiv", "content", "name"},
    "a": {"class", "id", "href", "style", "title", "data-verdict", "rel"},
    "span": {"class", "title"},
    "section": {"class", "id", "style", "dir"},
    "svg": {"xmlns", "viewbox", "width", "height", "role", "aria-label", "direction", "font-size", "font-family"},
    "rect": {"x", "y", "width", "height", "fill", "fill-opacity"},
    "text": {"x", "y", "text-anchor"},
    "line": {"x1", "x2", "y1", "y2", "stroke"},
    "li": {"style", "dir"},
    "td": {"dir"},
}
_HTML_PLAIN = {"head", "title", "style", "body", "header", "h1", "p", "ul", "main", "article", "aside", "h2", "bdi"}
_HTML_PLAIN |= {"dl", "dt", "dd", "h3", "code", "table", "thead", "tbody", "tr", "th", "footer"}
_HTML_DIR = {"h1", "p", "article", "h2", "h3", "dd", "ul"}
_HTML_CLASS = {"p", "article", "aside", "ul", "span"}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.found.append((tag, attrs))

    def handle_comment(self, data):
        self.comments.append(data)

    def unknown_decl(self, data):
        self.comments.append(data)


def assert_html_from_our_template(page: str) -> None:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    assert not parser.comments, parser.comments
    assert page.index('http-equiv="Content-Security-Policy"') < page.index("<body>")
    for tag, attrs in parser.found:
        allowed = _HTML_ATTRS.get(tag, set())
        if tag in _HTML_PLAIN:
            allowed = allowed | ({"dir"} if tag in _HTML_DIR else set()) | ({"class"} if tag in _HTML_CLASS else set())
        elif tag not in _HTML_ATTRS:
            raise AssertionError(f"an element our template never writes: <{tag} {attrs}>")
        for name, value in attrs:
            assert name in allowed, f"<{tag}> has an attribute our template never writes: {name}={value!r}"
            assert not name.startswith("on")
            if name == "href":
                assert value is not None and value.startswith(("#", "http://", "https://")), value
                assert not re.search(r"\s", value)
            if name == "style":
                assert re.fullmatch(r"(--c|background):#[0-9a-f]{6}", value or ""), value
            if name == "lang":
                assert value in ("ar", "en")
    assert [tag for tag, _ in parser.found].count("meta") == 3
    assert "<script" not in page.lower()


def _unescaped(text: str, wanted: str) -> list[int]:
    """Offsets of ``wanted`` characters not escaped by a backslash, outside code spans and blocks."""
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            run = re.match("`+", text[i:]).group()
            close = re.compile(r"(?<!`)" + run + r"(?!`)").search(text, i + len(run))
            if close is not None:
                i = close.end()
                continue
        if ch in wanted:
            out.append(i)
        i += 1
    return out


def assert_markdown_without_markup(markdown: str) -> None:
    lines, fence = [], None
    for line in markdown.split("\n"):  # drop our fenced code blocks
        if fence is None and re.match("```+", line):
            fence = re.match("`+", line).group()
        elif fence is not None and line == fence:
            fence = None
        elif fence is None:
            lines.append(line)
    assert fence is None, "a code block was left open"
    text = "\n".join(lines)
    ours = ("<details>", "<summary>", "</summary>", "</details>")
    for at in _unescaped(text, "<"):
        rest = text[at:]
        if rest.startswith(ours):
            continue
        autolink = re.match(r"<([^<>\s]*)>", rest)
        assert autolink is not None and autolink.group(1).startswith(("http://", "https://")), rest[:60]
    for at in _unescaped(text, "]"):
        if text[at + 1 : at + 2] == "(":
            target = text[at + 2 :].split(")")[0]
            assert target.startswith(("http://", "https://", "#")), target
    for line in lines:  # no HTML block but ours, no link reference definition
        assert line in ("<details><summary>SQL</summary>", "</details>") or not re.match(r" {0,3}(<|\[[^\]]*\]:)", line)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _no_raw_bidi(text: str) -> None:
    assert not any(ch in EXPLICIT for ch in text)


def assert_every_format_is_safe(report) -> None:
    outputs = {
        "json": render_json(report),
        "md": render_markdown(report),
        "html": render_html(report),
        "sarif": json.dumps(render_sarif([report]), ensure_ascii=False, indent=2),
        "github": render_github([report], {"AMBIGUOUS", "UNVERIFIABLE", "PENDING"}),
        "claimreview": render_claimreview_json([report], "factcheck", "https://example.org", None),
        "script": claimreview_script([report], "factcheck", "https://example.org", None),
        "table": render_table(report),
    }
    for kind, text in outputs.items():
        text.encode("utf-8")  # strict: no lone surrogate reaches any output (L6)
        if kind != "json":
            _no_raw_bidi(text)
    assert_html_from_our_template(outputs["html"])
    assert_markdown_without_markup(outputs["md"])
    script = outputs["script"]
    body = script.removeprefix('<script type="application/ld+json">\n').removesuffix("\n</script>\n")
    assert "</script" not in body.lower() and "<!--" not in body and "<" not in body and ">" not in body
    assert json.loads(body) == json.loads(outputs["claimreview"])
    reviews = render_claimreview([report], "factcheck", "https://example.org", None)
    assert json.loads(outputs["claimreview"]) == json.loads(json.dumps(reviews))
    for review in reviews:
        assert review["inLanguage"] in ("ar", "en")
        url = review["itemReviewed"]["appearance"].get("url")
        assert url is None or safe_url(url) == url
    data = json.loads(outputs["json"])
    as_json = json.loads(json.dumps([report.document.name, report.document.title, report.lang]))  # pairs join
    assert [data["input"][k] for k in ("name", "title", "lang")] == as_json  # the JSON report keeps the strings
    sarif = json.loads(outputs["sarif"])
    messages = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert messages == [plain(f.explanation) for f in report.findings]
    for line in outputs["github"].splitlines():
        assert line.startswith(("::error ", "::warning ")) and "\r" not in line
    for line in outputs["table"].splitlines():
        assert not re.search(r"[\x00-\x1f\x7f-\x9f]", line)


def _hostile_report(store, body: str, name: str, title: str, url: str, lang: str, claim: str):
    report = check_text(f"{body}\n\n{CLAIM_SENTENCE}\n\n{body}", store=store, name=name)
    assert report.findings, "the claim sentence must be checked against the hostile catalogue"
    first = report.findings[0]
    changed = dataclasses.replace(first.claim, text=claim or first.claim.text, as_written=claim or "x")
    findings = (dataclasses.replace(first, claim=changed), *report.findings[1:])
    document = dataclasses.replace(report.document, title=title, url=url)
    return dataclasses.replace(report, document=document, lang=lang, findings=findings)


@settings(max_examples=40)  # each example checks an article: keep the suite quick
@given(body=hostile, name=hostile, title=hostile, url=hostile, lang=hostile, claim=hostile)
@example(
    body="<script>alert(1)</script> [x](javascript:alert(1)) <!-- \ud800 \u202e92\u202c%",
    name='"><img src=x onerror=alert(1)>.md',
    title="</title><script>alert(1)</script>",
    url="java\tscript:alert(1)",
    lang='ar_"><script>alert(1)</script>',
    claim="</script>\u202e92\u202c% [x](javascript:alert(1))",
)
@example(body="", name="", title="\ud800\udfff", url="", lang="\ud800\udfff", claim="")  # JSON joins the pair
@example(body="\x1b[31m", name="", title="", url="", lang="", claim="\u2028")  # a line break to splitlines()
def test_every_renderer_is_safe_for_hostile_strings(hostile_store, body, name, title, url, lang, claim) -> None:
    assert_every_format_is_safe(_hostile_report(hostile_store, body, name, title, url, lang, claim))


# ---- H1: ClaimReview and URLs ---------------------------------------------------------------------

ARTICLE = "Trade between China and Russia reached $240.1 billion in 2023.\n"
BREAKOUT = "Trade between China and Russia reached $240.1 billion in 2023 </script><script>alert(1)</script><!--.\n"


def test_h1_claimreview_json_ld_cannot_break_out_of_its_script(shipped_store) -> None:
    report = check_text(BREAKOUT, store=shipped_store)
    text = render_claimreview_json([report])
    assert "</script" not in text.lower() and "<!--" not in text and "<" not in text
    [review] = json.loads(text)
    assert "</script><script>alert(1)</script>" in review["claimReviewed"]  # the data stay whole
    script = claimreview_script([report])
    assert script.lower().count("</script") == 1 and script.endswith("</script>\n")
    separators = render_claimreview_json([check_text(ARTICLE.replace(" in ", "\u2028in "), store=shipped_store)])
    assert "\u2028" not in separators


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/relative/path",
        "https:evil.example",
        "https://",
        "http://exa mple.org",
        "https://example.org/\u202eexe.pdf",
        "https://example.org/\ud800",
        "mailto:x@example.org",
        "",
    ],
)
def test_h1_only_http_urls_are_links(url: str) -> None:
    assert safe_url(url) is None
    with pytest.raises(InputError) as caught:
        check_url(url, "--author-url")
    assert str(caught.value).startswith("--author-url must be an http:// or https:// address, not ")
    assert "\ud800" not in str(caught.value)


def test_h1_http_urls_are_kept_and_made_safe_to_embed() -> None:
    assert safe_url("https://example.org/a?b=1&c=2#d") == "https://example.org/a?b=1&c=2#d"
    assert safe_url("HTTP://Example.org") == "HTTP://Example.org"
    assert safe_url('https://example.org/<x>"') == "https://example.org/%3Cx%3E%22"
    assert check_url("https://example.org", "--url") == "https://example.org"


def test_h1_javascript_urls_are_never_written(shipped_store) -> None:
    report = check_text(f"---\nurl: javascript:alert(1)\n---\n{ARTICLE}", store=shipped_store, name="a.md")
    assert any("url: is not an http:// or https:// address" in d for d in report.diagnostics)
    [review] = render_claimreview([report], author_url="javascript:alert(2)", url=" JAVASCRIPT:alert(3)")
    assert "url" not in review["itemReviewed"]["appearance"] and "url" not in review["author"]
    assert "javascript" not in render_claimreview_json([report], "x", "java\tscript:alert(2)").lower()
    [review] = render_claimreview([report], author_url="https://example.org", url="https://example.org/a")
    assert review["author"]["url"] == "https://example.org"
    assert review["itemReviewed"]["appearance"]["url"] == "https://example.org/a"
    good = check_text(f"---\nurl: https://example.org/b\n---\n{ARTICLE}", store=shipped_store, name="a.md")
    assert render_claimreview([good])[0]["itemReviewed"]["appearance"]["url"] == "https://example.org/b"
    assert not any("url:" in d for d in good.diagnostics)


def _cli(tmp_path: Path, shipped_cache: Path, *args: str, text: str = ARTICLE):
    article = tmp_path / "a.md"
    article.write_text(text, encoding="utf-8")
    env = {"FACTCHECK_CACHE": str(shipped_cache)}
    return CliRunner().invoke(main, ["check", "--out", str(tmp_path / "out"), *args, str(article)], env=env)


def test_h1_front_matter_javascript_url_is_dropped_by_the_cli(tmp_path: Path, shipped_cache: Path) -> None:
    text = f"---\nurl: javascript:alert(1)\n---\n{ARTICLE}"
    result = _cli(tmp_path, shipped_cache, "--format", "claimreview", text=text)
    assert result.exit_code == 0, result.output
    assert "javascript" not in result.stdout.lower() and json.loads(result.stdout)
    assert "url: is not an http:// or https:// address" in (tmp_path / "out" / "a.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", ["--url", "--author-url"])
def test_h1_cli_refuses_a_non_http_url_option(tmp_path: Path, shipped_cache: Path, option: str) -> None:
    result = _cli(tmp_path, shipped_cache, "--format", "claimreview", option, "javascript:alert(1)")
    assert result.exit_code == 2
    assert f"{option} must be an http:// or https:// address" in result.stderr
    assert "Traceback" not in result.output


def test_h1_cli_claimreview_cannot_break_out_of_a_script(tmp_path: Path, shipped_cache: Path) -> None:
    result = _cli(tmp_path, shipped_cache, "--format", "claimreview", text=BREAKOUT)
    assert result.exit_code == 0, result.output
    assert "</script" not in result.stdout.lower() and "<!--" not in result.stdout
    assert "</script><script>" in json.loads(result.stdout)[0]["claimReviewed"]


# ---- M2: Markdown injection -----------------------------------------------------------------------


def test_m2_markdown_escapes_language_links_and_catalogue_urls(hostile_store) -> None:
    text = "[x](javascript:alert(1)) <img src=x onerror=alert(1)> <javascript:alert(1)>\n\n" + CLAIM_SENTENCE
    report = check_text(text, store=hostile_store, name="[n](javascript:alert(1)).md")
    markdown = render_markdown(report)
    assert_markdown_without_markup(markdown)
    assert "\\[x\\](javascript:alert(1))" in markdown
    assert not re.search(r"(?<!\\)<(javascript|img)", markdown)
    assert ", javascript:alert(1)\n" in markdown  # the catalogue's URL as plain text, not a link
    assert "<https://example.org/ok?a=1&b=%3C2%3E>" in render_markdown(
        check_text("China's exports reached $300 million in 2022.", store=hostile_store)
    )
    page = render_html(report)  # the HTML page names the source, unlinked
    assert "Title &lt;/script&gt;&lt;img src=x" in page and 'href="javascript' not in page.lower()
    assert_html_from_our_template(page)
    hostile_lang = dataclasses.replace(report, lang="en\n\n<script>alert(1)</script>")
    assert "- Language: en\n" in render_markdown(hostile_lang)


def test_m2_markdown_helpers_cannot_be_closed_early() -> None:
    assert md_text("a|b\n# c <d> [e](f)") == "a\\|b \\# c \\<d\\> \\[e\\](f)"
    assert md_code("a`b``c") == "```a`b``c```"
    assert md_code("`x`") == "`` `x` ``"
    assert md_fence("x\n```\ny", "sql") == ["````sql", "x", "```", "y", "````"]
    assert md_link("javascript:alert(1)") == "javascript:alert(1)"
    assert md_link("https://example.org/a") == "<https://example.org/a>"


def test_m2_markdown_report_from_the_cli_has_no_markup(tmp_path: Path, shipped_cache: Path) -> None:
    text = "---\ntitle: '[t](javascript:alert(1)) <b>'\n---\n[x](javascript:alert(1)) <b>bold</b>\n\n" + ARTICLE
    result = _cli(tmp_path, shipped_cache, "--format", "md", text=text)
    assert result.exit_code == 0, result.output
    assert_markdown_without_markup(result.stdout)
    assert_html_from_our_template((tmp_path / "out" / "a.html").read_text(encoding="utf-8"))


# ---- L6: lone surrogates --------------------------------------------------------------------------


def test_l6_renderers_emit_strict_utf8(shipped_store) -> None:
    text = "Trade \ud800 between China and Russia reached $240.1 billion in 2023 \udfff.\n"
    report = check_text(text, store=shipped_store, name="\udcff.md")
    report = dataclasses.replace(report, document=dataclasses.replace(report.document, title="\ud83d title"))
    assert report.findings
    assert_every_format_is_safe(report)
    assert "\ufffd" in render_html(report) and "\ufffd" in render_markdown(report)
    assert json.loads(render_json(report))["input"]["title"] == "\ud83d title"  # JSON escapes it instead


def test_l6_cli_writes_strict_utf8_for_a_file_name_that_is_not_utf8(tmp_path: Path, shipped_cache: Path) -> None:
    import os

    article = tmp_path / os.fsdecode(b"a\xff.md")  # the name holds a lone surrogate once decoded
    article.write_text(ARTICLE.replace("240.1", "260"), encoding="utf-8")
    env = {"FACTCHECK_CACHE": str(shipped_cache)}
    for fmt in ("sarif", "github", "md", "html", "claimreview", "table"):
        args = ["check", "--out", str(tmp_path / "out"), "--format", fmt, str(article)]
        result = CliRunner().invoke(main, args, env=env)
        assert result.exit_code == 1, (fmt, result.output)  # contradicted, reported
        result.stdout_bytes.decode("utf-8")
    for path in (tmp_path / "out").iterdir():
        path.read_bytes().decode("utf-8")
