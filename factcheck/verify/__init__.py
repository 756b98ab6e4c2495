"""The verifier: each check-worthy claim linked to its data and judged, with the evidence.

:func:`verify_claim` takes the candidates of :mod:`factcheck.verify.link` best first, judges each
with :mod:`factcheck.verify.judge` until the score drops below the best usable one (less the
policy's margin), and decides:

* one verdict among the equally good candidates: that verdict, the first as the evidence and the
  others as corroboration;
* different verdicts: AMBIGUOUS, with each shown (a prediction still PENDING for lack of data does
  not disagree with one that has been decided);
* no usable candidate: UNVERIFIABLE, with the reason ("no dataset on ...", "no data for 2025",
  "amount in SAR, data in USD").

When the article's date is known, evidence the writer could have had (figures public by then)
decides; figures that became public later are shown beside it as later data.  When only later
figures exist, they decide, and the finding's ``basis`` says "later-data": the claim differs from
(or agrees with) data published after it was written, which is not the same as being false then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from factcheck.display import ordinal, show
from factcheck.errors import TextTimeout
from factcheck.model import Claim, ClaimKind, Modality
from factcheck.reference.store import Store
from factcheck.verify.judge import Evidence, Outcome, Tolerance, Unusable, Verdict, evaluate, tolerance
from factcheck.verify.link import Link, candidates, period_code, unit_family
from factcheck.verify.policy import Policy, load_policy

__all__ = ["Finding", "Outcome", "Verdict", "understood", "verify_claim", "verify_claims"]


@dataclass(frozen=True)
class Finding:
    """A claim's verdict with its evidence: ``evidence`` is the candidate the verdict rests on,
    ``alternatives`` the other equally good ones (corroborating, or disagreeing when AMBIGUOUS),
    ``reason`` why an UNVERIFIABLE claim could not be checked, ``time`` how its period was chosen."""

    claim: Claim
    verdict: Verdict
    outcome: Outcome | None
    understood: str
    tolerance: Tolerance
    evidence: Evidence | None = None
    alternatives: tuple[Evidence, ...] = ()
    reason: str | None = None
    ruled_out: tuple[str, ...] = field(default=())
    explanation: str = ""
    # why an UNVERIFIABLE claim could not be checked, as a code: no_metric, no_dataset, kind, unit,
    # no_entity, no_period (see factcheck.verify.link.BLOCKERS), doubtful_link
    reason_code: str | None = None
    # "data-at-date": the verdict rests on figures public at the article's date; "later-data": only on
    # figures published after it; None when the article's date is unknown
    basis: str | None = None

    @property
    def later_data(self) -> bool:
        return self.basis == "later-data"


def understood(claim: Claim) -> str:
    """The claim as factcheck understood it, in a line of English."""
    if claim.kind == ClaimKind.RANK:
        what = f"ranked {'within the top ' if claim.comparator == '<=' else ''}{show(claim.value or claim.high, None)}"
        if claim.subject:
            what = f"{claim.subject} {what}"
    else:
        if claim.value is not None:
            amount = show(claim.value, claim.unit)
        else:
            amount = f"{show(claim.low, claim.unit)} to {show(claim.high, claim.unit)}"
        comparator = {">": "more than ", ">=": "at least ", "<": "less than ", "<=": "at most "}.get(
            claim.comparator, ""
        )
        amount = f"{comparator}{'about ' if claim.approx else ''}{amount}"
        if claim.kind == ClaimKind.CHANGE:
            verb = {"increase": "an increase of", "decrease": "a decrease of"}.get(claim.direction or "", "a change of")
            what = f"{verb} {amount}"
        elif claim.kind == ClaimKind.SHARE:
            what = f"a share of {amount}"
        else:
            what = amount
    parts = [what]
    if claim.metric:
        parts.append(f"in {claim.metric!r}" if claim.kind != ClaimKind.RANK else f"by {claim.metric!r}")
    if claim.entities:
        parts.append(f"({', '.join(claim.entities)})")
    label = claim.period.label() if claim.period is not None else None
    parts.append(f"in {label}" if label else "(no period stated)")
    if str(claim.modality) != "fact":
        parts.append(f"[{claim.modality}]")
    return " ".join(parts)


def _explain(f: Finding) -> str:
    c = f.claim
    head = f"Claimed: {f.understood}; supported by {_range(f.tolerance)} ({f.tolerance.rule})."
    if f.verdict == Verdict.UNVERIFIABLE:
        return f"{head} Unverifiable: {f.reason}."
    if f.verdict == Verdict.AMBIGUOUS:
        each = "; ".join(
            f"{e.dataset.id} says {e.verdict}{'/' + e.outcome if e.outcome else ''} ({e.summary})"
            for e in (f.evidence, *f.alternatives)
            if e
        )
        return f"{head} Ambiguous: equally good data disagree: {each}."
    e = f.evidence
    assert e is not None
    title = e.dataset.title.get("en", e.dataset.id)
    text = f"{head} Reference: {title} ({e.dataset.id}), {e.candidate.time_rule}: {e.summary}."
    if e.deviation is not None and f.verdict in (Verdict.CONTRADICTED, Verdict.CLOSE):
        d = e.deviation
        off = show(d.points, "percentage_point") if d.points is not None else show(d.absolute, e.unit)
        rel = f", {show(d.relative * 100, '%')} of the reference" if d.relative is not None else ""
        text += f" The reference differs from the claim by {off}{rel}."
        if f.verdict == Verdict.CLOSE:
            text += " That is outside the precision as written but within the close band of the policy."
        if f.later_data:
            text += " It differs from later data: every figure here was published after the article."
    if f.verdict == Verdict.PREDICTION:
        text += f" Prediction {str(f.outcome).replace('_', ' ').lower()}."
    if e.published_after:
        dates = ", ".join(sorted({d for _, d in e.published_after}))
        text += f" The figures were published after the article ({dates}): the writer could not have known them."
    later = [a for a in f.alternatives if a.later and not e.later]
    if later:
        text += " Later data: " + "; ".join(f"{a.dataset.id} says {a.verdict} ({a.summary})" for a in later) + "."
    others = [h for h in e.history if h["year"] != e.candidate.year and h["value"] is not None]
    if others and c.kind == ClaimKind.RANK:
        text += " Other years: " + ", ".join(
            f"{ordinal(int(h['value']))} in {h['year']}{' (later data)' if h['later'] else ''}" for h in others
        )
        text += "."
    return text


def _range(t: Tolerance) -> str:
    if t.unit is None and t.low == t.high:
        return f"exactly {show(t.low, None)}"
    if not t.high.is_finite():
        return f"{'above' if t.low_open else 'at least'} {show(t.low, t.unit)}"
    if not t.low.is_finite():
        return f"{'below' if t.high_open else 'at most'} {show(t.high, t.unit)}"
    return f"{show(t.low, t.unit)} to {show(t.high, t.unit)}"


@dataclass(frozen=True)
class _Carried:
    """What an earlier claim measured, for a claim after it that names no measure of its own."""

    terms: tuple[str, ...]  # the catalogue's words that named it
    metric: str | None  # the earlier claim's metric phrase, as written, for the reader
    kind: ClaimKind | None
    family: str | None  # see unit_family
    sentence: int  # the index of its sentence among those with claims
    period: tuple[int, str] | None
    entities: tuple[str, ...]


# how many sentences after the claim that named a measure a claim may still be about it ("... معدل
# التضخم 6.07% في العام 2018. في حين بلغ -0.82% في العام 2016. وفي العام 2015 بلغ المعدل -3.75%")
_CARRY_SENTENCES = 2


def verify_claim(
    claim: Claim,
    text: str,
    store: Store,
    policy: Policy | None = None,
    date: dt.date | None = None,
    inherited: tuple[int, str] | None = None,
) -> Finding:
    """The verdict on one check-worthy ``claim`` (its sentence is read from ``text``);
    ``inherited`` is the period stated earlier in its paragraph, if any."""
    return _verify(claim, text, store, policy or load_policy(), date, inherited, None)[0]


def _carry(claim: Claim, carried: _Carried | None, sentence: int) -> _Carried | None:
    """The earlier measure this claim may be about: it names none of its own, and it is a claim of
    the same kind and unit family written at most :data:`_CARRY_SENTENCES` after it."""
    if carried is None or not carried.terms or sentence - carried.sentence > _CARRY_SENTENCES:
        return None
    if claim.kind not in (ClaimKind.LEVEL, ClaimKind.CHANGE) or claim.kind != carried.kind:
        return None
    return carried if unit_family(claim.unit) == carried.family else None


def _verify(
    claim: Claim,
    text: str,
    store: Store,
    policy: Policy,
    date: dt.date | None,
    inherited: tuple[int, str] | None,
    carried: _Carried | None,
    reaches: str | None = None,
    sentence: int = -1,
) -> tuple[Finding, Link]:
    """The finding on ``claim`` and the link it rests on.  A claim whose own words name no measure
    takes the one ``carried`` from the claim before; such a link is weak ("carried", or
    "carried_in_sentence" from a claim of its own sentence, ``sentence`` being its index): it may
    support the claim but not contradict it."""
    link = candidates(claim, text, store, date, policy.current_period_days, inherited, policy.release_lag_days, reaches)
    # its own words name nothing, or name a measure but leave out the country (وفي العام 2015 بلغ المعدل)
    if carried is not None and (link.named == 0 or (not link.candidates and link.blocker() == "no_entity")):
        # the same statement going on: of the same country unless it names another
        entities = claim.entities if claim.entities_from == "text" and claim.entities else carried.entities
        borrowed = replace(claim, metric=" ".join(carried.terms), criterion=None, entities=entities)
        again = candidates(
            borrowed, text, store, date, policy.current_period_days, inherited or carried.period,
            policy.release_lag_days, reaches,
        )  # fmt: skip
        if again.candidates or (again.metric_found and not link.metric_found):
            said = f"written {carried.metric!r}" if carried.metric else "its words"
            matched = f"{' '.join(carried.terms)!r} from the claim before ({said})"
            weak = "carried_in_sentence" if carried.sentence == sentence else "carried"
            again.candidates = [replace(c, weak=c.weak or weak, matched=matched) for c in again.candidates]
            link, link.carried = again, True
    used: list[Evidence] = []
    problems: list[str] = []
    best = None
    later_shown = 0
    for cand in link.candidates:
        beyond = best is not None and cand.score < best - float(policy.linking_margin)
        # past the margin, only figures published after the article for the same metric, shown beside the verdict
        if beyond and not (cand.later and later_shown < 2 and best is not None and cand.score >= best - 0.5):
            break
        try:
            e = evaluate(claim, cand, store, policy, date)
        except Unusable as exc:  # no row for the period chosen, or too few to compute the answer
            problems.append(f"{cand.dataset}: {exc}")
            link.blockers.append((cand.score / 100, "no_period"))
            continue
        later_shown += beyond
        best = cand.score if best is None else best
        used.append(e)
    base_tol = tolerance(claim, policy)
    info = understood(claim)
    ruled = tuple(link.ruled_out + problems)
    if not used:
        if not link.metric_found:
            reason = f"no dataset on {claim.metric!r}" if claim.metric else "no dataset on what the number measures"
            code = "no_dataset" if claim.metric else "no_metric"
        else:
            reason = "; ".join(ruled) or "no data for the entities and period"
            code = link.blocker() or "no_period"
        f = Finding(claim, Verdict.UNVERIFIABLE, None, info, base_tol, reason=reason, ruled_out=ruled, reason_code=code)
        return _with_explanation(f), link
    # a prediction is judged on what came after the article: "later" says nothing of it
    prediction = claim.modality in (Modality.FORECAST, Modality.TARGET)
    known = used if prediction else [e for e in used if not e.later]
    basis = None if date is None or prediction else ("data-at-date" if known else "later-data")
    pool = known or used
    decided = [e for e in pool if e.outcome != Outcome.PENDING] or pool
    best_quality = max(_quality(e) for e in decided)
    decided = [e for e in decided if _quality(e) == best_quality]
    kinds = {(e.verdict, e.outcome) for e in decided}
    first = decided[0]
    others = tuple(e for e in used if e is not first)
    verdict, outcome = (Verdict.AMBIGUOUS, None) if len(kinds) > 1 else (first.verdict, first.outcome)
    reason = _doubtful_link(first, policy) if verdict == Verdict.CONTRADICTED else None
    if verdict == Verdict.SUPPORTED and claim.comparator != "=" and first.candidate.weak in ("sentence", "carried"):
        # "up to about 9%" is met by almost any rate: on a measure its own words do not name, that says
        # nothing (a bound in the sentence that named the measure, "well past the $200 billion mark", does)
        reason = (
            f"the claim is a bound ({claim.as_written}), which {first.dataset.id} meets ({first.summary}), but"
            f" {first.dataset.id} is named only by {first.candidate.matched}: a bound is met by many figures"
            " of other measures too"
        )
    if reason is not None:
        f = Finding(
            claim, Verdict.UNVERIFIABLE, None, info, first.tolerance, first, others, reason, ruled,
            reason_code="doubtful_link", basis=basis,
        )  # fmt: skip
        return _with_explanation(f), link
    f = Finding(claim, verdict, outcome, info, first.tolerance, first, others, ruled_out=ruled, basis=basis)
    return _with_explanation(f), link


def _doubtful_link(e: Evidence, policy: Policy) -> str | None:
    """Why a contradiction may be a wrong link rather than a wrong claim, if it may:

    * the data were named elsewhere in the sentence, not by the claim's own words, so a figure
      that disagrees is as likely about something else as wrong;
    * the claim names no country and the one the article names most was assumed;
    * the claim states no period (nor does its paragraph), so that one was assumed: the latest at
      the article's date, or the latest in the data when the date is unknown;
    * a level is many times the reference (``linking.implausible_factor``): it almost always
      measures something else (part of a year, a narrower item, another scale)."""
    if e.candidate.weak == "sentence":
        return (
            f"{e.dataset.id} is not named by the claim's own words (only {e.candidate.matched}) and"
            f" disagrees with it ({e.summary}): the claim may measure something else"
        )
    if e.candidate.weak == "article":
        return (
            f"the claim names no country; {e.candidate.entity}, the country the article names most, disagrees"
            f" ({e.summary}): the claim may be about another (give the country with --country or front matter)"
        )
    if e.candidate.weak == "counterpart":
        c = e.candidate
        pair = f"{c.entity} with {c.counterpart}" if c.counterpart else c.entity
        return (
            f"{c.dataset} was read for {pair}, which the claim does not name in full, and disagrees"
            f" ({e.summary}): the claim may be about another pair"
        )
    if e.candidate.weak in ("carried", "carried_in_sentence"):
        return (
            f"the claim does not say what it measures; {e.dataset.id}, named by {e.candidate.matched}, disagrees"
            f" ({e.summary}): the claim may be about something else"
        )
    if e.candidate.weak == "period":
        return (
            "the claim states no period, nor does its paragraph; the data for the period assumed"
            f" ({e.candidate.time_rule}: {e.summary}) disagree, but the claim may be about another period"
        )
    other = e.dataset.other_definition.get("en")
    if other:  # "annual inflation" of 64.8% over the twelve months to December, against a yearly average
        return (
            f"{e.dataset.id} disagrees ({e.summary}), but the same name is also given to {other};"
            " the claim may be of that one"
        )
    soft = sorted(
        {
            str(r.get(k))
            for r in e.answer.rows
            for k in ("status", "previous_status")
            if r.get(k) in ("derived", "approximate")
        }
    )
    if soft:  # "2021: 6.5/1.44", worked back from a rounded growth rate: its own rounding may be the gap
        return (
            f"{e.dataset.id} disagrees ({e.summary}), but its figures include {' and '.join(soft)} ones,"
            " worked out or rounded by the source, whose own error may be the difference"
        )
    factor = policy.implausible_factor
    d = e.deviation
    level = e.candidate.question == "value" and e.unit not in ("%", "percentage_point")
    relative = d.relative if d is not None and level and factor > 0 else None
    if relative is not None and (relative <= 1 - factor or relative >= 1 - 1 / factor):
        return (
            f"the claim is more than {show(factor, None)} times {'above' if relative < 0 else 'below'}"
            f" {e.dataset.id} ({e.summary}): it most likely measures something else"
        )
    return None


_STATUS = {"confirmed": 2, "derived": 1, "approximate": 0}


def _quality(e: Evidence) -> int:
    """How firm the rows behind a piece of evidence are: confirmed figures outrank derived ones,
    which outrank approximate ones ("about $104 billion", said in a speech)."""
    statuses = [r.get(k) for r in e.answer.rows for k in ("status", "previous_status")]
    return min((_STATUS.get(str(s or "confirmed"), 2) for s in statuses), default=2)


def _with_explanation(f: Finding) -> Finding:
    return replace(f, explanation=_explain(f))


def _reaches(claims: list[Claim], at: int) -> str | None:
    """The unit of the level the change ``claims[at]`` reaches, written right after it in its
    sentence ("soared by 43.9% to 6.5 million tons")."""
    change = claims[at]
    if change.kind != ClaimKind.CHANGE or at + 1 >= len(claims):
        return None
    after = claims[at + 1]
    if after.sentence != change.sentence or not after.rule.startswith("level.after_change"):
        return None
    return after.unit


def verify_claims(
    claims: list[Claim], text: str, store: Store, policy: Policy | None = None, date: dt.date | None = None
) -> list[Finding]:
    """A finding for every check-worthy claim, in order.  A claim that states no period takes the
    one stated in an earlier sentence of its paragraph (a forecast or target never does).  A claim
    whose words name no measure takes that of the claim before it, of its kind and unit, written
    shortly before (a list, or "in 2015 the rate was ...")."""
    policy = policy or load_policy()
    out = []
    last: dict[int, tuple[int, tuple[int, str]]] = {}  # paragraph -> (sentence end, period)
    carried: _Carried | None = None
    sentence, sentence_start = -1, None
    for at, c in enumerate(claims):
        if c.sentence.start != sentence_start:
            sentence, sentence_start = sentence + 1, c.sentence.start
        paragraph = text.count("\n", 0, c.span.start)
        earlier = last.get(paragraph)
        inherited = earlier[1] if earlier is not None and earlier[0] <= c.sentence.start else None
        if c.check_worthy:
            carry = _carry(c, carried, sentence)
            try:
                finding, link = _verify(c, text, store, policy, date, inherited, carry, _reaches(claims, at), sentence)
            except TextTimeout as exc:  # a sentence built to be slow
                tol = tolerance(c, policy)
                finding, link = (
                    _with_explanation(
                        Finding(
                            c, Verdict.UNVERIFIABLE, None, understood(c), tol, reason=str(exc), reason_code="timeout"
                        )
                    ),
                    Link(),
                )
            out.append(finding)
            stated = period_code(c) if c.modality == Modality.FACT else None
            if link.named and not link.carried:
                entities = c.entities
                carried = _Carried(link.terms, c.metric, c.kind, unit_family(c.unit), sentence, stated, entities)
            elif link.carried and carry is not None:
                entities = c.entities if c.entities_from == "text" and c.entities else carry.entities
                carried = replace(carry, sentence=sentence, period=stated or carry.period, entities=entities)
        stated = period_code(c)
        if stated is not None and c.modality == Modality.FACT:
            last[paragraph] = (c.sentence.end, stated)
    return out
