"""The matching view of a sentence: its tokens as normalised segments.

A word token gives its prepositions and its stem as separate segments; the
conjunction and the article are dropped ("وبالقصف" → ب, قصف).  Lexicon forms go
through the same tokenizer, so both sides are split by one rule and a trigger
written once matches every prefixed form of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from hadath.model import Token
from hadath.text import clitics
from hadath.text.segment import tokenize

Segments = tuple[str, ...]


class SeqSet:
    """A list of segment sequences indexed by first segment, so a window is scanned once."""

    __slots__ = ("by_first", "seqs")

    def __init__(self, seqs: Iterable[Segments]) -> None:
        self.seqs: tuple[Segments, ...] = tuple(seq for seq in seqs if seq)
        index: dict[str, list[Segments]] = {}
        for seq in self.seqs:
            index.setdefault(seq[0], []).append(seq)
        self.by_first: dict[str, tuple[Segments, ...]] = {k: tuple(v) for k, v in index.items()}

    def __iter__(self) -> Iterator[Segments]:
        return iter(self.seqs)

    def __len__(self) -> int:
        return len(self.seqs)

    def __bool__(self) -> bool:
        return bool(self.seqs)
_KEPT_ROLES = ("prep", "stem")
CONJ_LETTERS = ("و", "ف")


def token_segments(token: Token) -> Segments:
    return tuple(norm for norm, _, _ in _token_parts(token))


def _token_parts(token: Token) -> list[tuple[str, int, int]]:
    """(segment, start, end) for each kept piece of ``token``."""
    if token.kind == "word" and token.pieces:
        kept = []
        article: int | None = None
        for p in token.pieces:
            if p.role == "article":
                article = p.start  # the stem's span keeps its article: a trigger reads "التقى"
            elif p.role in _KEPT_ROLES and p.norm:
                kept.append((p.norm, p.start if article is None or p.role != "stem" else article, p.end))
    elif token.kind == "hashtag":
        kept = [(p.norm, p.start, p.end) for p in token.pieces if p.role == "stem" and p.norm]
    else:
        kept = []
    return kept or [(token.norm, token.start, token.end)]


@lru_cache(maxsize=50_000)
def text_segments(text: str) -> Segments:
    """Segments of a lexicon form (one word or several).

    Lexicon words are written without a conjunction, so a word the clitic rule would
    open with و or ف (وقفة, فرض) is kept whole; ``whole_key`` finds it in text.
    """
    out: list[str] = []
    for token in tokenize(text):
        out.extend((token.norm,) if has_conj(token) else token_segments(token))
    return tuple(out)


def whole_key(token: Token) -> str | None:
    """A token's first segment with its conjunction put back (ف + تحت → فتحت), if it has one."""
    if not has_conj(token) or len(token.pieces) < 2:
        return None
    conj, second = token.pieces[0], token.pieces[1]
    return conj.norm + second.norm if second.role in _KEPT_ROLES else None


def form_segments(form: str, keep_article: bool = False) -> Segments:
    """Segments of one normalised word, as the tokenizer would split it.

    Generated inflections are already normalised; only a word that starts like a
    proclitic needs the clitic rule, which keeps loading the lexicon fast.  A verb
    keeps a leading ال (التقى): verbs take no article, so a verb form is found only
    on the whole word (``article_key``), never on what is left of "التعاون".
    """
    if not form:
        return ()
    if keep_article and form.startswith("ال"):
        return (form,)
    if form[0] not in "وفبلك" and not form.startswith("ال"):
        return (form,)
    roles = clitics.split(form)
    if roles and roles[0][0] == "conj":
        return (form,)  # a lexicon form has no conjunction: فتحت is a verb, not ف + تحت
    out: list[str] = []
    position = 0
    for role, length in roles:
        if role in _KEPT_ROLES:
            out.append(form[position : position + length])
        position += length
    return tuple(out)


def article_key(token: Token) -> str | None:
    """A token's stem with its article put back (ال + تقي → التقي), if it has an article."""
    pieces = [p for p in token.pieces if p.role in ("article", "stem")]
    if len(pieces) == 2 and pieces[0].role == "article" and pieces[0].norm == "ال":
        return pieces[0].norm + pieces[1].norm
    return None


RELATIVES = frozenset({"ذي", "تي", "ذين"})  # الذي/التي/الذين after the article is split off


def has_article(token: Token) -> bool:
    return any(p.role == "article" for p in token.pieces)


def has_conj(token: Token) -> bool:
    return bool(token.pieces) and token.pieces[0].role == "conj"


@dataclass(frozen=True, slots=True)
class SentenceView:
    """The tokens of one sentence and their segments, with the way back to tokens."""

    tokens: tuple[Token, ...]
    segs: tuple[str, ...]
    seg_token: tuple[int, ...]  # token index (into ``tokens``) of each segment
    first_seg: tuple[int, ...]  # first segment index of each token
    seg_spans: tuple[tuple[int, int], ...]  # character offsets of each segment

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> SentenceView:
        segs: list[str] = []
        seg_token: list[int] = []
        first: list[int] = []
        spans: list[tuple[int, int]] = []
        for i, token in enumerate(tokens):
            first.append(len(segs))
            for norm, start, end in _token_parts(token):
                segs.append(norm)
                seg_token.append(i)
                spans.append((start, end))
        return cls(tuple(tokens), tuple(segs), tuple(seg_token), tuple(first), tuple(spans))

    def stem(self, i: int) -> str:
        """The last segment (the stem) of token ``i``."""
        end = self.first_seg[i + 1] if i + 1 < len(self.tokens) else len(self.segs)
        return self.segs[end - 1] if end > self.first_seg[i] else self.tokens[i].norm

    def find(self, seq: Segments, lo: int, hi: int) -> int | None:
        """First segment index in [lo, hi) where ``seq`` starts, or None."""
        lo = max(lo, 0)
        hi = min(hi, len(self.segs))
        n = len(seq)
        if not n:
            return None
        for i in range(lo, hi - n + 1):
            if self.segs[i] == seq[0] and self.segs[i : i + n] == seq:
                return i
        return None

    def first_of(self, seqs: SeqSet, lo: int, hi: int) -> tuple[int, Segments] | None:
        """The first of ``seqs`` starting in [lo, hi) and ending within the sentence: (start, seq)."""
        segs = self.segs
        for i in range(max(lo, 0), min(hi, len(segs))):
            for seq in seqs.by_first.get(segs[i], ()):
                if segs[i : i + len(seq)] == seq:
                    return i, seq
        return None

    def has_any(self, seqs: SeqSet | Sequence[Segments], lo: int, hi: int) -> bool:
        """Whether one of ``seqs`` starts in [lo, hi) (and ends within the sentence)."""
        if not isinstance(seqs, SeqSet):
            return any(self.find(seq, lo, hi) is not None for seq in seqs)
        segs = self.segs
        by_first = seqs.by_first
        for i in range(max(lo, 0), min(hi, len(segs))):
            for seq in by_first.get(segs[i], ()):
                n = len(seq)
                if n == 1 or (i + n <= hi and segs[i : i + n] == seq):
                    return True
        return False
