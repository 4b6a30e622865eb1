"""Training and cross-validating the ASSAULT/PROTEST detector on the GSR development files.

For each type, a logistic regression (scikit-learn, balanced classes) over the
features of ``features.py``; features seen in fewer than two training sentences are
dropped.  Besides the labelled rows, training uses the span file's extra sentences
(positives) and the ``ambiguous`` rows whose votes lean one way (their majority
label); neither is ever evaluated on.

ASSAULT and PROTEST are trained jointly: a type's model also learns from every row
of its partner's files (labelled for the partner), each feature counted once for
its own type and once under a shared name (``features.shared_name``).  PROTEST,
the smaller file, gains about four points of F1 from it over ten cross-validation
splits; ASSAULT holds level.

C and the two thresholds of the lexicon/classifier combination are chosen by an
inner cross-validation on the training rows only, so a cross-validated figure never
saw its fold, not even to pick a setting.  ``train_event_classifier`` fits the shipped model on every
development row and reports the cross-validated estimate.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from hadath.errors import ModelError
from hadath.events.detector import NEVER, Detector, TypeModel, save_detector
from hadath.events.extract import extract_article
from hadath.events.features import sentence_features, shared_name
from hadath.events.gsr import KINDS, extra_positives, read_ambiguous, read_rows
from hadath.events.lexicon import Lexicon, load_lexicon
from hadath.text.segment import split_sentences, tokenize

GRID_C = (3.0, 10.0)
JOINT = True  # train each type with its partner's rows (see the module docstring)
THRESHOLDS = (*(round(0.05 + 0.025 * k, 3) for k in range(37)), NEVER)
MIN_COUNT = 2
FOLDS = 5
INNER_FOLDS = 5
SEED = 0
DECIMALS = 5


@dataclass(frozen=True)
class Data:
    """One type's development rows, their features and lexicon verdicts, and the extra positives."""

    event_type: str
    texts: tuple[str, ...]
    labels: tuple[bool, ...]
    features: tuple[dict[str, float], ...]
    lexicon_hits: tuple[bool, ...]  # a lexicon mention of the type that happened
    extra: tuple[dict[str, float], ...]
    aux: tuple[tuple[dict[str, float], bool], ...] = ()  # ambiguous rows with a majority vote
    partner_type: str = ""
    partner: tuple[tuple[dict[str, float], bool], ...] = ()  # the partner's training rows, labelled for it


@dataclass(frozen=True)
class Config:
    c: float
    extra: bool = True  # train on the span file's extra positives and the ambiguous majority rows too
    joint: bool = JOINT  # train with the partner's rows and shared features


def grid() -> tuple[Config, ...]:
    """The settings the inner cross-validation chooses from."""
    return tuple(Config(c) for c in GRID_C)


def load_all(gsr_dir: Path, lexicon: Lexicon | None = None) -> dict[str, Data]:
    """Each GSR type's data, with the other type as its partner."""
    lexicon = lexicon or load_lexicon()
    alone = {event_type: load_data(gsr_dir, event_type, lexicon) for event_type in KINDS}
    return {event_type: with_partner(data, next(d for t, d in alone.items() if t != event_type))
            for event_type, data in alone.items()}


def with_partner(data: Data, partner: Data) -> Data:
    """``data`` with ``partner``'s rows (those whose text ``data`` does not hold), extra and ambiguous rows."""
    mine = set(data.texts)
    rows = [(f, label) for f, label, text in zip(partner.features, partner.labels, partner.texts, strict=True)
            if text not in mine]
    return replace(data, partner_type=partner.event_type,
                   partner=(*rows, *((f, True) for f in partner.extra), *partner.aux))


def load_data(gsr_dir: Path, event_type: str, lexicon: Lexicon | None = None) -> Data:
    lexicon = lexicon or load_lexicon()
    rows = read_rows(gsr_dir, event_type)
    if not any(row.label for row in rows) or all(row.label for row in rows):
        raise ModelError(f"{gsr_dir}: {event_type} needs both positive and negative rows")
    texts = tuple(row.text for row in rows)
    return Data(
        event_type, texts, tuple(row.label for row in rows),
        tuple(sentence_features(tokenize(t), lexicon) for t in texts),
        tuple(lexicon_decision(t, event_type, lexicon) for t in texts),
        tuple(sentence_features(tokenize(t), lexicon) for t in extra_positives(gsr_dir, event_type)),
        tuple((sentence_features(tokenize(t), lexicon), label) for t, label in read_ambiguous(gsr_dir, event_type)),
    )


def lexicon_decision(text: str, event_type: str, lexicon: Lexicon, detector: Detector | None = None) -> bool:
    """Whether the extraction path reports an event of ``event_type`` that happened in ``text``:
    a mention of it, scoring at least the detector's ``low`` where the detector scores the type."""
    tokens = tokenize(text)
    found = extract_article(text, split_sentences(text), tokens, (), lexicon=lexicon, detector=detector)
    model = detector.types.get(event_type) if detector is not None else None
    return any(
        e.type == event_type and e.happened and (model is None or e.score is None or model.reports(e.score))
        for e in found
    )


def fit(features: Sequence[dict[str, float]], labels: Sequence[bool], c: float) -> tuple[float, dict[str, float]]:
    """Bias and weights of a balanced logistic regression on L2-normalised binary features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import normalize

    counts = Counter(name for row in features for name in row)
    kept = [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in features]
    vectorizer = DictVectorizer()
    matrix = normalize(vectorizer.fit_transform(kept))
    # liblinear: exact and quick on a few thousand sparse rows, and deterministic
    model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=5000)
    model.fit(matrix, list(labels))
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), DECIMALS) for n, w in zip(names, model.coef_[0], strict=True)}
    return round(float(model.intercept_[0]), DECIMALS), weights


def folds(labels: Sequence[bool], k: int, seed: int) -> list[list[int]]:
    """Stratified fold indices (deterministic for a seed)."""
    from sklearn.model_selection import StratifiedKFold

    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return [list(test) for _, test in splitter.split([[0]] * len(labels), list(labels))]


def _train_part(data: Data, rows: Sequence[int], config: Config) -> TypeModel:
    """A model fitted on ``rows`` (and the extra rows ``config`` asks for), thresholds not set."""
    features = [data.features[i] for i in rows]
    labels = [data.labels[i] for i in rows]
    if config.extra:
        features.extend(data.extra)
        labels.extend([True] * len(data.extra))
        features.extend(f for f, _ in data.aux)
        labels.extend(label for _, label in data.aux)
    if not (config.joint and data.partner_type):
        bias, weights = fit(features, labels, config.c)
        return TypeModel(bias, weights, 0.0, NEVER)
    kind, partner = data.event_type, data.partner_type
    columns = [joint_columns(f, kind, partner) for f in features]
    columns.extend(joint_columns(f, partner, kind) for f, _ in data.partner)
    labels.extend(label for _, label in data.partner)
    bias, weights = fit(columns, labels, config.c)
    own, shared = f"{kind}|", "*|"
    return TypeModel(
        bias, {k[len(own):]: w for k, w in weights.items() if k.startswith(own)}, 0.0, NEVER,
        {k[len(shared):]: w for k, w in weights.items() if k.startswith(shared)}, kind, (partner,),
    )


def joint_columns(features: dict[str, float], kind: str, partner: str) -> dict[str, float]:
    """A ``kind`` sentence's features as columns of a joint model: ``kind|name`` and ``*|shared name``."""
    out = {f"{kind}|{name}": value for name, value in features.items()}
    out.update({"*|" + shared_name(name, kind, (partner,)): value for name, value in features.items()})
    return out


def out_of_fold(data: Data, rows: Sequence[int], config: Config, k: int, seed: int) -> dict[int, float]:
    """Cross-validated probabilities for ``rows`` (indices into ``data``)."""
    probabilities: dict[int, float] = {}
    labels = [data.labels[i] for i in rows]
    for test in folds(labels, k, seed):
        held = {rows[j] for j in test}
        model = _train_part(data, [i for i in rows if i not in held], config)
        for i in held:
            probabilities[i] = model.probability(data.features[i])
    return probabilities


def choose_thresholds(
    probabilities: Sequence[float], labels: Sequence[bool], hits: Sequence[bool]
) -> tuple[float, float, float]:
    """(low, high, F1): sentence positive if (lexicon hit and p ≥ low) or p ≥ high."""
    best = (0.0, NEVER, -1.0)
    for low, high in itertools.product(THRESHOLDS, THRESHOLDS):
        if high < low:
            continue
        predicted = [(h and p >= low) or p >= high for p, h in zip(probabilities, hits, strict=True)]
        score = f1(predicted, labels)["f1"]
        if score > best[2] + 1e-9:
            best = (low, high, score)
    return best


def f1(predicted: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(score, 4),
            "tp": tp, "fp": fp, "fn": fn}


def tuned_model(data: Data, rows: Sequence[int], seed: int) -> tuple[TypeModel, Config]:
    """A model fitted on ``rows``, with C and thresholds chosen by an inner cross-validation on them."""
    labels = [data.labels[i] for i in rows]
    hits = [data.lexicon_hits[i] for i in rows]
    best: tuple[float, Config, float, float] | None = None
    for config in grid():
        inner = out_of_fold(data, rows, config, INNER_FOLDS, seed)
        low, high, score = choose_thresholds([inner[i] for i in rows], labels, hits)
        if best is None or score > best[0] + 1e-9:
            best = (score, config, low, high)
    assert best is not None
    _, config, low, high = best
    return replace(_train_part(data, rows, config), low=low, high=high), config


def train_event_classifier(gsr_dir: Path, out: Path, *, seed: int = SEED) -> dict[str, Any]:
    """Train the detector on every development row of ``gsr_dir`` and write it to ``out``.

    Returns a summary with, per type, the chosen settings and the cross-validated
    estimate (``hadath.events.evaluate.cross_validate``) of the shipped procedure.
    """
    from hadath.events.evaluate import cross_validate

    started = time.perf_counter()
    lexicon = load_lexicon()
    types: dict[str, TypeModel] = {}
    summary: dict[str, Any] = {"types": {}}
    for event_type, data in load_all(gsr_dir, lexicon).items():
        model, config = tuned_model(data, list(range(len(data.labels))), seed)
        types[event_type] = model
        estimate = cross_validate(data, seed=seed, lexicon=lexicon)
        summary["types"][event_type] = {
            "rows": len(data.labels), "positives": sum(data.labels), "extra_positives": len(data.extra),
            "ambiguous_majority": len(data.aux), "partner_rows": len(data.partner), "c": config.c,
            "extra": config.extra, "joint": config.joint, "low": model.low, "high": model.high,
            "features": len(model.weights), "shared_features": len(model.shared),
            "cross_validated": estimate["detector"],
        }
    info = {"trained_on": str(gsr_dir), "folds": FOLDS, "seed": seed, **{
        t: {k: summary["types"][t][k] for k in ("c", "extra", "joint", "rows", "positives")} for t in types
    }}
    save_detector(Detector(types, info), out)
    summary["model"] = str(out)
    summary["bytes"] = out.stat().st_size
    summary["seconds"] = round(time.perf_counter() - started, 1)
    return summary
