"""Entity-level evaluation of the tagger on CoNLL files (ANERcorp layout).

Scoring is CoNLL exact match over the file's own words: each sentence is joined with
spaces, tagged through the real runtime path (tokenize → ``tag_tokens`` of the chosen model),
and the mentions are mapped back onto the words.  A mention counts only if its type
and both word boundaries match a gold entity.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hadath.entities.bio import label_spans
from hadath.entities.tagger import Tagger, load_tagger
from hadath.errors import ModelError
from hadath.model import Mention
from hadath.text.segment import tokenize

if TYPE_CHECKING:
    from rich.table import Table

Sentence = list[tuple[str, str]]  # (word, BIO tag) pairs
TYPES = ("PER", "ORG", "LOC", "MISC")
# ANERcorp spells the person type PERS; hadath's mentions use PER.
_TYPE_NAMES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a ``word TAG``-per-line file, blank lines between sentences."""
    sentences: list[Sentence] = []
    current: Sentence = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ModelError(f"cannot read {path}: {error}") from error
    for number, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
                current = []
            continue
        if len(parts) < 2:
            raise ModelError(f"{path}:{number}: expected 'word TAG', got {line!r}")
        current.append((parts[0], _tag(parts[-1], path, number)))
    if current:
        sentences.append(current)
    return sentences


def _tag(raw: str, path: Path, number: int) -> str:
    if raw == "O":
        return raw
    prefix, _, kind = raw.partition("-")
    if prefix not in ("B", "I") or kind not in _TYPE_NAMES:
        raise ModelError(f"{path}:{number}: unknown tag {raw!r}")
    return f"{prefix}-{_TYPE_NAMES[kind]}"


def join_words(words: Sequence[str]) -> tuple[str, list[int]]:
    """The sentence text (words joined by spaces) and each word's start offset."""
    starts: list[int] = []
    position = 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    return " ".join(words), starts


def mentions_to_word_tags(mentions: Iterable[Mention], starts: Sequence[int], n_words: int) -> list[str]:
    """BIO tags over the words from character-offset mentions (first overlap wins)."""
    tags = ["O"] * n_words
    for mention in mentions:
        first = bisect_right(starts, mention.start) - 1
        last = bisect_right(starts, mention.end - 1) - 1
        if first < 0 or any(tags[i] != "O" for i in range(first, last + 1)):
            continue
        tags[first] = f"B-{mention.type}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{mention.type}"
    return tags


def entity_spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """(type, first, last) of each entity, conlleval-style (a stray I- opens one)."""
    return set(label_spans(tags))


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score_sentences(sentences: Sequence[Sentence], tagger: Tagger, block: int = 1) -> dict[str, Any]:
    """Micro and per-type entity P/R/F1 of ``tagger`` over gold ``sentences``.

    ``block`` sentences in a row are tagged as one text, a line each, as an article's
    sentences are at run time (names found in one then help read the others,
    ``consistency``); 1 tags every sentence alone.
    """
    tp: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    size = max(block, 1)
    for first in range(0, len(sentences), size):
        group = sentences[first : first + size]
        texts = [join_words([word for word, _ in sentence]) for sentence in group]
        text = "\n".join(t for t, _ in texts)
        mentions = sorted(tagger.tag_tokens(text, tokenize(text)), key=lambda m: m.start)
        base = 0
        for sentence, (sentence_text, starts) in zip(group, texts, strict=True):
            end = base + len(sentence_text)
            inside = [replace(m, start=m.start - base, end=m.end - base) for m in mentions if base <= m.start < end]
            guess = entity_spans(mentions_to_word_tags(inside, starts, len(sentence)))
            truth = entity_spans([tag for _, tag in sentence])
            for kind, *_ in guess:
                predicted[kind] += 1
            for kind, *_ in truth:
                gold[kind] += 1
            for kind, *_ in guess & truth:
                tp[kind] += 1
            base = end + 1
    per_type = {kind: {**_prf(tp[kind], predicted[kind], gold[kind]), "support": gold[kind]} for kind in TYPES}
    micro = _prf(sum(tp.values()), sum(predicted.values()), sum(gold.values()))
    return {"micro": micro, "per_type": per_type, "sentences": len(sentences)}


def evaluate_ner(conll_path: Path, model_path: Path | None = None, *, block: int = 1) -> dict[str, Any]:
    """Score the tagger (default: the shipped model; ``.onnx`` is the neural kind) on a CoNLL file,
    ``block`` sentences in a row tagged as one text (``score_sentences``)."""
    report = score_sentences(read_conll(conll_path), load_tagger(model_path), block)
    return {**report, "file": str(conll_path), "block": block}


def format_ner_table(report: dict[str, Any]) -> Table:
    """The report as a rich table: one row per type, then the micro average."""
    from rich.table import Table

    table = Table(title=f"NER, entity-level exact match ({report['sentences']} sentences)")
    for column in ("type", "precision", "recall", "f1", "support"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for kind, scores in report["per_type"].items():
        table.add_row(
            kind,
            f"{scores['precision']:.4f}",
            f"{scores['recall']:.4f}",
            f"{scores['f1']:.4f}",
            str(scores["support"]),
        )
    micro = report["micro"]
    support = sum(scores["support"] for scores in report["per_type"].values())
    table.add_row(
        "micro",
        f"{micro['precision']:.4f}",
        f"{micro['recall']:.4f}",
        f"{micro['f1']:.4f}",
        str(support),
        style="bold",
    )
    return table
