"""Tokens of the date grammar, each reduced to one class character.

One regular expression (built in ``lexicon.py``) finds, in the raw article text,
the words of the grammar with their proclitics, numbers (any digits) and the
punctuation the grammar reads; its letter classes absorb hamza, ya and ta marbuta
variants, so the text is never rewritten and offsets are the article's.  The words
between two matches become one "other words" token.  The grammar then runs regular
expressions over the string of class characters, which is short and over a small
alphabet, so tagging stays cheap on long articles.

Classes (see data/lexicon.yaml for the words):
  n number 0-99   4 four-digit number   9 other number   r decimal   o ordinal word
  M Gregorian month   H Hijri month   W weekday   R day relative to the anchor
  D K S A E h m  day / week / month / year / decade / hour / minute unit words
  P past  F future  C current  T narrative-relative (التالي، السابق، نفسه)
  t هذا  f من  i إلى/حتى  b بين  & و  s منذ  q قبل  a بعد  p في  l لمدة/خلال
  x أكثر/نحو  e مطلع/منتصف/أواخر  O أول  L آخر  k نصف  N الآن  d صباح/مساء
  g م (Gregorian)  j هـ (Hijri)  z ص (a.m.)  v بضعة/عدة  Y كل  G يوميا  u الـ  I واحد
  Q بقية  Z كامل  J أو بعده (an open end)  ^ ب/ل/ك proclitic  w other word(s)  V other word(s), the first with ال
  * first word of a multi-word name (كانون، ذو، أحد), until merged
  / - _(.) , : < > (parentheses)  | newline  ! ! ? ؟  ~ other symbol (%)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hadath.timex.lexicon import Entry, fold_word, lexicon
from hadath.timex.windows import windows

_GAP_WORD_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3A-Za-z]+")
_PUNCT_CLASS = {
    "/": "/", "-": "-", "–": "-", "—": "-", ".": "_", ",": ",", "،": ",", ":": ":", "(": "<", ")": ">", "\n": "|",
}  # fmt: skip
_CONJ = ("و", "ف")


@dataclass(slots=True)
class Tok:
    """A token: offsets into the article, class character, folded form, payload."""

    start: int
    end: int
    cls: str
    norm: str
    payload: Any = None


def tokenize(text: str) -> list[Tok]:
    """Classified tokens of ``text``, multi-word names and number words merged.

    Only grammar words, numbers and some punctuation become tokens of their own; the
    words between them become one "other words" token (w, or V when the first starts
    with ال), which is all the grammar needs to know about them.
    """
    tokens: list[Tok] = []
    end = 0
    for start, end in windows(text):
        if tokens:
            tokens.append(_OTHER)  # nothing joins across windows
        _scan(text, start, end, tokens)
    if tokens and text[end:].strip():
        tokens.append(_OTHER)  # the text goes on: the end of the tokens is not the end of the text
    present = {token.cls for token in tokens}
    if "*" in present:
        _merge_multiword(tokens)
    if "c" in present or "o" in present:
        _merge_numbers(tokens)
    return tokens


def _scan(text: str, begin: int, stop: int, tokens: list[Tok]) -> None:
    lex = lexicon()
    table, after_lam = lex.single, lex.after_lam
    append = tokens.append
    last = begin
    for match in lex.scan_re.finditer(text, begin, stop):
        start = match.start()
        if start > last:
            _gap(text, last, start, tokens)
        last = match.end()
        kind = match.lastgroup
        if kind == "num":
            append(_number(start, last, match.group()))
        elif kind == "punct":
            append(Tok(start, last, _PUNCT_CLASS[match.group()], match.group()))
        else:
            _word(match, table, after_lam, tokens)
    if last < stop:
        _gap(text, last, stop, tokens)


# Words between grammar words: only their class matters (and never their offsets, as
# no expression starts or ends on them), so a few shared tokens stand for all of them.
# The payload says whether the last word is definite (عدد القتلى إلى 27: a count).
_OTHER = Tok(0, 0, "w", "")
_OTHER_DEFINITE = Tok(0, 0, "V", "")
_OTHER_ENDS_DEFINITE = Tok(0, 0, "w", "", True)
_OTHER_DEFINITE_ENDS_DEFINITE = Tok(0, 0, "V", "", True)
_SYMBOL = Tok(0, 0, "~", "")
_CLAUSE_END = Tok(0, 0, "!", "")
_DEFINITE_STARTS = ("ال", "لل", "وال", "بال", "فال", "كال", "ولل", "فلل", "وبال")


def _gap(text: str, start: int, end: int, tokens: list[Tok]) -> None:
    gap = text[start:end].strip()
    if not gap:
        return
    if gap[0] in "!?؟":
        tokens.append(_CLAUSE_END)
        gap = gap[1:].lstrip()
        if not gap:
            return
    if not gap[0].isalpha():
        word = _GAP_WORD_RE.search(gap)
        if word is None:
            tokens.append(_SYMBOL)
            return
        gap = gap[word.start() :]
    ends_definite = gap.startswith(_DEFINITE_STARTS, gap.rfind(" ") + 1)
    if gap.startswith("ال"):
        tokens.append(_OTHER_DEFINITE_ENDS_DEFINITE if ends_definite else _OTHER_DEFINITE)
    else:
        tokens.append(_OTHER_ENDS_DEFINITE if ends_definite else _OTHER)


# Pieces of a matched word: (offset, length, class, folded form, payload).  Words
# repeat across articles, and what a written form splits into never changes.
_Pieces = tuple[tuple[int, int, str, str, Any], ...]
_PIECES: dict[str, _Pieces] = {}


def _word(match: re.Match[str], table: dict[str, Entry], after_lam: dict[str, str], tokens: list[Tok]) -> None:
    """A lexicon word with its proclitics split off as tokens of their own (وبين → و + بين)."""
    written = match.group()
    pieces = _PIECES.get(written)
    if pieces is None:
        pieces = _PIECES[written] = _split_word(match.group("pre"), match.group("word"), len(written), table, after_lam)
    start = match.start()
    for offset, length, cls, norm, payload in pieces:
        tokens.append(Tok(start + offset, start + offset + length, cls, norm, payload))


def _split_word(pre: str, raw: str, length: int, table: dict[str, Entry], after_lam: dict[str, str]) -> _Pieces:
    word = fold_word(raw)
    whole = table.get(pre + word) if pre else None
    if whole is not None:  # بعد، فجر، لمدة: grammar words that start like a clitic
        return ((0, length, whole.cls, pre + word, whole.payload),)
    if pre and pre + word in lexicon().rest_words:  # بعده of "أو بعده", not ب + عدة
        return ((0, length, "w", pre + word, None),)
    key = after_lam[word] if pre.endswith("ل") and word in after_lam and word not in table else word
    entry = table.get(key)
    if entry is None:  # a word the grammar does not know, or "لاسبوع" without its ل
        cls = "*" if key in lexicon().multi else "V" if (pre + word).startswith("ال") else "w"
        return ((0, length, cls, pre + word, None),)
    clitics = tuple((k, 1, "&" if clitic in _CONJ else "^", clitic, None) for k, clitic in enumerate(pre))
    return (*clitics, (len(pre), length - len(pre), entry.cls, key, entry.payload))


def classes(tokens: list[Tok]) -> str:
    return "".join(token.cls for token in tokens)


def _number(start: int, end: int, digits: str) -> Tok:
    if "." in digits:
        return Tok(start, end, "r", digits, float(digits))
    value = int(digits)
    if len(digits) <= 2:
        cls = "n"
    elif len(digits) == 4 and value >= 1000:
        cls = "4"
    else:
        cls = "9"
    return Tok(start, end, cls, digits, value)


def _merge_multiword(tokens: list[Tok]) -> None:
    """Join names written in several words (كانون الثاني، ذو الحجة، أحد عشر، أو بعده).

    Only the tokens that can start a name are looked at, from the last: no later word
    of a name starts another, so a join never moves a start still to be looked at."""
    multi = lexicon().multi
    for i in reversed([k for k, token in enumerate(tokens) if token.norm in multi]):
        first = tokens[i]
        for rest, entry in multi[first.norm]:
            end = i + 1 + len(rest)
            if end <= len(tokens) and all(tokens[i + 1 + k].norm == w for k, w in enumerate(rest)):
                tokens[i:end] = [_joined(first, tokens[end - 1], entry)]
                break
        else:
            if first.cls == "*":
                first.cls = "w"  # كانون alone


def _joined(first: Tok, last: Tok, entry: Entry) -> Tok:
    return Tok(first.start, last.end, entry.cls, first.norm, entry.payload)


# Number words fill slots: thousands, hundreds, tens, units (teens fill tens and units).
def _slots(value: int) -> set[str]:
    if value >= 1000:
        return {"thousands"}
    if value >= 100:
        return {"hundreds"}
    if value >= 20:
        return {"tens"}
    if value >= 11:
        return {"tens", "units"}
    return {"units"}


def _merge_numbers(tokens: list[Tok]) -> None:
    """Read runs of number words (الحادي والعشرين، ألفين وثمانية عشر) as one number."""
    i = 0
    teens = False
    while i < len(tokens):
        if tokens[i].cls not in "co":
            i += 1
            continue
        value = int(tokens[i].payload)
        used = _slots(value)
        ordinal = tokens[i].cls == "o"
        j = i + 1
        while j < len(tokens):
            token = tokens[j]
            if token.cls in "co" and token.payload == 10 and "units" in used and "tens" not in used:
                value += 10  # ثلاثة عشر، الخامس عشر
                used = used | {"tens"}
                ordinal = ordinal or token.cls == "o"
                j += 1
                continue
            if token.cls == "&" and j + 1 < len(tokens) and tokens[j + 1].cls in "co":
                part = int(tokens[j + 1].payload)
                if not (_slots(part) & used):
                    value += part
                    used = used | _slots(part)
                    ordinal = ordinal or tokens[j + 1].cls == "o"
                    j += 2
                    continue
            break
        merged = Tok(tokens[i].start, tokens[j - 1].end, "o" if ordinal else "c", tokens[i].norm, value)
        if j == i + 1 and merged.norm in ("واحد", "واحده"):
            merged.cls = "I"  # after a unit (عام واحد) it only repeats the count
        elif ordinal:
            merged.cls = "o" if value <= 31 else "w"
        elif value <= 99:
            merged.cls = "n"
        elif 1000 <= value <= 9999:
            merged.cls = "4"
        else:
            merged.cls = "9"
        tokens[i:j] = [merged]
        teens = teens or (merged.cls == "n" and 11 <= value <= 19 and not merged.norm.isdigit())
        i += 1
    if teens:
        _join_century_pairs(tokens)


def _join_century_pairs(tokens: list[Tok]) -> None:
    """ "تسعة عشر ثمانية وعشرون": a year said as two numbers (19 and 28), one after the
    other with nothing between them, a form no count takes."""
    i = 0
    while i + 1 < len(tokens):
        a, b = tokens[i], tokens[i + 1]
        words = a.cls == b.cls == "n" and not a.norm.isdigit() and not b.norm.isdigit()
        if words and 11 <= a.payload <= 19 and 10 <= b.payload <= 99:
            tokens[i : i + 2] = [Tok(a.start, b.end, "4", a.norm, a.payload * 100 + b.payload)]
        i += 1
