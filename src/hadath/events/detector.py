"""The learned ASSAULT/PROTEST sentence detector: a logistic regression shipped as JSON.

The model (data/detector.json.gz) is built by ``hadath.events.train``; it holds,
per type, the weights of the features in ``features.py``, a bias, and two
thresholds chosen by cross-validation.  A type trained together with partner
types (ASSAULT with PROTEST) also holds ``shared`` weights, keyed by
``features.shared_name``: each feature of a sentence counts once under its own
name and once under its shared name.  The thresholds: a sentence reports an event of the type
when a lexicon mention of it scores at least ``low``, or when the sentence scores
at least ``high`` (then it gets a mention even without a lexicon trigger).

``low`` is tuned for sentence-level detection, where a sentence that mentions an
attack in passing ("بعد مقتل ...", "أدان الهجوم") is not about one.  An event
mention is still a mention there, so extraction drops a lexicon mention only when
the detector says no outright (below ``min(low, VETO)``; the classes are balanced
in training, so 0.5 is its even odds); the score stays on the mention, and
``TypeModel.reports`` gives the sentence-level verdict.

Weights as JSON, not a pickle: loading runs no code and does not depend on the
scikit-learn version.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from hadath.errors import ModelError
from hadath.events.features import own_names
from hadath.events.lexicon import PLOVER_TYPES, data_path

MODEL = "detector.json.gz"
FORMAT = "hadath-event-detector"
VERSION = 2  # 2: shared weights of types trained together, word-cluster features
NEVER = 1.01  # a threshold no probability reaches
VETO = 0.5  # a lexicon mention scoring below min(low, VETO) is dropped


@dataclass(frozen=True)
class TypeModel:
    bias: float
    weights: Mapping[str, float]
    low: float
    high: float
    shared: Mapping[str, float] = field(default_factory=dict)
    kind: str = ""  # the type; names the shared features
    partners: tuple[str, ...] = ()  # the types trained with it

    def probability(self, features: Mapping[str, float]) -> float:
        """Probability that a sentence with ``features`` reports an event of this type.

        Features are L2-normalised over the model's vocabulary, as in training; with
        shared weights, a feature is two columns (its own and its shared name).
        """
        dot = squares = 0.0
        weights, shared = self.weights, self._shared_by_own_name
        for name, value in features.items():
            weight = weights.get(name)
            if weight is not None:
                dot += weight * value
                squares += value * value
            weight = shared.get(name)
            if weight is not None:
                dot += weight * value
                squares += value * value
        z = self.bias + (dot / math.sqrt(squares) if squares else 0.0)
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0

    @cached_property
    def _shared_by_own_name(self) -> dict[str, float]:
        """The shared weights keyed by the sentence feature each applies to, renamed once here
        rather than for every feature of every sentence scored."""
        return {own: weight for name, weight in self.shared.items()
                for own in own_names(name, self.kind, self.partners)}

    def drops(self, score: float) -> bool:
        """Whether a lexicon mention in a sentence with this score is not an event at all."""
        return score < min(self.low, VETO)

    def reports(self, score: float) -> bool:
        """Whether a sentence with a lexicon mention and this score is about an event of the type."""
        return score >= self.low

    def to_json(self) -> dict[str, Any]:
        out = {"bias": self.bias, "low": self.low, "high": self.high, "weights": dict(self.weights)}
        if self.shared:
            out |= {"partners": list(self.partners), "shared": dict(self.shared)}
        return out


@dataclass(frozen=True)
class Detector:
    types: Mapping[str, TypeModel]
    info: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "info": dict(self.info),
            "types": {name: model.to_json() for name, model in self.types.items()},
        }


def default_model_path() -> Path:
    return data_path(MODEL)


def save_detector(detector: Detector, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(detector.to_json(), handle, ensure_ascii=False, separators=(",", ":"))


@cache
def _load(path: Path) -> Detector:
    if not path.is_file():
        raise ModelError(f"event detector {path} is missing; build it with `hadath train events --data DIR`")
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError, EOFError) as error:
        raise ModelError(f"cannot read event detector {path}: {error}") from error
    return detector_from_json(data, str(path))


def detector_from_json(data: Any, where: str = "detector") -> Detector:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(f"{where} is not a version {VERSION} {FORMAT} model")
    if data.get("version") != VERSION:
        raise ModelError(f"{where} is a version {data.get('version')} {FORMAT} model, this hadath reads version "
                         f"{VERSION}; rebuild it with `hadath train events --data DIR`")
    types: dict[str, TypeModel] = {}
    for name, spec in (data.get("types") or {}).items():
        if name not in PLOVER_TYPES:
            raise ModelError(f"{where}: unknown event type {name!r}")
        types[name] = _type_from_json(name, spec, where)
    return Detector(types, dict(data.get("info") or {}))


def _type_from_json(name: str, spec: Any, where: str) -> TypeModel:
    try:
        weights = {str(k): float(v) for k, v in spec["weights"].items()}
        shared = {str(k): float(v) for k, v in (spec.get("shared") or {}).items()}
        partners = tuple(str(p) for p in spec.get("partners") or ())
        model = TypeModel(float(spec["bias"]), weights, float(spec["low"]), float(spec["high"]),
                          shared, name, partners)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ModelError(f"{where}: type {name} is malformed ({error!r})") from error
    unknown = [p for p in partners if p not in PLOVER_TYPES or p == name]
    if unknown or (shared and not partners):
        raise ModelError(f"{where}: type {name} has shared weights but bad partners {list(partners)}")
    return model


def load_detector(path: Path | None = None) -> Detector:
    """The detector at ``path`` (default: the shipped one), loaded once per process."""
    return _load(path or default_model_path())
