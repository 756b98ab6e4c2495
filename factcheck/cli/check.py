"""``factcheck check``: check articles, write a report per article, exit by what was found.

Reports are written through :mod:`factcheck.files`: NAME.md, NAME.json and NAME.html as one set
(atomically, under the output directory's lock, with the user's umask), under a name no other
input of the run shares, never over an input of the run or a file factcheck did not write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from factcheck.cli import LANG_HELP, _fail, _parse_date, _stdout, doc_language, read_text
from factcheck.cli.inputs import MEGABYTES
from factcheck.errors import FactcheckError, InputError

FAIL_ON = ("contradicted", "close", "unverifiable", "ambiguous", "not_met", "pending", "later_data", "none")


def _fail_on(text: str) -> set[str]:
    names = {n.strip().lower() for n in text.split(",") if n.strip()}
    unknown = sorted(names - set(FAIL_ON))
    if unknown:
        raise InputError(f"--fail-on: unknown {', '.join(unknown)} (choose from {', '.join(FAIL_ON)})")
    return set() if "none" in names else {n.upper() for n in names}


def _overrides(items: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--tolerance needs KEY=VALUE, not {item!r}")
        out[key.strip()] = value.strip()
    return out


def _fail_on_option(ctx: click.Context, param: click.Parameter, value: str) -> set[str]:
    """--fail-on: a non-empty list ("none" to never fail); an empty one would silently never fail."""
    if not value.strip(" ,"):
        raise click.BadParameter('an empty list; say "none" to never fail on a finding', ctx, param)
    try:
        return _fail_on(value)
    except InputError as exc:
        raise click.BadParameter(str(exc).removeprefix("--fail-on: "), ctx, param) from None


def _files_option(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    if value.count("-") > 1:
        raise click.BadParameter("standard input can be read once: give - at most once", ctx, param)
    return value


_MARKERS = {".md": b"factcheck report", ".json": b'"factcheck"', ".html": b"factcheck report"}


def _is_report(path: Path) -> bool:
    """Whether ``path`` looks like a report factcheck wrote (its opening names factcheck)."""
    from factcheck.files import open_input

    try:
        with open_input(path) as handle:
            head = handle.read(4096)
    except InputError:
        return False
    return _MARKERS.get(path.suffix, b"factcheck") in head


def _stems(names: list[str]) -> list[str]:
    """A distinct report name for each input (x/a.txt and y/a.txt get a hash of their path)."""
    from factcheck.check import report_stem
    from factcheck.files import unique_stems

    return unique_stems([(report_stem(name), name) for name in names])


@click.command("check")
@click.argument("files", nargs=-1, required=True, metavar="FILE...|-", callback=_files_option)
@click.option("--lang", default=None, help=LANG_HELP + " Default: the front matter's lang, else auto.")
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="The article's date (default: its front matter).")
@click.option(
    "--country",
    "country_text",
    metavar="NAME",
    help="The country the articles are about (a name such as Egypt or مصر, or EGY): a claim that names no"
    " country is about it (default: the front matter's country, else the country an article names most).",
)
@click.option("--policy", "policy_path", metavar="FILE", help="A tolerance policy (TOML) over the defaults.")
@click.option(
    "--tolerance",
    "tolerances",
    multiple=True,
    metavar="KEY=VALUE",
    help="Override one policy key, e.g. hedge.points=5 (repeatable; applied after --policy).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "md", "json", "html", "sarif", "github", "claimreview"]),
    default="table",
    show_default=True,
    help="What to print: a summary table; the report in Markdown, JSON or HTML; SARIF 2.1.0 or GitHub "
    "Actions annotations for CI; schema.org ClaimReview JSON-LD.",
)
@click.option(
    "--out",
    "out_dir",
    default="reports",
    show_default=True,
    metavar="DIR",
    help="Where each article's report is written, as NAME.md and NAME.json.",
)
@click.option(
    "--fail-on",
    "fail_on",
    default="contradicted",
    show_default=True,
    metavar="LIST",
    callback=_fail_on_option,
    help="Exit 1 when any of these is found: "
    + ", ".join(FAIL_ON)
    + ' (comma-separated; "none" never fails).  A verdict resting only on data published after the'
    " article counts only with later_data in the list.",
)
@click.option(
    "--warn-on",
    "warn_on",
    default="",
    metavar="LIST",
    help="With --format github, also annotate these as warnings: close, ambiguous, unverifiable, pending "
    "(close claims are otherwise notices).",
)
@click.option("--author", default="factcheck", show_default=True, help="The reviewer named in ClaimReview.")
@click.option("--author-url", help="The reviewer's URL in ClaimReview.")
@click.option("--url", "article_url", help="The article's URL in ClaimReview (default: its front matter url:).")
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "markdown"]),
    default="auto",
    show_default=True,
    help="auto: Markdown for .md files, plain text otherwise.",
)
@click.option(
    "--max-mb",
    type=MEGABYTES,
    default=10,
    show_default=True,
    help="Refuse an article larger than this many megabytes (at most 1024).",
)
@click.option("--reference-dir", "reference_dirs", multiple=True, metavar="DIR", help="A directory of datasets.")
@click.option("--db", metavar="PATH", help="Keep the loaded reference database in this file.")
def check(
    files: tuple[str, ...],
    lang: str | None,
    date_text: str | None,
    country_text: str | None,
    policy_path: str | None,
    tolerances: tuple[str, ...],
    fmt: str,
    out_dir: str,
    fail_on: set[str],
    warn_on: str,
    author: str,
    author_url: str | None,
    article_url: str | None,
    input_format: str,
    max_mb: float,
    reference_dirs: tuple[str, ...],
    db: str | None,
) -> None:
    """Check the numeric claims of each FILE (or standard input, "-") against the reference data.

    Prints a summary (or the report in another --format) and writes each article's report to
    --out as NAME.md, NAME.json and NAME.html.  Exit status: 0 when nothing listed in --fail-on
    was found, 1 when something was, 2 on bad usage or input that cannot be read, 3 on an internal
    error (a bug in factcheck).
    """
    from dataclasses import replace

    from factcheck.check import check_document, read_document
    from factcheck.document import country_code
    from factcheck.files import ensure_directory, require_regular, write_set
    from factcheck.reference.store import open_store
    from factcheck.report import render_json
    from factcheck.report.escape import check_url
    from factcheck.report.html import render_html
    from factcheck.report.markdown import render_markdown
    from factcheck.report.table import render_table
    from factcheck.verify.policy import load_policy

    try:
        failing = fail_on
        warning = _fail_on(warn_on) if warn_on else set()
        date = _parse_date(date_text)
        country = country_code(country_text, "--country") if country_text else None
        author_url = check_url(author_url, "--author-url") if author_url else None
        article_url = check_url(article_url, "--url") if article_url else None
        if policy_path is not None:
            require_regular(policy_path, missing_ok=True)  # a FIFO would block the read
        policy = load_policy(policy_path, _overrides(tolerances))
        names = ["<stdin>" if f == "-" else f for f in files]
        fmt_in = None if input_format == "auto" else input_format
        documents = [read_document(read_text(f, max_mb), name, fmt_in) for f, name in zip(files, names, strict=True)]
        languages = [doc_language(doc, lang) for doc, _ in documents]
        target = ensure_directory(out_dir, out_dir or "--out", "report directory")
        stems = _stems(names)
        store = open_store(list(reference_dirs) or None, db=db)
    except FactcheckError as exc:
        raise _fail(exc) from None
    inputs = [f for f in files if f != "-"]
    out = _stdout()
    reports = []
    for (doc, problem), doc_lang, stem in zip(documents, languages, stems, strict=True):
        try:
            report = check_document(doc, doc_lang, date, policy, store, country=country)
        except FactcheckError as exc:
            raise _fail(exc) from None
        if problem:
            report = replace(report, problems=(problem, *report.problems))
        rendered = {"json": render_json(report), "md": render_markdown(report), "html": render_html(report)}
        try:
            write_set(target, {f"{stem}.{s}": t for s, t in rendered.items()}, protect=inputs, is_ours=_is_report)
        except InputError as exc:
            raise _fail(InputError(f"cannot write the report: {exc.message}", exc.path)) from None
        reports.append(report)
        if fmt == "table":
            out.write(render_table(report))
        elif fmt in ("md", "html"):
            out.write(rendered[fmt])
    texts = [render_json(r) for r in reports] if fmt == "json" else []
    _print_all(out, fmt, reports, texts, warning, (author, author_url, article_url))
    for r in reports:
        for problem in r.problems:
            click.echo(f"problem: {problem}", err=True)
    if any(r.problems for r in reports):
        raise SystemExit(2)  # a text could not be read whole: as unreadable input
    if any(r.has(failing) for r in reports):
        raise SystemExit(1)


def _print_all(out: Any, fmt: str, reports: list[Any], texts: list[str], warning: set[str], who: tuple) -> None:
    """The formats that cover every article at once."""
    if fmt == "json":
        out.write(texts[0] if len(texts) == 1 else _json_list([t.rstrip("\n") for t in texts]))
    elif fmt == "sarif":
        from factcheck.report.ci import render_sarif

        out.write(_pretty(render_sarif(reports)))
    elif fmt == "github":
        from factcheck.report.ci import render_github

        out.write(render_github(reports, warning))
    elif fmt == "claimreview":
        from factcheck.report.claimreview import render_claimreview_json

        author, author_url, url = who
        out.write(render_claimreview_json(reports, author, author_url, url))


def _pretty(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _json_list(texts: list[str]) -> str:
    indented = [("  " + t.replace("\n", "\n  ")) for t in texts]
    return "[\n" + ",\n".join(indented) + "\n]\n"


def register(group: Any) -> None:
    group.add_command(check)
