"""Sentences and tokens with character offsets into the original text.

Tokens are words, numbers, Latin words, hashtags and punctuation.  Arabic words carry
their proclitics (و ف, ب ل ك, ال, لل) as pieces, each with its own offsets, so that
matching can work on stems while everything still points back into the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from hadath.model import Piece, Sentence, Token
from hadath.text import clitics
from hadath.text.normalise import normalise, normalise_char

PieceRole = Literal["conj", "prep", "article", "stem", "mark"]

_AR = "\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc"
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"

TOKEN_RE = re.compile(
    rf"(?P<hashtag>#[{_AR}{_MARKS}A-Za-z0-9_]+)"
    rf"|(?P<word>[{_AR}][{_AR}{_MARKS}]*|[{_MARKS}]+[{_AR}][{_AR}{_MARKS}]*)"
    rf"|(?P<number>[{_DIGITS}]+(?:[.,:/٫٬][{_DIGITS}]+)*)"
    r"|(?P<latin>[A-Za-z\u00c0-\u024f]+(?:['’\-][A-Za-z\u00c0-\u024f]+)*)"
    r"|(?P<punct>[^\s\w]|_)"
    r"|(?P<symbol>\S)"
)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; Arabic words get clitic pieces."""
    return list(iter_tokens(text))


def iter_tokens(text: str) -> Iterator[Token]:
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup or "symbol"
        start, end = match.span()
        surface = match.group()
        if kind == "word":
            norm, relative = _word_analysis(surface)
            pieces = tuple(Piece(start + s, start + e, role, n) for role, s, e, n in relative)
            yield Token(start, end, "word", norm, pieces)
        elif kind == "hashtag":
            yield Token(start, end, "hashtag", normalise(surface), _hashtag_pieces(surface, start))
        else:
            yield Token(start, end, kind, _normalise_cached(surface))  # type: ignore[arg-type]


@lru_cache(maxsize=100_000)
def _normalise_cached(surface: str) -> str:
    return normalise(surface)


@lru_cache(maxsize=200_000)
def _word_analysis(surface: str) -> tuple[str, tuple[tuple[PieceRole, int, int, str], ...]]:
    """Normalised form and pieces (offsets relative to the word) of one Arabic word.

    Cached: news vocabulary repeats, and this is the hottest loop of ingest.
    """
    pieces = _word_pieces(surface, 0)
    return normalise(surface), tuple((p.role, p.start, p.end, p.norm) for p in pieces)


def _word_pieces(surface: str, offset: int) -> tuple[Piece, ...]:
    """Pieces of one Arabic word: proclitics then stem, offsets into the article."""
    letters: list[int] = []  # positions (in surface) of the letters, marks skipped
    folded: list[str] = []
    for i, char in enumerate(surface):
        norm = normalise_char(char)
        if norm:
            letters.append(i)
            folded.append(norm)
    trailing_tatweel = surface.rstrip("\u064b-\u065f").endswith("\u0640")
    roles = clitics.split("".join(folded), bare=trailing_tatweel)
    pieces: list[Piece] = []
    position = 0
    for role, length in roles:
        first = letters[position]
        last = position + length
        piece_end = letters[last] if last < len(letters) else len(surface)
        if not pieces:
            first = 0  # leading marks belong to the first piece
        piece_norm = "".join(folded[position:last])
        pieces.append(Piece(offset + first, offset + piece_end, role, piece_norm))
        position = last
    return tuple(pieces)


def _hashtag_pieces(surface: str, offset: int) -> tuple[Piece, ...]:
    """'#', underscores and the words of a hashtag, covering it end to end."""
    pieces: list[Piece] = []
    for part in re.finditer(r"[#_]+|[^#_]+", surface):
        shift = offset + part.start()
        if part.group()[0] in "#_":
            pieces.append(Piece(shift, shift + len(part.group()), "mark", part.group()[:1]))
            continue
        for token in tokenize(part.group()):
            own = token.pieces or (Piece(token.start, token.end, "stem", token.norm),)
            pieces.extend(Piece(p.start + shift, p.end + shift, p.role, p.norm) for p in own)
    return tuple(pieces)


def match_forms(text: str) -> list[str]:
    """Normalised stems and other tokens, the form indexed for search and matching."""
    forms: list[str] = []
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            forms.extend(n for role, _, _, n in _word_analysis(match.group())[1] if role == "stem" and n)
        elif kind == "hashtag":
            forms.extend(p.norm for p in _hashtag_pieces(match.group(), 0) if p.role == "stem" and p.norm)
        elif kind in ("number", "latin"):
            forms.append(_normalise_cached(match.group()))
    return forms


def first_match(text: str, forms: set[str]) -> int | None:
    """Offset of the first token whose matching form is in ``forms`` (for snippets)."""
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            if any(role == "stem" and n in forms for role, _, _, n in _word_analysis(match.group())[1]):
                return match.start()
        elif kind in ("number", "latin", "hashtag") and _normalise_cached(match.group()).lstrip("#") in forms:
            return match.start()
    return None


# --- sentences ---------------------------------------------------------------

_TERMINATORS = ".!?؟…"
_CLOSERS = "\"'»”’)]›"
_ABBREV_RE = re.compile(r"(?:^|[\s(])(?:[\u0621-\u064a]|[A-Z][a-z]{0,2}|[A-Z](?:\.[A-Z])+)$")
_DATELINE_SEP_RE = re.compile(r"\s+[-–—]+\s*|\s*:\s+")
DATELINE_MAX = 110  # characters: datelines are short
_DATELINE_HINT_RE = re.compile(
    r"\(|[0-9\u0660-\u0669]|يناير|فبراير|مارس|ابريل|أبريل|إبريل|مايو|يونيو|يوليو|اغسطس|أغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
    r"|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|وكالات|رويترز|فرانس برس|الأناضول"
    r"|السبت|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة"
)
MAX_QUOTE = 400  # an unclosed « longer than this is treated as a typo, not a quote


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; a news dateline at a paragraph start is its own segment."""
    sentences: list[Sentence] = []
    for para_start, para_end in _paragraphs(text):
        start = para_start
        head_end, body_start = _dateline(text, para_start, para_end)
        if head_end:
            sentences.append(Sentence(para_start, head_end, "dateline"))
            start = body_start
        sentences.extend(_split_paragraph(text, start, para_end))
    return sentences


def _dateline(text: str, start: int, end: int) -> tuple[int, int]:
    """End of a dateline opening the paragraph and start of the body after it, or (0, 0).

    The last separator (" - ", ": ") in the first characters wins, so that
    "موسكو - (الخبر) - الثلاثاء 29 نوفمبر 2016:" is one dateline.
    """
    window = text[start : min(end, start + DATELINE_MAX)]
    stop = re.search(r"[.!?؟«\n]", window)
    if stop:
        window = window[: stop.start()]
    best = (0, 0)
    for sep in _DATELINE_SEP_RE.finditer(window):
        head = window[: sep.start()]
        body_start = start + sep.end()
        dash = "-" in sep.group() or "–" in sep.group() or "—" in sep.group()
        if sep.start() and _looks_like_dateline(head, dash) and body_start < end:
            best = (start + sep.start(), body_start)
    return best


def _looks_like_dateline(head: str, dash: bool) -> bool:
    words = head.split()
    if len(words) > 12:
        return False
    # "بيروت - ..." is a dateline; "قال الوزير: ..." is not: a colon needs a date or agency.
    return bool(_DATELINE_HINT_RE.search(head)) or (dash and len(words) <= 3)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _split_paragraph(text: str, start: int, end: int) -> Iterator[Sentence]:
    sentence_start = start
    quote_open: int | None = None
    i = start
    while i < end:
        char = text[i]
        if char == "«":
            quote_open = i
        elif char == "»":
            quote_open = None
        elif char in _TERMINATORS and _ends_sentence(text, i, end):
            j = i + 1
            while j < end and (text[j] in _TERMINATORS or text[j] in _CLOSERS):
                if text[j] == "»":
                    quote_open = None
                j += 1
            inside_quote = quote_open is not None and i - quote_open < MAX_QUOTE
            if not inside_quote and (j >= end or text[j].isspace()):
                yield Sentence(sentence_start, j)
                sentence_start = _skip_space(text, j, end)
                i = sentence_start
                continue
        i += 1
    if sentence_start < end:
        yield Sentence(sentence_start, end)


def _ends_sentence(text: str, i: int, end: int) -> bool:
    if text[i] == "." :
        before = text[max(0, i - 12) : i]
        after = text[i + 1 : i + 2]
        if after and (after.isdigit() or after.isalpha()):
            return False  # 3.5, U.S, example.com
        if _ABBREV_RE.search(before):
            return False  # د. أحمد, Mr. Smith
    return True
