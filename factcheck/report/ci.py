"""Reports for CI systems: SARIF 2.1.0 and GitHub Actions workflow commands.

Both are pure functions of the reports.  Locations come from the claims' spans in the original
file: 1-based lines and columns counted in code points (SARIF's ``columnKind`` says so).  A
SARIF result's ``partialFingerprints`` hash the rule, the claim and its sentence, not its line,
so a re-run after an edit elsewhere in the file does not duplicate an alert.

Levels: a contradicted claim is an error; a prediction not met, an ambiguous or an unverifiable
claim is a warning; a close claim (near the data, outside the precision written) is a note to
review and a GitHub ``::notice``; a supported claim (or a met or pending prediction) is a passing
result.

Every string goes through :func:`factcheck.report.escape.plain` before its writer's own escaping:
no lone surrogate reaches the output, and bidi controls in a claim are written as ``\\u202e``
escapes, so an annotation shows the number that was checked.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any
from urllib.parse import quote

from factcheck.report import Report
from factcheck.report.escape import clean, plain, plain_data
from factcheck.verify import Finding

__all__ = ["RULES", "render_github", "render_sarif", "rule_of"]

# id -> (name, level, description)
RULES: dict[str, tuple[str, str, str]] = {
    "factcheck/contradicted": (
        "ContradictedClaim",
        "error",
        "The reference data contradict the number as written, beyond the tolerance of the policy.",
    ),
    "factcheck/prediction-not-met": (
        "PredictionNotMet",
        "warning",
        "A forecast or target that the data for its period did not bear out.",
    ),
    "factcheck/ambiguous": (
        "AmbiguousClaim",
        "warning",
        "Equally good reference data disagree about the claim; each is shown.",
    ),
    "factcheck/unverifiable": (
        "UnverifiableClaim",
        "warning",
        "No reference data can check the claim (no dataset, no data for its period, another unit).",
    ),
    "factcheck/prediction-pending": (
        "PredictionPending",
        "note",
        "A forecast or target whose period has no data yet.",
    ),
    "factcheck/close": (
        "CloseClaim",
        "note",
        "The reference data differ from the number as written by more than its precision, but within the "
        "policy's close band (a rounding or a revision, not a wrong figure).",
    ),
    "factcheck/prediction-met": ("PredictionMet", "note", "A forecast or target that the data bore out."),
    "factcheck/supported": ("SupportedClaim", "note", "The reference data support the number as written."),
}


def rule_of(f: Finding) -> str:
    """The stable rule id of a finding's verdict."""
    verdict = str(f.verdict)
    if verdict == "PREDICTION":
        outcome = str(f.outcome or "PENDING").lower().replace("_", "-")
        return f"factcheck/prediction-{outcome}"
    return f"factcheck/{verdict.lower()}"


def _uri(name: str) -> str:
    if name in ("-", "<stdin>"):
        return "stdin"
    return quote(clean(name).replace("\\", "/"), safe="/:._-~")


def _path(name: str) -> str:
    return "stdin" if name in ("-", "<stdin>") else name.replace("\\", "/")


def _region(report: Report, f: Finding) -> dict[str, Any]:
    doc = report.document
    start_line, start_column = doc.position(f.claim.span.start)
    end_line, end_column = doc.position(f.claim.span.end)  # the character after the claim
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": f.claim.span.start,
        "charLength": f.claim.span.end - f.claim.span.start,
        "snippet": {"text": f.claim.text},
    }


# rules whose results are neither failures nor passes: a person may want to look
_REVIEW = frozenset({"factcheck/close"})


def _fingerprint(rule: str, report: Report, f: Finding) -> str:
    c = f.claim
    sentence = " ".join(report.document.text[c.sentence.start : c.sentence.end].split())
    key = "\x1f".join((rule, report.document.name, c.as_written, sentence))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _result(report: Report, f: Finding, artifact: int, rule_index: dict[str, int]) -> dict[str, Any]:
    rule = rule_of(f)
    level = RULES[rule][1]
    result: dict[str, Any] = {
        "ruleId": rule,
        "ruleIndex": rule_index[rule],
        "level": "note" if rule in _REVIEW else (level if level != "note" else "none"),
        "message": {"text": f.explanation},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(report.document.name), "index": artifact},
                    "region": _region(report, f),
                }
            }
        ],
        "partialFingerprints": {"factcheckClaim/v1": _fingerprint(rule, report, f)},
        "properties": {
            "claimId": f.claim.id,
            "verdict": str(f.verdict),
            "outcome": None if f.outcome is None else str(f.outcome),
            "understood": f.understood,
            "dataset": None if f.evidence is None else f.evidence.dataset.id,
            "reference": None if f.evidence is None or f.evidence.value is None else str(f.evidence.value),
        },
    }
    if rule in _REVIEW:
        result["kind"] = "review"  # CLOSE: worth a look, not a failure
    elif level == "note":
        result["kind"] = "pass"
    return result


def render_sarif(reports: list[Report]) -> dict[str, Any]:
    """One SARIF 2.1.0 log with one run over every report's findings."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        tool_version = version("factcheck")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        tool_version = "0"
    rule_ids = list(RULES)
    rule_index = {r: i for i, r in enumerate(rule_ids)}
    rules = [
        {
            "id": rid,
            "name": name,
            "shortDescription": {"text": description.split(";")[0].rstrip(".") + "."},
            "fullDescription": {"text": description},
            "defaultConfiguration": {"level": level},
        }
        for rid, (name, level, description) in RULES.items()
    ]
    artifacts = []
    results = []
    for i, report in enumerate(reports):
        artifacts.append({"location": {"uri": _uri(report.document.name)}, "length": len(report.document.text)})
        results += [_result(report, f, i, rule_index) for f in report.findings]
    return plain_data(
        {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "factcheck",
                            "version": tool_version,
                            "rules": rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "artifacts": artifacts,
                    "results": results,
                }
            ],
        }
    )


_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # line breaks to some readers


def _escape_data(text: str) -> str:
    text = _OTHER_BREAKS.sub(" ", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(reports: list[Report], warnings: set[str] | None = None) -> str:
    """GitHub Actions workflow commands: ``::error`` for each contradicted claim (and each
    prediction not met), ``::warning`` for the verdicts named in ``warnings`` (AMBIGUOUS,
    UNVERIFIABLE, PENDING ...).  Columns are inclusive: ``endColumn`` is the claim's last one."""
    wanted = {w.upper() for w in (warnings or set())}
    lines = []
    for report in reports:
        doc = report.document
        for f in report.findings:
            names = {str(f.verdict)} | ({str(f.outcome)} if f.outcome is not None else set())
            if "CONTRADICTED" in names or "NOT_MET" in names:
                command = "error"
            elif names & wanted:
                command = "warning"
            elif "CLOSE" in names:
                command = "notice"  # near the data, outside the precision written: never fails a run
            else:
                continue
            line, col = doc.position(f.claim.span.start)
            end_line, end_col = doc.position(max(f.claim.span.end - 1, f.claim.span.start))
            title = f"factcheck: {str(f.verdict).lower()}" + (f" ({str(f.outcome).lower()})" if f.outcome else "")
            props = (
                f"file={_escape_property(plain(_path(doc.name)))},line={line},col={col},endLine={end_line},"
                f"endColumn={end_col},title={_escape_property(plain(title + ' · ' + f.claim.as_written))}"
            )
            lines.append(f"::{command} {props}::{_escape_data(plain(f.explanation))}")
    return "\n".join(lines) + ("\n" if lines else "")
