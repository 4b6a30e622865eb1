"""Measuring the date tagger and publication-date inference (``hadath eval dates``).

Three measurements, each with honest denominators:

- ``evaluate_specs``: the Arabic date specs (../shared/data/datetime_ar): span
  precision/recall/F1 (overlap) and value accuracy per spec file.  Value accuracy
  counts an expected value as right only if an overlapping timex has that value (a
  miss is an error).  ``accuracy`` is over the cases in scope (``specs.py`` says which
  categories are not, and ``out_of_scope`` counts them), ``accuracy_all`` over every
  case with an expected value.  ``accuracy_resolved`` also accepts, for an expected
  value the spec leaves open (XXXX-10-02, XXXX-WXX-5), one of the readings the spec
  itself lists for it, compared with hadath's own reading against the reference date
  (``Timex.resolved``).  An expected span the input does not contain (the spec's text
  differs from its input: "16. نوفمبر 2016 10:39" for 10:38) is counted as
  ``unlocated``, and the tags of that case are not counted as extra.
- ``evaluate_sentences``: hadath's own news-style sentences (tests/fixtures).
- ``evaluate_published``: ANT articles with their metadata date hidden: how often
  the inferred publication date is exact, correct but coarser, null or wrong.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.table import Table

from hadath.model import UNKNOWN_DATE, DateValue
from hadath.text.segment import split_sentences
from hadath.timex import specs
from hadath.timex.published import infer_published
from hadath.timex.tagger import parse, tag, timexes

# Groups of spec files the targets are stated on.
GROUPS = {
    "date": ("DateExtractor", "DateParser"),
    "date-period": ("DatePeriodExtractor", "DatePeriodParser"),
    "date-time": ("DateTimeExtractor", "DateTimeModel", "DateTimeParser"),
    "merged": ("MergedExtractor", "MergedParser"),
    "duration": ("DurationExtractor", "DurationParser"),
    "holiday": ("HolidayExtractor", "HolidayParser"),
}
# Arab newsrooms publish from UTC+0 (Morocco) to UTC+4 (Gulf): a day inferred from
# the text is exact if it is the publication instant's date in one of those zones.
LOCAL_OFFSETS_HOURS = range(0, 5)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


class _Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.scored = self.strict = self.resolved = 0
        self.scored_all = self.strict_all = 0  # in scope or not
        self.checked = self.checked_strict = 0  # cases whose value the spec suite itself checks
        self.out_of_scope: Counter[str] = Counter()
        self.unlocated = 0
        self.cases = 0
        self.errors: list[dict[str, Any]] = []

    def report(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "out_of_scope": dict(self.out_of_scope),
            "unlocated": self.unlocated,
            "span": _prf(self.tp, self.fp, self.fn),
            "value": {
                "scored": self.scored,
                "strict": self.strict,
                "resolved": self.resolved,
                "accuracy": round(self.strict / self.scored, 4) if self.scored else None,
                "accuracy_resolved": round(self.resolved / self.scored, 4) if self.scored else None,
                "scored_all": self.scored_all,
                "strict_all": self.strict_all,
                "accuracy_all": round(self.strict_all / self.scored_all, 4) if self.scored_all else None,
                "checked": self.checked,
                "accuracy_checked": round(self.checked_strict / self.checked, 4) if self.checked else None,
            },
        }


def _score_case(case: specs.Case, tally: _Tally) -> None:
    tally.cases += 1
    predicted = tag(case.input, case.reference)
    used: set[int] = set()
    ignored: set[int] = set()
    for gold in case.golds:
        if gold.start is None or gold.end is None:
            tally.unlocated += 1
            continue
        hits = [i for i, t in enumerate(predicted) if _overlaps(t.start, t.end, gold.start, gold.end)]
        expected = None if case.file.endswith("Extractor") else specs.canonical(gold.timex)
        if gold.out_of_scope:
            tally.out_of_scope[gold.out_of_scope] += 1
            ignored.update(hits)  # tagging part of an out-of-scope expression is no error
            if expected is not None:
                tally.scored_all += 1
                tally.strict_all += any(specs.canonical(predicted[i].value) == expected for i in hits)
            continue
        free = [i for i in hits if i not in used]
        if free:
            tally.tp += 1
            # Of the timexes inside one expected span (عشرين دقيقة | صباح الغد), the one
            # with the expected value answers for it.
            free.sort(key=lambda i: specs.canonical(predicted[i].value) != expected)
            used.add(free[0])
        else:
            tally.fn += 1
        if expected is None:
            continue
        tally.scored += 1
        tally.scored_all += 1
        got = specs.canonical(predicted[free[0]].value) if free else None
        reading = specs.canonical(predicted[free[0]].resolved or predicted[free[0]].value) if free else None
        strict = got == expected
        resolved = strict or (reading is not None and "X" in expected and reading in gold.resolutions)
        tally.strict += strict
        tally.strict_all += strict
        tally.resolved += resolved
        if not case.ignore_resolution:
            tally.checked += 1
            tally.checked_strict += strict
        if not resolved and len(tally.errors) < 200:
            tally.errors.append({"input": case.input, "expected": expected, "got": got, "text": gold.text})
    if any(gold.start is None for gold in case.golds):
        return  # an expected span not in the input (the spec's text differs): no tag can be judged extra
    tally.fp += sum(1 for i in range(len(predicted)) if i not in used and i not in ignored)


def evaluate_specs(spec_dir: Path) -> dict[str, Any]:
    """Per spec file and per group: span P/R/F1 and value accuracy; ``overall`` spans."""
    per_file: dict[str, _Tally] = {}
    for case in specs.load_cases(spec_dir):
        _score_case(case, per_file.setdefault(case.file, _Tally()))
    files = {name: tally.report() for name, tally in sorted(per_file.items())}
    groups = {group: _merge([per_file[n] for n in names if n in per_file]) for group, names in GROUPS.items()}
    overall = _merge(list(per_file.values()))
    return {
        "files": files,
        "groups": {name: g for name, g in groups.items() if g["cases"]},
        "overall": {**overall["span"], "value": overall["value"], "out_of_scope": overall["out_of_scope"]},
        "out_of_scope_rules": list(specs.SCOPE_RULES),
        "errors": [e for t in per_file.values() for e in t.errors],
    }


_COUNTS = (
    "tp",
    "fp",
    "fn",
    "scored",
    "strict",
    "resolved",
    "scored_all",
    "strict_all",
    "checked",
    "checked_strict",
    "unlocated",
    "cases",
)


def _merge(tallies: list[_Tally]) -> dict[str, Any]:
    total = _Tally()
    for tally in tallies:
        for name in _COUNTS:
            setattr(total, name, getattr(total, name) + getattr(tally, name))
        total.out_of_scope.update(tally.out_of_scope)
    return total.report()


# --- own sentences -------------------------------------------------------------


def evaluate_sentences(path: Path) -> dict[str, Any]:
    """Span P/R/F1 and value accuracy on hadath's own news-style sentences."""
    tp = fp = fn = correct = total = 0
    errors: list[dict[str, Any]] = []
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        text = item["text"]
        reference = dt.date.fromisoformat(item["reference"]) if item.get("reference") else None
        predicted = tag(text, reference)
        used: set[int] = set()
        search_from = 0
        for expected in item["expected"]:
            start = text.find(expected["text"], search_from)
            if start < 0:
                start = text.find(expected["text"])
            end = start + len(expected["text"])
            total += 1
            hits = [i for i, t in enumerate(predicted) if i not in used and _overlaps(t.start, t.end, start, end)]
            if hits:
                tp += 1
                used.add(hits[0])
                # The own set states the calendar date a news reader takes ("الثلاثاء" in
                # an article of 29 Nov 2016 is 2016-11-29): the reading of an open value.
                got = predicted[hits[0]].resolved or predicted[hits[0]].value
            else:
                fn += 1
                got = None
            if got == expected["value"]:
                correct += 1
            else:
                error = {"line": line_number, "text": expected["text"], "expected": expected["value"], "got": got}
                errors.append(error)
            search_from = max(search_from, start)
        extra = [t for i, t in enumerate(predicted) if i not in used]
        fp += len(extra)
        errors.extend(
            {"line": line_number, "text": text[t.start : t.end], "expected": None, "got": t.value, "extra": True}
            for t in extra
        )
    return {
        "sentences_file": str(path),
        "expressions": total,
        "span": _prf(tp, fp, fn),
        "value": {"correct": correct, "scored": total, "accuracy": round(correct / total, 4) if total else None},
        "errors": errors,
    }


# --- publication dates on ANT ----------------------------------------------------


def _local_days(published: str) -> set[dt.date]:
    instant = dt.datetime.fromisoformat(published)
    if instant.tzinfo is not None:
        instant = instant.astimezone(dt.UTC).replace(tzinfo=None)
    return {(instant + dt.timedelta(hours=h)).date() for h in LOCAL_OFFSETS_HOURS}


def judge(inferred: DateValue, published: str) -> str:
    """exact / coarser / null / wrong for an inferred date against the metadata instant."""
    if inferred.value is None:
        return "null"
    days = _local_days(published)
    if len(inferred.value) == 10:
        return "exact" if dt.date.fromisoformat(inferred.value) in days else "wrong"
    return "coarser" if any(d.isoformat().startswith(inferred.value) for d in days) else "wrong"


def _sample(ant_path: Path, n: int, seed: int) -> list[dict[str, Any]]:
    with gzip.open(ant_path, "rt", encoding="utf-8") as handle:
        lines = handle.readlines()
    chosen = random.Random(seed).sample(range(len(lines)), min(n, len(lines)))
    return [json.loads(lines[i]) for i in sorted(chosen)]


def infer_from_text(text: str) -> DateValue:
    """The publication date hadath infers for ``text`` with no metadata."""
    parsed = parse(text)
    return infer_published(text, split_sentences(text), timexes(parsed, None), UNKNOWN_DATE)


def evaluate_published(ant_path: Path, n: int = 300, seed: int = 4) -> dict[str, Any]:
    """Infer the publication date of ``n`` sampled ANT articles with metadata hidden."""
    counts: Counter[str] = Counter()
    wrong: list[dict[str, Any]] = []
    by_basis: Counter[str] = Counter()
    for article in _sample(ant_path, n, seed):
        inferred = infer_from_text(article["text"])
        verdict = judge(inferred, article["published"])
        counts[verdict] += 1
        by_basis[f"{inferred.basis}:{verdict}"] += 1
        if verdict == "wrong":
            wrong.append({"id": article["id"], "inferred": inferred.value, "published": article["published"]})
    total = sum(counts.values())
    return {
        "articles": total,
        "seed": seed,
        "counts": {k: counts.get(k, 0) for k in ("exact", "coarser", "null", "wrong")},
        "wrong_rate": round(counts["wrong"] / total, 4) if total else None,
        "by_basis": dict(by_basis),
        "wrong": wrong,
    }


def evaluate_dates(
    specs_dir: Path | None = None,
    sentences: Path | None = None,
    ant: Path | None = None,
    published_sample: int = 300,
    seed: int = 4,
) -> dict[str, Any]:
    """What ``hadath eval dates`` reports: any of the three parts, and ``overall``
    (span precision/recall/F1 on the specs, else on the sentences)."""
    report: dict[str, Any] = {}
    if specs_dir is not None:
        report["specs"] = evaluate_specs(specs_dir)
    if sentences is not None:
        report["sentences"] = evaluate_sentences(sentences)
    if ant is not None and published_sample > 0:
        report["published"] = evaluate_published(ant, n=published_sample, seed=seed)
    if "specs" in report:
        report["overall"] = report["specs"]["overall"]
    elif "sentences" in report:
        report["overall"] = report["sentences"]["span"]
    return report


# --- table ---------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_dates_table(report: dict[str, Any]) -> Table:
    """A readable table of whatever parts of the report are present."""
    table = Table(title="hadath eval dates")
    for column in ("set", "n", "span P", "span R", "span F1", "value acc", "value acc (all)"):
        table.add_column(column, justify="left" if column == "set" else "right")
    specs_report = report.get("specs")
    if specs_report:
        rows: Iterable[tuple[str, dict[str, Any]]] = list(specs_report["files"].items())
        for name, row in rows:
            _spec_row(table, name, row)
        table.add_section()
        for name, row in specs_report["groups"].items():
            _spec_row(table, f"group {name}", row)
        overall = specs_report["overall"]
        table.add_row(
            "specs overall",
            str(overall["tp"] + overall["fn"]),
            _fmt(overall["precision"]),
            _fmt(overall["recall"]),
            _fmt(overall["f1"]),
            _fmt(overall["value"]["accuracy"]),
            _fmt(overall["value"]["accuracy_all"]),
        )
        table.add_section()
        for name, count in sorted(overall["out_of_scope"].items()):
            table.add_row(f"out of scope: {name}", str(count))
    own = report.get("sentences")
    if own:
        table.add_section()
        span = own["span"]
        table.add_row(
            "own news sentences",
            str(own["expressions"]),
            _fmt(span["precision"]),
            _fmt(span["recall"]),
            _fmt(span["f1"]),
            _fmt(own["value"]["accuracy"]),
            "-",
        )
    published = report.get("published")
    if published:
        table.add_section()
        counts = published["counts"]
        summary = "/".join(str(counts[k]) for k in ("exact", "coarser", "null", "wrong"))
        table.add_row("ANT publication dates: exact/coarser/null/wrong", str(published["articles"]), summary)
    return table


def _spec_row(table: Table, name: str, row: dict[str, Any]) -> None:
    span, value = row["span"], row["value"]
    table.add_row(
        name,
        str(span["tp"] + span["fn"]),
        _fmt(span["precision"]),
        _fmt(span["recall"]),
        _fmt(span["f1"]),
        _fmt(value["accuracy"]),
        _fmt(value["accuracy_all"]),
    )
