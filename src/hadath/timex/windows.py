"""Where in a text expressions can be: stretches around anchor words and numbers.

Every rule of the grammar needs a month, weekday, relative day, unit word, year or
numeric date.  Finding those is cheap (a set intersection over the text's words, in
C); only the text around them is tokenized and parsed, which keeps tagging a small
share of analysis time on long articles.  Whole words only: the scanner cannot see
past a window's ends.
"""

from __future__ import annotations

import re

from hadath.timex.lexicon import fold_word, lexicon

# Characters tokenized on each side of an anchor (then out to whole words): enough for
# the longest stretch the grammar reads with no anchor in it, "قبل حوالي خمسة وعشرين "
# before عاما; every month, number and unit word of a longer expression anchors its own
# window and the windows merge.  30 and 22 tag 500 ANT articles identically.
WINDOW = 22
_WORD_SPLIT_RE = re.compile(r"[\s\"'«»“”()\[\]{}،,.:;؛!?؟…\-–—/\u0640]+")
_NEXT_WORD_RE = re.compile(r"[\s\"'«»“”(]*([^\s\"'«»“”()،,.:؛]+)")
_PREVIOUS_WORD_RE = re.compile(r"([^\s\"'«»“”()،,.:؛]+)[\s\"'«»“”(]*$")
# 2016، 7/2، 28عاما، and a day number ending a clause after في، إلى، حتى (عدت في 27.)
_NUMBER_ANCHOR_RE = re.compile(r"\d(?:\d{3}|[/\-.]\d|[\u0621-\u064a]|(?P<day>(?<=[يى] \d)\d? ?(?:[.!?؟،,\n]|$)))")
# A number earlier in the sentence makes "وتعادل في 7." a tally, not a day.
_TALLY_RE = re.compile(r"\d[^.!?؟\n]*$")
TALLY_REACH = 80
# في/إلى/حتى and a word, or a word with ل (the first word of a compound ordinal)
_BEFORE_ORDINAL_RE = re.compile(r"(?:(?:^|\s)(?:في|[اإ]لى|حتى)\s+(?:ال\S+\s+)?|(?:^|\s)[وف]?ل\S+\s+)$")
_CLAUSE_END_RE = re.compile(r" ?(?:[.!?؟،,\n]|$)")
_CARDINAL_RE = re.compile(r"[\s\"'«»“”(]*([\u0621-\u064a]+)")


def windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around anchors, merged: the rest cannot hold an expression.

    Anchors are grammar words no expression lacks, found by intersecting the set of
    written forms with the text's words (cheap, in C), and numbers of four digits or
    with a separator (2016، 29/11/2016).
    """
    lex = lexicon()
    spans = [
        match.span()
        for match in _NUMBER_ANCHOR_RE.finditer(text)
        if match.lastgroup is None or not _TALLY_RE.search(text, max(0, match.start() - TALLY_REACH), match.start())
    ]
    for word in lex.window_words.intersection(_WORD_SPLIT_RE.split(text)):
        at = _find_word(text, word, 0)
        while at >= 0:
            end = at + len(word)
            if _anchors(text, word, at, end):
                spans.append((at, end))
            at = _find_word(text, word, end)
    spans.sort()
    windows: list[tuple[int, int]] = []
    for at, end in spans:
        # Whole words only: the scanner cannot see past a window's ends, and
        # "بغداد" cut to "غداد" must not read as "غدا".
        start, end = max(0, at - WINDOW), min(len(text), end + WINDOW)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _anchors(text: str, word: str, at: int, end: int) -> bool:
    """Whether this occurrence of a window word anchors a window."""
    lex = lexicon()
    if word in lex.anchor_words:
        return word not in lex.generic_written or _temporal_use(text, at, end)
    if word in lex.ordinal_forms:
        # "عدت للثاني." but not "الربع الثاني من": an ordinal alone is a day only at a
        # clause end, after a preposition.
        return _ends_clause_after_preposition(text, at, end, word)
    # "تسعة عشر ثمانية وعشرون": a year said as two numbers; "في الثالث عشر.": a day
    return _cardinal_after(text, end) or _ends_clause_after_preposition(text, at, end, word)


def _letter(char: str) -> bool:
    return char.isalpha() and char != "\u0640"  # a tatweel (الثلاثاءـ) ends no word


def _temporal_use(text: str, start: int, end: int) -> bool:
    """Whether عام/العام is "year" here, not "general" (الأمين العام، بشكل عام)."""
    after = _NEXT_WORD_RE.match(text, end)
    if after and (after.group(1)[0].isdigit() or _among(after.group(1), lexicon().year_after)):
        return True
    if _cardinal_after(text, end):
        return True  # عام مائتين وسبعة وستين
    before = _PREVIOUS_WORD_RE.search(text, max(0, start - 24), start)
    if not before:
        return False
    word = before.group(1)
    if word[-1].isdigit() or _among(word, lexicon().year_before):
        return True
    entry = lexicon().single.get(fold_word(word))
    return entry is not None and entry.cls == "c"  # خمسين عاما


def _ends_clause_after_preposition(text: str, at: int, end: int, word: str) -> bool:
    return _CLAUSE_END_RE.match(text, end) is not None and _after_preposition(text, at, word)


def _after_preposition(text: str, at: int, word: str) -> bool:
    """للثاني، في الحادي والعشرين، للثانية والعشرين: an ordinal right after a preposition."""
    if word.startswith(("ل", "ول", "فل")):
        return True
    return _BEFORE_ORDINAL_RE.search(text, max(0, at - 24), at) is not None


def _cardinal_after(text: str, end: int) -> bool:
    """Whether the next word is a number word (ثمانية، مائتين)."""
    after = _CARDINAL_RE.match(text, end)
    if after is None:
        return False
    entry = lexicon().single.get(fold_word(after.group(1)))
    return entry is not None and entry.cls == "c"


def _among(word: str, words: frozenset[str]) -> bool:
    """Whether ``word``, with or without one or two proclitics (وكل، لهذا), is in ``words``."""
    folded = fold_word(word)
    return folded in words or folded[1:] in words or folded[2:] in words


def _find_word(text: str, word: str, start: int) -> int:
    """Next occurrence of ``word`` standing as a word (not inside a longer one)."""
    at = text.find(word, start)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalpha()) and (end >= len(text) or not _letter(text[end])):
            return at
        at = text.find(word, at + 1)
    return -1
