"""schema.org ClaimReview: one JSON-LD object per checked claim, for search engines and archives.

Each review names the claim as it stands in its sentence (``claimReviewed``), where it appeared
(``itemReviewed.appearance``: the article's URL, title and date, from its front matter or the
options), the verdict as a rating (``reviewRating``: ``alternateName`` and ``ratingExplanation``,
a 1-5 ``ratingValue`` where the verdict is a judgement) and the reviewer (``author``, as
configured).  Pure: reports in, data out.

Only http(s) URLs are written (a ``url:`` or ``author_url`` of any other kind is left out; the
CLI refuses such options), ``inLanguage`` is always a validated tag, and every string goes through
:func:`factcheck.report.escape.plain` (no lone surrogates, bidi controls as escapes).
:func:`render_claimreview_json` writes the reviews as JSON text that is safe inside
``<script type="application/ld+json">`` (``<``, ``>`` and ``&`` as ``\\u`` escapes), and
:func:`claimreview_script` wraps it in that element.
"""

from __future__ import annotations

from typing import Any

from factcheck.report import Report, language
from factcheck.report.escape import plain_data, safe_url, script_json
from factcheck.verify import Finding

__all__ = ["RATINGS", "claimreview_script", "render_claimreview", "render_claimreview_json"]

# verdict (or prediction outcome) -> (alternateName, ratingValue or None)
RATINGS: dict[str, tuple[str, int | None]] = {
    "SUPPORTED": ("True", 5),
    "CLOSE": ("Mostly true: close to the data, outside the precision written", 4),
    "CONTRADICTED": ("False", 1),
    "AMBIGUOUS": ("Mixed: the sources disagree", 3),
    "UNVERIFIABLE": ("Unverifiable", None),
    "MET": ("Prediction came true", 5),
    "NOT_MET": ("Prediction did not come true", 1),
    "PENDING": ("Prediction not yet checkable", None),
}
# a verdict that rests only on data published after the article: not rated as true or false
LATER_DATA = "Differs from data published after the article"


def _rating(f: Finding) -> dict[str, Any]:
    key = str(f.outcome) if str(f.verdict) == "PREDICTION" and f.outcome is not None else str(f.verdict)
    name, value = RATINGS[key]
    if f.later_data and str(f.verdict) in ("CONTRADICTED", "CLOSE"):
        name, value = LATER_DATA, None
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": name, "ratingExplanation": f.explanation}
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    return rating


def _review(report: Report, f: Finding, author: dict[str, Any], url: str | None) -> dict[str, Any]:
    doc = report.document
    sentence = " ".join(doc.text[f.claim.sentence.start : f.claim.sentence.end].split())
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    link = safe_url(url) or safe_url(doc.url)
    if link:
        appearance["url"] = link
    if doc.title:
        appearance["headline"] = doc.title
    if report.date is not None:
        appearance["datePublished"] = report.date.isoformat()
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if report.date is not None:
        item["datePublished"] = report.date.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": sentence,
        "itemReviewed": item,
        "reviewRating": _rating(f),
        "author": author,
        "inLanguage": language(report),
    }


def render_claimreview(
    reports: list[Report], author: str = "factcheck", author_url: str | None = None, url: str | None = None
) -> list[dict[str, Any]]:
    """A ClaimReview for every checked claim of every report.  ``url`` is the article's URL when
    there is one report (else each article's front matter ``url:``)."""
    who: dict[str, Any] = {"@type": "Organization", "name": author}
    if safe_url(author_url):
        who["url"] = safe_url(author_url)
    out = []
    for report in reports:
        link = url if len(reports) == 1 else None
        for f in report.findings:
            out.append(plain_data(_review(report, f, who, link)))
    return out


def render_claimreview_json(
    reports: list[Report], author: str = "factcheck", author_url: str | None = None, url: str | None = None
) -> str:
    """:func:`render_claimreview` as indented JSON text ending in a newline, safe to embed in a
    ``<script>`` element: ``json.loads`` gives back the same data."""
    return script_json(render_claimreview(reports, author, author_url, url), indent=2) + "\n"


def claimreview_script(
    reports: list[Report], author: str = "factcheck", author_url: str | None = None, url: str | None = None
) -> str:
    """The reviews as an HTML ``<script type="application/ld+json">`` element."""
    body = script_json(render_claimreview(reports, author, author_url, url), indent=2)
    return f'<script type="application/ld+json">\n{body}\n</script>\n'
