"""Reading the Arabic event GSR files (openeventdata/arabic_event_gsr, development portion).

Sentence files: ``{kind}_dev.csv`` with ``id, event_type, label, accept, reject, total,
text``; ``label`` is yes / easy no / difficult no / ambiguous.  Positives are ``yes``,
negatives ``easy no`` and ``difficult no``; ``ambiguous`` is left out of every
evaluation (its majority vote may serve as a training example).

Span files: ``{kind}_spans_dev.json``, a list of records ``{source (sentence id),
text, spans[{source_actor[], verb[], target_actor[], ...}] (one per annotator),
source_gold, verb_gold, target_gold}``; the ``*_gold`` strings are the words the
annotators agreed on (space-separated, in no particular order), empty when they
did not agree.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hadath.errors import ModelError

KINDS = {"ASSAULT": "assault", "PROTEST": "protest"}
POSITIVE = "yes"
NEGATIVE = frozenset({"easy no", "difficult no"})


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    text: str
    label: bool


@dataclass(frozen=True, slots=True)
class SpanRecord:
    id: str
    text: str
    source_gold: tuple[str, ...]
    target_gold: tuple[str, ...]
    verb_gold: tuple[str, ...] = ()


def _records(gsr_dir: Path, event_type: str) -> tuple[Path, list[dict[str, str]]]:
    path = gsr_dir / f"{KINDS[event_type]}_dev.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return path, list(csv.DictReader(handle))
    except OSError as error:
        raise ModelError(f"cannot read GSR file {path}: {error}") from error


def read_rows(gsr_dir: Path, event_type: str) -> list[Row]:
    """Labelled sentences of one type, ``ambiguous`` left out."""
    path, records = _records(gsr_dir, event_type)
    rows: list[Row] = []
    for number, record in enumerate(records, 2):
        label, text = record.get("label"), record.get("text")
        if label is None or text is None:
            raise ModelError(f"{path}:{number}: expected columns label and text")
        if label == POSITIVE or label in NEGATIVE:
            rows.append(Row(record.get("id") or str(number), text, label == POSITIVE))
    return rows


def read_ambiguous(gsr_dir: Path, event_type: str) -> list[tuple[str, bool]]:
    """``ambiguous`` sentences on which the annotators' votes lean one way, with that verdict.

    Never evaluated on; they serve as extra training examples (accept > reject is a yes).
    """
    _, records = _records(gsr_dir, event_type)
    out: list[tuple[str, bool]] = []
    for record in records:
        try:
            accept, reject = int(record.get("accept") or 0), int(record.get("reject") or 0)
        except ValueError:
            continue
        if record.get("label") == "ambiguous" and record.get("text") and accept != reject:
            out.append((str(record["text"]), accept > reject))
    return out


def read_spans(gsr_dir: Path, event_type: str) -> list[SpanRecord]:
    path = gsr_dir / f"{KINDS[event_type]}_spans_dev.json"
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot read GSR span file {path}: {error}") from error
    if not isinstance(data, list):
        raise ModelError(f"{path}: expected a list of span records")
    records: list[SpanRecord] = []
    for k, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ModelError(f"{path}: record {k} has no text")
        records.append(SpanRecord(
            str(item.get("source", k)), item["text"],
            tuple(str(item.get("source_gold") or "").split()), tuple(str(item.get("target_gold") or "").split()),
            tuple(str(item.get("verb_gold") or "").split()),
        ))
    return records


def extra_positives(gsr_dir: Path, event_type: str) -> list[str]:
    """Sentences of the span file that the labelled file does not hold (under any label).

    Annotators marked an event's source, verb and target in them, so they serve as
    extra positive training examples; they are never used to evaluate detection.
    """
    known = {record.get("text") for record in _records(gsr_dir, event_type)[1]}
    return [record.text for record in read_spans(gsr_dir, event_type) if record.text not in known]
