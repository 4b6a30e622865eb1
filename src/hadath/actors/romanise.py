"""A readable Latin form of an Arabic name, for actors the registry does not know.

Known parts come from tables: the given-name lexicon (محمد → Mohammed) and the
registry, whose Arabic and Latin names are aligned part by part where both have the
same number of parts (شويغو → Shoigu).  Other parts are spelled letter by letter with
a few vowel rules: و and ي between consonants are read u and i, a short a is put
between the first two consonants of a cluster, and ال becomes "al-".
"""

from __future__ import annotations

import re
from functools import cache

from hadath.actors.lexicon import given_names
from hadath.text.normalise import normalise, strip_marks

CONSONANTS: dict[str, str] = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "'", "ڤ": "v",
    "پ": "p", "چ": "ch", "گ": "g", "ژ": "zh",
}
VOWEL_LETTERS = frozenset("اوىيأإآةؤئ")
_HEADS = frozenset({"عبد", "ابو"})
# Name particles are spelled one way, never learned from an alignment (بن is no one's given name).
_PARTICLES = {"بن": "bin", "ابن": "ibn", "بنت": "bint"}
_WORD_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")


@cache
def _known() -> dict[str, str]:
    table: dict[str, str] = dict(_PARTICLES)
    for entry in given_names():
        table.setdefault(normalise(entry.arabic).replace(" ", ""), entry.latin)
    from hadath.actors.registry import default_registry  # the registry aligns names part by part

    for actor in default_registry().actors.values():
        if actor.type != "PER" or not actor.name_lat:
            continue
        # Full spellings only: a shorter alias (بن غفير) drops a part its Latin twin may keep.
        full = [n for n in actor.arabic_names if len(n.split()) == len(actor.name_ar.split())]
        for arabic, latin in _pairs(tuple(full), actor.latin_names):
            table.setdefault(arabic, latin)
    return table


def _pairs(arabic_names: tuple[str, ...], latin_names: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for arabic in arabic_names:
        words = [normalise(w) for w in arabic.split()]
        if any(w in _HEADS for w in words):
            continue  # "عبد اللطيف" is one name in two words: no part-by-part alignment
        for latin in latin_names:
            parts = latin.split()
            if len(parts) == len(words) and len(words) > 1:
                pairs.extend(zip(words, parts, strict=True))
                break
    return pairs


def romanise(name_ar: str) -> str:
    """A readable Latin spelling of ``name_ar``: "أحمد معيتيق" → "Ahmed Ma'itiq"."""
    words = _WORD_RE.findall(strip_marks(name_ar))
    out = []
    i = 0
    while i < len(words):
        word = words[i]
        if normalise(word) in _HEADS and i + 1 < len(words):
            joined = _known().get(normalise(word + words[i + 1]))
            out.append(joined or _spell(word) + " " + _spell(words[i + 1]))
            i += 2
            continue
        out.append(_known().get(normalise(word)) or _spell(word))
        i += 1
    return " ".join(out) or name_ar


def _spell(word: str) -> str:
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        known = _known().get(normalise(word[2:]))
        if known:
            return "al-" + known
        prefix, word = "al-", word[2:]
    out: list[str] = []
    cluster = 0  # consonants written since the last vowel
    for i, char in enumerate(word):
        before = word[i - 1] if i else ""
        if char in "أإآاىة":
            out.append("i" if char == "إ" else "a")
            cluster = 0
        elif char in "وؤيئ" and i and before not in VOWEL_LETTERS:
            out.append("u" if char in "وؤ" else "i")  # a long vowel after a consonant
            cluster = 0
        else:
            sound = {"و": "w", "ؤ": "w", "ي": "y", "ئ": "y"}.get(char) or CONSONANTS.get(char, "")
            if (cluster == 1 and i == 1) or cluster == 2:
                out.append("a")  # an unwritten short vowel opens the first or a third consonant
                cluster = 0
            out.append(sound)
            cluster += 1
    spelled = "".join(out).strip("'")
    return prefix + spelled[:1].upper() + spelled[1:]
