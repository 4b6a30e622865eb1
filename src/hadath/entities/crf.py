"""The CRF tagger: tokens in, mentions (character offsets into the text) out.

The model (``data/ner.crfsuite``) is built by ``hadath.entities.train.train_ner`` and
loaded lazily, once per process.  Text is tagged chunk by chunk (sentences, capped in
length) so that cost stays linear on a one-line megabyte article.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal, cast

from hadath.entities.bio import label_spans
from hadath.entities.consistency import spread_names
from hadath.entities.features import chunk_features
from hadath.entities.gazetteer import default_gazetteer, read_names
from hadath.errors import ModelError
from hadath.model import Mention, Token

MODEL = "ner.crfsuite"
MAX_CHUNK = 100  # tokens; longer sentences are cut at a comma-like mark, or hard
MIN_CHUNK = 40  # do not cut a long sentence closer than this to its start
EntityType = Literal["PER", "ORG", "LOC", "MISC"]
TYPES: frozenset[str] = frozenset(("PER", "ORG", "LOC", "MISC"))
_SENTENCE_END = frozenset((".", "!", "?", "..."))  # "…" normalises to "..."
_SOFT_BREAK = frozenset(",;:")


def default_model_path() -> Path:
    return Path(str(resources.files("hadath.entities").joinpath("data", MODEL)))


DEFAULT_MODEL = default_model_path()  # the shipped model; `hadath train ner` writes here by default


def names_path(model_path: Path) -> Path:
    """The training-names table that travels with a model: ``ner.crfsuite`` → ``ner.names.tsv.gz``."""
    return model_path.with_name(model_path.stem + ".names.tsv.gz")


def chunks(text: str, tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """Index ranges of ``tokens`` to tag as one sequence each.

    A chunk ends after a sentence-final mark or before a line break, and never exceeds
    ``MAX_CHUNK`` tokens (cut after the last comma-like mark if there is one).
    """
    start = 0
    last_soft = -1
    n = len(tokens)
    for i in range(n):
        token = tokens[i]
        if i > start and "\n" in text[tokens[i - 1].end : token.start]:
            yield start, i
            start, last_soft = i, -1
        if token.kind == "punct" and token.norm in _SENTENCE_END:
            yield start, i + 1
            start, last_soft = i + 1, -1
            continue
        if token.kind == "punct" and token.norm in _SOFT_BREAK:
            last_soft = i
        if i + 1 - start >= MAX_CHUNK:
            cut = last_soft + 1 if last_soft - start >= MIN_CHUNK else i + 1
            yield start, cut
            start, last_soft = cut, -1
    if start < n:
        yield start, n


def labels_to_mentions(tokens: Sequence[Token], labels: Sequence[str]) -> list[Mention]:
    """Mentions from BIO labels over ``tokens``; a stray I- opens a mention, as in conlleval."""
    return [_mention(tokens, first, last, kind) for kind, first, last in label_spans(labels) if kind in TYPES]


def _mention(tokens: Sequence[Token], first: int, last: int, kind: str) -> Mention:
    # The tagger labels whole tokens ("وبموسكو"), but a mention names the entity: its
    # leading conjunction and preposition are not part of the name; ال stays.
    start = tokens[first].start
    pieces = tokens[first].pieces
    k = 0
    while k < len(pieces) - 1 and pieces[k].role in ("conj", "prep"):
        k += 1
    if k and k < len(pieces) - 1 and pieces[k].role == "article" and len(pieces[k].norm) == 1:
        k += 1  # "للرئيس" is ل + (ا)ل: no written article of its own to keep
    if k:
        start = pieces[k].start
    return Mention(start, tokens[last].end, cast(EntityType, kind))


class NerTagger:
    """A loaded CRF model; ``tag_tokens`` is the runtime path."""

    def __init__(self, model_path: Path) -> None:
        import pycrfsuite

        if not model_path.is_file():
            raise ModelError(f"NER model {model_path} is missing; build it with `hadath train ner --data DIR`")
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(model_path))
        except (OSError, ValueError) as error:
            raise ModelError(f"cannot load NER model {model_path}: {error}") from error
        self.path = model_path
        names = names_path(model_path)
        base = default_gazetteer()
        self.gazetteer = base.merged(read_names(names)) if names.is_file() else base

    def labels(self, text: str, tokens: Sequence[Token]) -> list[str]:
        """One BIO label per token, consistent across the text (``consistency``)."""
        out: list[str] = []
        for start, end in chunks(text, tokens):
            out.extend(self._tagger.tag(chunk_features(text, tokens[start:end], self.gazetteer)))
        return spread_names(tokens, out)

    def tag_tokens(self, text: str, tokens: Sequence[Token]) -> list[Mention]:
        return labels_to_mentions(tokens, self.labels(text, tokens))


@cache
def _load(path: Path) -> NerTagger:
    return NerTagger(path)


def load_tagger(model_path: Path | None = None) -> NerTagger:
    """The tagger for ``model_path`` (default: the shipped model), loaded once per process."""
    return _load(model_path or default_model_path())


def tag_tokens(text: str, tokens: Sequence[Token]) -> list[Mention]:
    """Mentions in ``text`` found by the shipped model over the tokenizer's ``tokens``."""
    return load_tagger().tag_tokens(text, tokens)
