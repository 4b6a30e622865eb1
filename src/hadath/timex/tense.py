"""Is the clause before a date about the future?  Decides "الثلاثاء" forward or back.

News reports what happened, so a bare weekday or a yearless date is read backward
from the publication date unless the clause before it is about the future: an
explicit marker (سوف، من المقرر، المرتقب...) or a verb with the future prefix سـ.  The
prefix is recognised without a verb list: a word س + (ي|ت|ن|ا)... is a future verb
when the word without its س is the more frequent form in hadath's word-frequency
table (سيحدث → يحدث), which keeps names and nouns (سيرغي، سياسة، سنة) out.
"""

from __future__ import annotations

import re

from hadath.text import wordfreq
from hadath.timex.lexicon import fold_word, lexicon

# Only the clause before the expression counts: "قال الثلاثاء إنه سيزور" is past.
_CLAUSE_END_RE = re.compile(r"[.!?؟\n،,؛;:]")
_WORD_RE = re.compile(r"[\u0621-\u064a\u0640]+")
MIN_STEM_COUNT = 5  # below this the frequency table says nothing


def clause_before(text: str, start: int, window: int) -> str:
    """The text from the last clause boundary before ``start`` up to it, folded."""
    before = text[max(0, start - window) : start]
    cut = max((m.end() for m in _CLAUSE_END_RE.finditer(before)), default=0)
    return fold_word(before[cut:])


def is_future(clause: str) -> bool:
    if lexicon().future_re.search(clause):
        return True
    for match in _WORD_RE.finditer(clause):
        word = match.group().replace("\u0640", "")
        if len(word) >= 4 and word[0] == "س" and word[1] in "يتنا" and _future_verb(word):
            return True
    return False


def _future_verb(word: str) -> bool:
    stem = word[1:]
    stem_count = wordfreq.count(stem)
    return stem_count >= MIN_STEM_COUNT and stem_count > wordfreq.count(word)
