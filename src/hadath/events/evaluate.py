"""Measuring event mentions: GSR detection, our own labelled sentences, GSR arguments.

- ``evaluate_gsr``: sentence-level detection of ASSAULT and PROTEST on the GSR
  development files, positive class ``yes``.  The learned part is cross-validated:
  each fold's model is fitted (C and thresholds chosen by an inner cross-validation)
  on the other folds and the fold is then run through the real extraction path.
  The lexicon alone is reported beside it.  One split's F1 moves by about ±0.02
  with the seed, so ``splits=N`` repeats the cross-validation over seeds 0..N-1 and
  reports mean figures, each split's F1 and their standard deviation.
- ``evaluate_sentences``: per-type precision and recall on a JSONL file of sentences
  labelled with their events (tests/fixtures/events_sentences.jsonl), plus trigger,
  mode and flag agreement on the matched events.
- ``evaluate_arguments``: source and target accuracy on the GSR span records: a
  predicted argument is right when it shares a word with the annotators' agreed words.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hadath.errors import HadathError, ModelError
from hadath.events.detector import Detector, load_detector
from hadath.events.extract import extract_article
from hadath.events.gsr import KINDS, read_spans
from hadath.events.lexicon import Lexicon, load_lexicon
from hadath.events.segments import text_segments
from hadath.events.train import (
    FOLDS,
    SEED,
    Config,
    Data,
    f1,
    folds,
    lexicon_decision,
    load_all,
    out_of_fold,
    tuned_model,
)
from hadath.model import EventMention, Mention, Span, Token
from hadath.text.segment import split_sentences, tokenize

if TYPE_CHECKING:
    from rich.table import Table

DEFAULT_CONFIG = Config(3.0)
GATE_FOLDS = 3
FLAGS = ("negated", "future")


def cross_validate(data: Data, *, seed: int = SEED, lexicon: Lexicon | None = None) -> dict[str, Any]:
    """Cross-validated detection figures for one type, through the extraction path."""
    lexicon = lexicon or load_lexicon()
    predicted = [False] * len(data.labels)
    for test in folds(data.labels, FOLDS, seed):
        held = set(test)
        model, _ = tuned_model(data, [i for i in range(len(data.labels)) if i not in held], seed)
        detector = Detector({data.event_type: model}, {})
        for i in test:
            predicted[i] = lexicon_decision(data.texts[i], data.event_type, lexicon, detector)
    return {
        "detector": {**f1(predicted, data.labels), "support": sum(data.labels)},
        "lexicon": {**f1(data.lexicon_hits, data.labels), "support": sum(data.labels)},
    }


def evaluate_gsr(gsr_dir: Path, *, seed: int = SEED, splits: int = 1) -> dict[str, Any]:
    """Per-type and micro figures of ASSAULT/PROTEST detection on the GSR development files.

    With ``splits`` above 1 the cross-validation is repeated with seeds ``seed`` ..
    ``seed + splits - 1``; precision, recall and F1 are then means over the splits,
    with each split's F1 (``f1_splits``) and their sample standard deviation (``f1_sd``).
    """
    if splits < 1:
        raise ModelError(f"splits must be at least 1, not {splits}")
    lexicon = load_lexicon()
    seeds = range(seed, seed + splits)
    runs: list[dict[str, Any]] = [{"types": {}} for _ in seeds]
    for event_type, data in load_all(gsr_dir, lexicon).items():
        for run, split_seed in zip(runs, seeds, strict=True):
            result = cross_validate(data, seed=split_seed, lexicon=lexicon)
            run["types"][event_type] = {**result["detector"], "lexicon": result["lexicon"], "rows": len(data.labels)}
    for run in runs:
        run["overall"] = _micro(run["types"].values())
    report = runs[0] if splits == 1 else _mean_of(runs)
    report["lexicon_overall"] = _micro(t["lexicon"] for t in runs[0]["types"].values())
    which = f"seed {seed}" if splits == 1 else f"mean of {splits} splits (seeds {seed}..{seed + splits - 1})"
    report["method"] = (f"{FOLDS}-fold cross-validation, {which}, C and thresholds chosen inside each training "
                        "part; positives 'yes', negatives 'easy/difficult no'")
    return report


def _mean_of(runs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One report of several splits' reports: mean P/R/F1, each split's F1 and their sd."""
    def mean(figures: Sequence[dict[str, Any]]) -> dict[str, Any]:
        scores = [f["f1"] for f in figures]
        return {
            **{k: round(statistics.fmean(f[k] for f in figures), 4) for k in ("precision", "recall", "f1")},
            "f1_sd": round(statistics.stdev(scores), 4), "f1_splits": scores, "splits": len(figures),
        }

    types = {
        t: {**mean([run["types"][t] for run in runs]),
            **{k: runs[0]["types"][t][k] for k in ("support", "lexicon", "rows")}}
        for t in runs[0]["types"]
    }
    overall = {**mean([run["overall"] for run in runs]), "support": sum(t["support"] for t in types.values())}
    return {"types": types, "overall": overall}


def quick_gsr(gsr_dir: Path, *, folds_: int = GATE_FOLDS, seed: int = SEED) -> dict[str, Any]:
    """A cheaper cross-validated estimate, for the quality gate (well under a minute).

    The shipped model's settings and thresholds are kept fixed, each fold's model is
    fitted on the other folds, and a row is positive when (lexicon hit and p ≥ low)
    or p ≥ high on its whole text.  Thresholds come from the full development set,
    so this is a regression check, not the figure to report (``evaluate_gsr``).
    """
    lexicon = load_lexicon()
    shipped = load_detector()
    report: dict[str, Any] = {"types": {}}
    everything = load_all(gsr_dir, lexicon)
    for event_type, model in shipped.types.items():
        data = everything[event_type]
        info = shipped.info.get(event_type) or {}
        config = Config(float(info.get("c", DEFAULT_CONFIG.c)), joint=bool(info.get("joint", DEFAULT_CONFIG.joint)))
        rows = list(range(len(data.labels)))
        probabilities = out_of_fold(data, rows, config, folds_, seed)
        predicted = [(data.lexicon_hits[i] and probabilities[i] >= model.low) or probabilities[i] >= model.high
                     for i in rows]
        report["types"][event_type] = {**f1(predicted, data.labels), "support": sum(data.labels)}
    report["overall"] = _micro(report["types"].values())
    return report


def _micro(results: Iterable[dict[str, Any]]) -> dict[str, Any]:
    counts = Counter[str]()
    for result in results:
        counts.update({k: result[k] for k in ("tp", "fp", "fn")})
    gold = [True] * (counts["tp"] + counts["fn"]) + [False] * counts["fp"]
    predicted = [True] * counts["tp"] + [False] * counts["fn"] + [True] * counts["fp"]
    return f1(predicted, gold)


def _analyse(
    text: str, lexicon: Lexicon, detector: Detector | None, ner_model: Path | None = None
) -> list[EventMention]:
    tokens = tokenize(text)
    mentions = _mentions(text, tokens, ner_model)
    return extract_article(text, split_sentences(text), tokens, mentions, lexicon=lexicon, detector=detector)


def _mentions(text: str, tokens: Sequence[Token], ner_model: Path | None) -> list[Mention]:
    """Entity mentions from the NER model (default: the shipped one), or none when it is not built."""
    try:
        from hadath.entities.tagger import load_tagger
    except ImportError:
        return []
    try:
        tagger = load_tagger(ner_model)
    except HadathError:
        return []
    return sorted(tagger.tag_tokens(text, tokens), key=lambda m: (m.start, m.end))


def _ner_available(ner_model: Path | None = None) -> bool:
    try:
        from hadath.entities.tagger import load_tagger

        load_tagger(ner_model)
    except (ImportError, HadathError):
        return False
    return True


def read_labelled(path: Path) -> list[dict[str, Any]]:
    """Sentences of a labelled JSONL file: ``{"text", "events": [{"type", ...}]}`` a line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ModelError(f"cannot read {path}: {error}") from error
    items: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as error:
            raise ModelError(f"{path}:{number}: not JSON ({error})") from error
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not isinstance(
            item.get("events"), list
        ):
            raise ModelError(f"{path}:{number}: expected {{'text': str, 'events': [...]}}")
        items.append(item)
    return items


def evaluate_sentences(
    path: Path, *, detector: Detector | None = None, ner_model: Path | None = None
) -> dict[str, Any]:
    """Per-type precision/recall on labelled sentences, and agreement on the matched events."""
    lexicon = load_lexicon()
    if detector is None:
        try:
            detector = load_detector()
        except ModelError:
            detector = None
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    agreement: Counter[str] = Counter()
    items = read_labelled(path)
    for item in items:
        text = item["text"]
        found = _analyse(text, lexicon, detector, ner_model)
        _score_sentence(text, item["events"], found, counts, agreement)
    types = {t: {**f1([True] * c["tp"] + [False] * c["fn"] + [True] * c["fp"],
                      [True] * (c["tp"] + c["fn"]) + [False] * c["fp"]), "support": c["tp"] + c["fn"]}
             for t, c in sorted(counts.items())}
    matched = agreement["matched"]
    return {
        "types": types,
        "overall": _micro(types.values()),
        "sentences": len(items),
        "agreement": {
            key: round(agreement[key] / agreement[f"{key}_n"], 4) if agreement[f"{key}_n"] else None
            for key in ("trigger", "mode", *FLAGS, "source", "target")
        } | {"matched": matched},
        "ner": _ner_available(ner_model),
        "detector": detector is not None,
    }


def _score_sentence(
    text: str, gold: Sequence[dict[str, Any]], found: Sequence[EventMention],
    counts: dict[str, Counter[str]], agreement: Counter[str],
) -> None:
    predicted = list(found)
    for event in gold:
        kind = event.get("type")
        if not isinstance(kind, str):
            raise ModelError(f"labelled event without a type in {text[:40]!r}")
        candidates = [p for p in predicted if p.type == kind]
        if not candidates:
            counts[kind]["fn"] += 1
            continue
        trigger = _locate(text, event.get("trigger"))
        best = next((p for p in candidates if trigger and _overlaps(p.trigger, trigger)), candidates[0])
        predicted.remove(best)
        counts[kind]["tp"] += 1
        agreement["matched"] += 1
        _agree(agreement, "trigger", trigger is not None, bool(trigger and _overlaps(best.trigger, trigger)))
        _agree(agreement, "mode", "mode" in event, best.mode == event.get("mode"))
        for flag in FLAGS:
            _agree(agreement, flag, True, getattr(best, flag) == bool(event.get(flag, False)))
        for role, spans in (("source", best.sources), ("target", best.targets)):
            wanted = _locate(text, event.get(role))
            _agree(agreement, role, wanted is not None, bool(wanted and any(_overlaps(s, wanted) for s in spans)))
    for extra in predicted:
        counts[extra.type]["fp"] += 1


def _agree(agreement: Counter[str], key: str, applies: bool, right: bool) -> None:
    if applies:
        agreement[f"{key}_n"] += 1
        agreement[key] += right


def _locate(text: str, phrase: Any) -> Span | None:
    if not isinstance(phrase, str) or not phrase:
        return None
    at = text.find(phrase)
    return Span(at, at + len(phrase)) if at >= 0 else None


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def evaluate_arguments(gsr_dir: Path, *, ner_model: Path | None = None) -> dict[str, Any]:
    """Source/target accuracy of the argument rules on the GSR span records.

    Of the record's mentions of its type, the one whose trigger shares a word with the
    annotators' verb is scored (the event they marked); failing that, the one with the
    most arguments.
    """
    lexicon = load_lexicon()
    report: dict[str, Any] = {"types": {}, "ner": _ner_available(ner_model)}
    totals: Counter[str] = Counter()
    for event_type in KINDS:
        counts: Counter[str] = Counter()
        for record in read_spans(gsr_dir, event_type):
            found = _analyse(record.text, lexicon, None, ner_model)
            of_type = [e for e in found if e.type == event_type]
            counts["records"] += 1
            counts["with_event"] += bool(of_type)
            chosen = max(of_type, default=None, key=lambda e: (
                _shares_word(record.text, (e.trigger,), record.verb_gold), len(e.sources) + len(e.targets)))
            for role, gold_words in (("source", record.source_gold), ("target", record.target_gold)):
                if not gold_words:
                    continue
                spans = (chosen.sources if role == "source" else chosen.targets) if chosen else ()
                counts[f"{role}_gold"] += 1
                counts[f"{role}_predicted"] += bool(spans)
                counts[f"{role}_correct"] += _shares_word(record.text, spans, gold_words)
        report["types"][event_type] = _argument_figures(counts)
        totals.update(counts)
    report["overall"] = _argument_figures(totals)
    return report


def _argument_figures(counts: Counter[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"records": counts["records"], "with_event": counts["with_event"]}
    for role in ("source", "target"):
        gold, predicted, correct = counts[f"{role}_gold"], counts[f"{role}_predicted"], counts[f"{role}_correct"]
        out[role] = {
            "gold": gold, "predicted": predicted, "correct": correct,
            "accuracy": round(correct / gold, 4) if gold else 0.0,
            "precision": round(correct / predicted, 4) if predicted else 0.0,
        }
    return out


def _shares_word(text: str, spans: Sequence[Span], gold_words: Sequence[str]) -> bool:
    gold = {_stem(word) for word in gold_words} - {""}
    return any(_stem(word) in gold for span in spans for word in span.of(text).split())


def _stem(word: str) -> str:
    segments = text_segments(word)
    return segments[-1] if segments else ""


def format_events_table(report: dict[str, Any]) -> Table:
    """A readable table of any of the reports above (or of several under their names)."""
    from rich.table import Table

    table = Table(title="event mentions")
    for column in ("set", "type", "precision", "recall", "f1", "support / n", "note"):
        table.add_column(column, justify="right" if column in ("precision", "recall", "f1", "support / n") else "left")
    sections = {
        k: v for k, v in report.items() if k in ("gsr", "sentences", "arguments") and isinstance(v, dict)
    } or {"": report}
    for name, section in sections.items():
        if "source" in section.get("overall", {}):
            for kind, figures in [*section["types"].items(), ("overall", section["overall"])]:
                for role in ("source", "target"):
                    r = figures[role]
                    table.add_row(name or "arguments", f"{kind} {role}", _pct(r["precision"]), _pct(r["accuracy"]),
                                  "", str(r["gold"]), "accuracy in the recall column")
            continue
        for kind, figures in [*section.get("types", {}).items(), ("overall", section.get("overall", {}))]:
            note = ""
            if "f1_sd" in figures:
                note = f"mean of {figures['splits']} splits, F1 sd {_pct(figures['f1_sd'])}; "
            if "lexicon" in figures:
                lex = figures["lexicon"]
                note += f"lexicon alone P {_pct(lex['precision'])} R {_pct(lex['recall'])} F1 {_pct(lex['f1'])}"
            support = figures.get("support", figures.get("tp", 0) + figures.get("fn", 0))
            table.add_row(name, kind, _pct(figures.get("precision")), _pct(figures.get("recall")),
                          _pct(figures.get("f1")), str(support), note)
    return table


def _pct(value: Any) -> str:
    return f"{100 * value:.1f}" if isinstance(value, int | float) else ""


def evaluate_events(
    gsr_dir: Path | None = None, sentences: Path | None = None, *, splits: int = 1
) -> dict[str, Any]:
    """The reports asked for, under "gsr", "sentences" and "arguments"; "overall" is GSR detection when
    measured, else the labelled sentences'.  ``splits``: see ``evaluate_gsr``."""
    if gsr_dir is None and sentences is None:
        raise ModelError("nothing to evaluate: give a GSR folder, a labelled sentence file, or both")
    report: dict[str, Any] = {}
    if gsr_dir is not None:
        report["gsr"] = evaluate_gsr(gsr_dir, splits=splits)
        report["arguments"] = evaluate_arguments(gsr_dir)
    if sentences is not None:
        report["sentences"] = evaluate_sentences(sentences)
    report["overall"] = (report.get("gsr") or report["sentences"])["overall"]
    return report
