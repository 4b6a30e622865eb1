"""Features of a sentence for the learned ASSAULT/PROTEST detector.

Words and word pairs (normalised stems), plus what the lexicon saw: each trigger's
type, form, mode and flags, where it stands, and whether the sentence is anchored
in time or counts people.  The same function serves training and run time, and
needs no entity tagger, so a retrained NER model does not shift the detector.
Sentence length is left out on purpose: the GSR's short sentences are mostly
headlines and fragments, and a length feature learned there penalises the short,
plain reports the detector meets elsewhere.  The lexicon and sentence features
weigh twice a word: after L2 normalisation a long sentence's many words would
otherwise drown the few features that say what the trigger is doing (worth about
one point of cross-validated ASSAULT F1 on the GSR).

Each word also gives its cluster in the shipped 64-cluster table of
``hadath.entities.clusters`` (``k:`` features, weighted like a word): words the
GSR saw rarely or never fall in with the company they keep in the news corpus.
Rebuilding that table changes these features, so retrain the detector after it.

The sentence as a whole also gives two dense vectors from the shipped ANT word
vectors of ``hadath.entities.vectors`` (the NER tagger's table): the mean and the
element-wise maximum of its words' unit vectors, each scaled to length
``VECTOR_WEIGHT`` (``v:``/``x:`` features).  Sentences about a clash or a march
share a region of that space even when they share no word with the GSR; worth about
one point of 10-split cross-validated F1 for each type (ASSAULT 0.7012 → 0.7123,
PROTEST 0.5761 → 0.5857).  The same rule holds: rebuild the table, retrain.

ASSAULT and PROTEST are trained together (``hadath.events.train``): each feature
then counts twice, once for its type and once under ``shared_name``, where the
type's own lexicon features become ``L:SELF…`` and its partner's ``L:OTHER…``, so
what "a mention of this type that happened" looks like is learned from both files.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from hadath.entities.clusters import lookup, stem_of
from hadath.entities.vectors import load_vectors
from hadath.events.flags import trigger_flags
from hadath.events.lexicon import Lexicon
from hadath.events.match import Match, find_triggers
from hadath.events.participants import participants
from hadath.events.segments import RELATIVES, SentenceView
from hadath.model import Token

_YEAR_RE = re.compile(r"(?:19|20)\d\d")
EARLY = 3  # a trigger within the first tokens is the sentence's main event
LEXICON_WEIGHT = 2.0  # value of the L: and s: features; words, word pairs and clusters are 1
CLUSTER_LEVEL = 0  # the coarsest granularity of the cluster table (64 clusters)
SELF, OTHER = "L:SELF", "L:OTHER"
_UNWEIGHTED = ("w:", "b:", "k:")
# Length of each dense vector: on 3 splits 1 gained nothing and 5 less than 3.
VECTOR_WEIGHT = 3.0


def sentence_features(
    tokens: Sequence[Token], lexicon: Lexicon, view: SentenceView | None = None,
    matches: Sequence[Match] | None = None,
) -> dict[str, float]:
    """Features of one sentence (or one short text); ``view`` and ``matches`` if known."""
    features: dict[str, float] = {}
    view = view or SentenceView.of(tokens)
    stems: list[str] = []
    time_words = lexicon.cues.words("skip_words")
    for i, token in enumerate(tokens):
        if token.kind == "word":
            stem = view.stem(i)
            features["w:" + stem] = 1.0
            cluster = _cluster(stem, token.norm)
            if cluster is not None:
                features[f"k:{cluster}"] = 1.0
            if stem in time_words:
                features["s:time"] = 1.0
        elif token.kind == "number":
            stem = "#"
            features["s:num"] = 1.0
            if _YEAR_RE.fullmatch(token.norm):
                features["s:year"] = 1.0
        else:
            stem = token.norm
        stems.append(stem)
    for a, b in itertools.pairwise(stems):
        features[f"b:{a}_{b}"] = 1.0
    if matches is None:
        matches = find_triggers(view, lexicon)
    first_mark = next((i for i, t in enumerate(tokens) if t.kind == "punct" and t.norm in ",;:"), len(tokens))
    for match in matches:
        kind = match.sense.type
        at = view.seg_token[match.first]
        flags = trigger_flags(view, match.first, max(match.segs), match.aspect, lexicon)
        happened = not (flags.negated or flags.future or flags.hypothetical)
        prefix = f"L:{kind}"
        features[prefix] = 1.0
        features[f"{prefix}:h{int(happened)}"] = 1.0
        features[f"{prefix}:t:{view.segs[match.first]}"] = 1.0
        features[f"{prefix}:a:{match.aspect}"] = 1.0
        features[f"{prefix}:p{0 if at <= EARLY else 1 if at <= 10 else 2}"] = 1.0
        if match.sense.mode:
            features[f"{prefix}:m:{match.sense.mode}"] = 1.0
        if flags.reported:
            features[f"{prefix}:rep"] = 1.0
        if happened and match.aspect == "perfect":
            features[f"{prefix}:hperf"] = 1.0
        if at < first_mark:
            features[f"{prefix}:clause1"] = 1.0
        if any(view.stem(j) in RELATIVES for j in range(max(0, at - 2), at)):
            features[f"{prefix}:rel"] = 1.0
    if matches and any(p.counted for p in participants(view, (), lexicon, extended=False)):
        features["s:counted"] = 1.0
    weighted = {name: value if name[:2] in _UNWEIGHTED else LEXICON_WEIGHT * value for name, value in features.items()}
    weighted.update(_vector_features(tokens))
    return weighted


def _vector_features(tokens: Sequence[Token]) -> dict[str, float]:
    """The mean (``v:``) and element-wise maximum (``x:``) of the words' unit vectors."""
    rows = [row for row in (_vector_row(t.norm) for t in tokens if t.kind == "word") if row]
    if not rows:
        return {}
    units = _unit_rows()[rows]
    features: dict[str, float] = {}
    for prefix, summary in (("v:", units.mean(axis=0)), ("x:", units.max(axis=0))):
        scaled = summary * (VECTOR_WEIGHT / (np.linalg.norm(summary) + 1e-9))
        features.update(zip(_vector_names(prefix, len(scaled)), scaled.tolist(), strict=True))
    return features


@functools.cache
def _vector_names(prefix: str, dimensions: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{i}" for i in range(dimensions))


@functools.lru_cache(maxsize=200_000)
def _vector_row(norm: str) -> int:
    """The word's row in the vector table; 0 for a stem the table does not know."""
    return load_vectors().index.get(stem_of(norm), 0)


@functools.cache
def _unit_rows() -> npt.NDArray[np.float32]:
    matrix = load_vectors().matrix
    units: npt.NDArray[np.float32] = matrix / (np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9)
    return units


def _cluster(stem: str, norm: str) -> int | None:
    ids = lookup(stem) or lookup(stem_of(norm))
    return ids[CLUSTER_LEVEL] if ids else None


def shared_name(name: str, kind: str, partners: Sequence[str]) -> str:
    """The name a feature of a ``kind`` sentence shares with the types trained with it.

    The type's own lexicon features become ``L:SELF…`` and its partners' ``L:OTHER…``;
    every other feature (words, other types' triggers, sentence features) keeps its name.
    """
    if name.startswith("L:"):
        head, sep, rest = name[2:].partition(":")
        if head == kind:
            return SELF + sep + rest
        if head in partners:
            return OTHER + sep + rest
    return name


def own_names(shared: str, kind: str, partners: Sequence[str]) -> tuple[str, ...]:
    """The names of a ``kind`` sentence's features that ``shared_name`` maps to ``shared`` (its inverse)."""
    if shared.startswith("L:"):
        head, sep, rest = shared[2:].partition(":")
        if head == SELF[2:]:
            return (f"L:{kind}{sep}{rest}",)
        if head == OTHER[2:]:
            return tuple(f"L:{partner}{sep}{rest}" for partner in partners)
        if head == kind or head in partners:
            return ()  # shared_name never leaves these names as they are
    return (shared,)
