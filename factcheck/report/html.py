"""The report as one self-contained HTML page: the article with every claim marked, and its evidence.

:func:`render_html` is pure (report in, text out).  The page needs no network and runs no script:
its Content-Security-Policy forbids scripts outright, evidence cards open through CSS ``:target``
when a highlight is clicked, and every string from the article or the data goes through
:mod:`factcheck.report.escape`, so no markup in an article can reach the page as markup, and only
http(s) links are written.  Bidi controls in the article are shown as visible markers (⟨RLO⟩)
instead of acting, so the number a reader sees is the number that was checked.  Arabic articles
are laid out right-to-left, English ones left-to-right; cards and table cells take ``dir="auto"``
for mixed text.  Each checked claim's card has a small inline SVG chart of the series or ranking
it was checked against, with the claimed value marked.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.display import number, ordinal, show
from factcheck.report import OUTCOMES, VERDICTS, Report, language
from factcheck.report.escape import html_attr, html_marked, safe_url
from factcheck.verify import Finding
from factcheck.verify.judge import Evidence

__all__ = ["render_html"]

_COLOURS = {
    "SUPPORTED": "#1a7f37",
    "CLOSE": "#4d7c0f",
    "CONTRADICTED": "#cf222e",
    "UNVERIFIABLE": "#6e7781",
    "AMBIGUOUS": "#9a6700",
    "PREDICTION": "#8250df",
}
_CSS = """
:root { font-family: system-ui, "Noto Naskh Arabic", "Segoe UI", sans-serif; color: #1f2328; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; line-height: 1.7; }
header h1 { font-size: 1.3rem; margin: 0; }
.meta { color: #57606a; font-size: .9rem; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; margin: .8rem 0; padding: 0; list-style: none; }
.summary li { border-radius: 1rem; padding: .1rem .8rem; color: #fff; font-size: .9rem; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
@media (max-width: 50rem) { main { grid-template-columns: 1fr; } }
article p { margin: 0 0 1rem; font-size: 1.05rem; }
a.claim { border-radius: .2rem; padding: 0 .15rem; text-decoration: none; color: inherit;
          border-bottom: .2rem solid var(--c); background: color-mix(in srgb, var(--c) 14%, transparent); }
a.claim:hover, a.claim:focus { background: color-mix(in srgb, var(--c) 30%, transparent); }
span.number { border-bottom: 1px dotted #8c959f; }
.cards .hint { color: #57606a; font-size: .9rem; }
.card { display: none; border: 1px solid #d0d7de; border-top: .35rem solid var(--c); border-radius: .4rem;
        padding: .6rem .9rem; margin-bottom: 1rem; font-size: .92rem; }
.card:target { display: block; }
.card h2 { font-size: 1rem; margin: 0 0 .4rem; }
.verdict { color: var(--c); font-weight: 700; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; }
.card dt { color: #57606a; }
.card dd { margin: 0; }
.card table { border-collapse: collapse; font-size: .8rem; margin: .4rem 0; display: block; overflow-x: auto; }
.card th, .card td { border: 1px solid #d0d7de; padding: .1rem .35rem; text-align: start; }
.card svg { max-width: 100%; height: auto; }
.card .why { color: #57606a; }
.card ul.sources { padding-inline-start: 1.2rem; }
footer { color: #57606a; font-size: .8rem; margin-top: 2rem; }
span.bidi { color: #cf222e; font-size: .75em; border: 1px solid currentColor; border-radius: .2rem; }
"""
_CHART_W = 360
_CHART_H = 150
_ROW_KEYS = ("entity", "counterpart", "year", "period", "value", "reported_change", "rank", "line", "source")


def _e(value: Any) -> str:
    """Any value as escaped HTML text (quotes too: it may land in an attribute); see
    :mod:`factcheck.report.escape`."""
    return html_attr(value)


def _direction(report: Report) -> tuple[str, str]:
    """(lang, dir) of the page: right-to-left for Arabic."""
    lang = language(report)
    return lang, "rtl" if lang in ("ar", "fa", "he", "ur") else "ltr"


def _verdict_name(f: Finding) -> str:
    return str(f.verdict) + (f" · {str(f.outcome).replace('_', ' ')}" if f.outcome is not None else "")


def _article(report: Report) -> str:
    """The article's prose with each number marked: findings link to their cards."""
    doc = report.document
    body = doc.body
    marks = [(f.claim.span.start, f.claim.span.end, f) for f in report.findings]
    marks += [(c.span.start, c.span.end, c) for c in report.not_check_worthy]
    marks.sort(key=lambda m: m[0])
    pieces: list[str] = []
    at = 0
    for start, end, item in marks:
        if start < at:  # overlapping spans: keep the first
            continue
        pieces.append(html_marked(body[at:start]))
        text = html_marked(doc.text[start:end])
        if isinstance(item, Finding):
            v = str(item.verdict)
            title = _e(f"{_verdict_name(item)}: {item.understood}")
            pieces.append(
                f'<a class="claim" id="claim-{_e(item.claim.id)}" href="#card-{_e(item.claim.id)}" '
                f'style="--c:{_COLOURS[v]}" title="{title}" data-verdict="{v}">{text}</a>'
            )
        else:
            pieces.append(f'<span class="number" title="{_e("not check-worthy: " + str(item.reason))}">{text}</span>')
        at = end
    pieces.append(html_marked(body[at:]))
    marked = "".join(pieces)
    paragraphs = [p.strip() for p in marked.replace("\r\n", "\n").split("\n")]
    return "\n".join(f"<p>{p}</p>" for p in paragraphs if p)


def _rows(e: Evidence) -> str:
    rows = e.answer.rows
    if not rows:
        return ""
    keys = [k for k in _ROW_KEYS if any(r.get(k) is not None for r in rows)]
    keys += sorted({k for r in rows for k in r if k.startswith("c_")})
    head = "".join(f"<th>{_e(k)}</th>" for k in keys)
    body = "".join("<tr>" + "".join(f'<td dir="auto">{_e(_cell(r.get(k)))}</td>' for k in keys) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return number(value)
    return str(value)


# ---- charts ---------------------------------------------------------------------------------------


def _svg(inner: str, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_CHART_W} {_CHART_H}" width="{_CHART_W}" '
        f'height="{_CHART_H}" role="img" aria-label="{_e(label)}" direction="ltr" font-size="10" '
        f'font-family="system-ui, sans-serif">{inner}</svg>'
    )


def _rank_chart(f: Finding, e: Evidence) -> str:
    """Bars of the ranking the claim was checked against, the ranked subject in the verdict's
    colour, and the place the claim gave it."""
    by = e.candidate.by or "entity"
    rows = [r for r in e.answer.rows if r.get("value") is not None][:10]
    if not rows:
        return ""
    top = max(Decimal(r["value"]) for r in rows) or Decimal(1)
    bar_h = (_CHART_H - 24) / len(rows)
    parts = []
    for i, r in enumerate(rows):
        y = 4 + i * bar_h
        width = float(Decimal(r["value"]) / top) * (_CHART_W - 120)
        mine = r.get(by) == e.candidate.who
        colour = _COLOURS[str(f.verdict)] if mine else "#afb8c1"
        parts.append(f'<text x="2" y="{y + bar_h * 0.7:.1f}">{_e(ordinal(int(r["rank"])))} {_e(r.get(by))}</text>')
        parts.append(
            f'<rect x="70" y="{y:.1f}" width="{max(width, 1):.1f}" height="{bar_h * 0.75:.1f}" fill="{colour}"/>'
        )
        shown = _e(number(Decimal(r["value"]), 2))
        parts.append(f'<text x="{74 + width:.1f}" y="{y + bar_h * 0.7:.1f}">{shown}</text>')
    claimed = f.claim.value if f.claim.value is not None else f.claim.high
    unit = show(Decimal(1), e.dataset.unit).removeprefix("1").strip()
    caption = f"claimed: {ordinal(int(claimed or 0))} · {e.period}" + (f" · in {unit}" if unit else "")
    parts.append(f'<text x="2" y="{_CHART_H - 4}">{_e(caption)}</text>')
    return _svg("".join(parts), f"ranking in {e.period}, claimed {claimed}")


def _series_chart(f: Finding, e: Evidence) -> str:
    """Bars of the figure over the years, the period checked in the verdict's colour, and the
    range of values that would support the claim as a band."""
    points = [(h, Decimal(h["value"])) for h in e.history if h.get("value") is not None]
    if not points:
        return ""
    points = points[-12:]
    tol = f.tolerance
    values = [v for _, v in points] + [b for b in (tol.low, tol.high) if b.is_finite()] + [Decimal(0)]
    lo, hi = min(values), max(values)
    span = (hi - lo) or Decimal(1)
    plot_h = _CHART_H - 30

    def y(v: Decimal) -> float:
        return 6 + float((hi - v) / span) * plot_h

    width = (_CHART_W - 20) / len(points)
    parts = []
    if tol.low.is_finite() or tol.high.is_finite():
        top = y(tol.high if tol.high.is_finite() else hi)
        bottom = y(tol.low if tol.low.is_finite() else lo)
        parts.append(
            f'<rect x="10" y="{top:.1f}" width="{_CHART_W - 20}" height="{max(bottom - top, 1.5):.1f}" '
            f'fill="{_COLOURS[str(f.verdict)]}" fill-opacity="0.18"/>'
        )
    zero = y(Decimal(0))
    for i, (h, v) in enumerate(points):
        x = 10 + i * width
        label = str(h["year"]) if h["period"] == "FY" else f"{h['period']} {h['year']}"
        checked = label == e.period
        colour = _COLOURS[str(f.verdict)] if checked else ("#d0d7de" if h.get("later") else "#8c959f")
        top, bottom = sorted((y(v), zero))
        tip = f"<title>{_e(label)}: {_e(show(v, e.unit))}</title>"
        parts.append(
            f'<rect x="{x + width * 0.15:.1f}" y="{top:.1f}" width="{width * 0.7:.1f}" '
            f'height="{max(bottom - top, 1):.1f}" fill="{colour}">{tip}</rect>'
        )
        parts.append(f'<text x="{x + width / 2:.1f}" y="{_CHART_H - 12}" text-anchor="middle">{_e(h["year"])}</text>')
    parts.append(f'<line x1="10" x2="{_CHART_W - 10}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#57606a"/>')
    parts.append(f'<text x="10" y="{_CHART_H - 1}">shaded: the values that would support the claim</text>')
    return _svg("".join(parts), f"{e.dataset.id} over the years, claim band marked")


def _chart(f: Finding, e: Evidence) -> str:
    return _rank_chart(f, e) if e.candidate.question == "rank" else _series_chart(f, e)


# ---- cards ----------------------------------------------------------------------------------------


def _source(s: Any) -> str:
    """A source's title, linked when its URL is http(s) (any other URL is not written)."""
    url = safe_url(s.url)
    if url is None:
        return _e(s.title)
    return f'<a href="{_e(url)}" rel="noreferrer noopener">{_e(s.title)}</a>'


def _evidence(f: Finding, e: Evidence, heading: str) -> str:
    c = e.candidate
    values = "".join(f"<dt>{_e(label)}</dt><dd>{_e(show(v, e.unit, 6))}</dd>" for label, v in e.values)
    deviation = ""
    if e.deviation is not None:
        d = e.deviation
        off = show(d.points, "percentage_point", 6) if d.points is not None else show(d.absolute, e.unit, 6)
        rel = f" ({number(d.relative * 100, 2)}% of the reference)" if d.relative is not None else ""
        deviation = f"<dt>deviation</dt><dd>{_e(off)}{_e(rel)}</dd>"
    sources = "".join(
        f'<li dir="auto">{_e(s.publisher)}, {_source(s)}, {_e(s.dated())}</li>' for s in e.answer.citations
    )
    later = ""
    if e.published_after:
        later = "<p class=why>Published after the article's date: " + _e(
            ", ".join(f"{s} ({d})" for s, d in e.published_after)
        )
        later += "</p>"
    return (
        f'<h3 dir="auto">{_e(heading)}: {_e(e.dataset.title.get("en", e.dataset.id))}</h3>'
        f"<dl><dt>dataset</dt><dd><code>{_e(e.dataset.id)}</code></dd>"
        f"<dt>period</dt><dd>{_e(e.period)} ({_e(c.time_rule)})</dd>"
        f'<dt>finding</dt><dd dir="auto">{_e(e.summary)}</dd>{values}{deviation}</dl>'
        f"{_chart(f, e)}{_rows(e)}{later}"
        f'<ul class="sources">{sources}</ul>'
    )


def _card(report: Report, f: Finding) -> str:
    c = f.claim
    line, column = report.document.position(c.span.start)
    colour = _COLOURS[str(f.verdict)]
    parts = [
        f'<section class="card" id="card-{_e(c.id)}" style="--c:{colour}" dir="auto">',
        f'<h2><span class="verdict">{_e(_verdict_name(f))}</span> · <bdi>{_e(c.as_written)}</bdi></h2>',
        f"<dl><dt>where</dt><dd>line {line}, column {column}</dd>",
        f'<dt>understood</dt><dd dir="auto">{_e(f.understood)}</dd>',
        f"<dt>tolerance</dt><dd>{_e(f.tolerance.rule)}</dd>",
    ]
    if f.reason:
        parts.append(f'<dt>why</dt><dd dir="auto">{_e(f.reason)}</dd>')
    parts.append("</dl>")
    parts.append(f'<p class="why" dir="auto">{_e(f.explanation)}</p>')
    if f.evidence is not None:
        parts.append(_evidence(f, f.evidence, "Evidence"))
    for k, alt in enumerate(f.alternatives, start=1):
        heading = "Disagreeing data" if str(f.verdict) == "AMBIGUOUS" else "Other data"
        if alt.later and f.evidence is not None and not f.evidence.later:
            heading = "Later data, published after the article,"
        parts.append(_evidence(f, alt, f"{heading} {k}"))
    parts.append(f'<p><a href="#claim-{_e(c.id)}">back to the text</a></p></section>')
    return "".join(parts)


def render_html(report: Report) -> str:
    """The report as a self-contained HTML page."""
    lang, direction = _direction(report)
    doc = report.document
    counts = report.counts()
    badges = "".join(
        f'<li style="background:{_COLOURS.get(name, "#57606a")}">{_e(name.replace("_", " "))}: {counts[name]}</li>'
        for name in (*VERDICTS, *OUTCOMES)
        if counts[name]
    )
    badges += f'<li style="background:#8c959f">not check-worthy: {counts["not_check_worthy"]}</li>'
    date = report.date.isoformat() if report.date else "unknown"
    cards = "".join(_card(report, f) for f in report.findings)
    hint = "Click a marked number to see its evidence." if report.findings else "No claim to check."
    title = f"factcheck report: {doc.name}"
    return (
        "<!doctype html>\n"
        f'<html lang="{_e(lang)}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header><h1 dir="auto">{_e(doc.title or doc.name)}</h1>'
        f'<p class="meta" dir="auto">factcheck report · {_e(doc.name)} · date {_e(date)} ({_e(report.date_source)})'
        f" · policy: {_e(', '.join(report.policy.sources))}</p>"
        f'<ul class="summary">{badges}</ul></header>\n'
        f'<main>\n<article class="text" dir="auto">\n{_article(report)}\n</article>\n'
        f'<aside class="cards"><p class="hint">{_e(hint)}</p>{cards}</aside>\n</main>\n'
        f"<footer>Reference data {_e(report.reference_hash[:16])}. Every figure cites its source.</footer>\n"
        "</body>\n</html>\n"
    )
