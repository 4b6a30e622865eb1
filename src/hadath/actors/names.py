"""Variant-aware keys of names and the merge decisions built on them.

A name is read into parts; each part gets a *match key*.  Two parts match when their
keys are equal, and the key is chosen so that the spellings one person gets in the
press collapse while different names stay apart:

* every part is normalised (DESIGN.md), hamza forms folded, the article ال peeled,
  doubled letters collapsed, and "عبد X" / "أبو X" joined;
* an Arabic part (a listed Arabic given name, or one with letters a transliteration
  never uses: ح ع ص ض ظ ذ) keeps that form: حسن/حسين, جمال/كمال, محمد/محمود differ;
* a foreign part folds the transliteration classes (غ ج ق ك → one letter, ڤ → ف,
  ط → ت, ث → س) and, when at least three consonants remain, drops its long vowels
  (بوتين = بوتن, ترامب = ترمب, ديمتري = دميتري).  Shorter skeletons keep their vowels,
  since جون/جين/جان are different names.

A part standing alone (a surname) carries less evidence than a part of a full name, so
alone it must also be within one long vowel of the other spelling: بوتين = بوتن, but
ميركل (Merkel) ≠ ماركل (Markle), although their skeletons agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations

from hadath.actors.lexicon import given_names, name_rules
from hadath.text.normalise import normalise

HAMZA = str.maketrans({"ؤ": "و", "ئ": "ي", "ء": None, "ٱ": "ا"})
FOREIGN_CLASSES = str.maketrans({
    "غ": "ك", "ج": "ك", "ق": "ك", "گ": "ك", "چ": "ك", "ڨ": "ك",
    "ڤ": "ف", "پ": "ب", "ژ": "ز", "ط": "ت", "ث": "س",
})
ARABIC_ONLY_LETTERS = frozenset("حعصضظذ")
LONG_VOWELS = frozenset("اوي")
MIN_SKELETON = 3  # consonants a foreign part needs before its vowels may be dropped
MAX_ALONE_EDITS = 1  # long vowels a lone foreign part may add or drop (بوتين / بوتن)
_PART_RE = re.compile(r"[^\s\-–—_/,،.()«»\"']+")
_DOUBLES_RE = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class Part:
    norm: str  # normalised, hamza folded, ال peeled
    key: str  # the match key (see module doc)
    letters: str  # the folded letters with vowels (foreign parts) or the norm (Arabic)
    arabic: bool
    particle: bool
    given: bool  # a listed Arabic given name


@dataclass(frozen=True, slots=True)
class Name:
    parts: tuple[Part, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.parts)

    @property
    def core(self) -> tuple[Part, ...]:
        """Parts that name someone (particles such as بن and آل left out)."""
        return tuple(p for p in self.parts if not p.particle)

    def __len__(self) -> int:
        return len(self.core)

    def __bool__(self) -> bool:
        return bool(self.core)

    @property
    def key(self) -> str:
        """One string for the whole name: equal for spelling variants in the same order."""
        return " ".join(self.keys)


# --- lexicon views -----------------------------------------------------------


@cache
def _rules() -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[tuple[str, ...], ...]]:
    rules = name_rules()
    particles = frozenset(_fold(p) for p in rules["particles"])
    heads = frozenset(_fold(h) for h in rules["compound_heads"])
    al_foreign = frozenset(_fold(w) for w in rules["al_foreign"])
    honorifics = tuple(sorted({tuple(_fold(w) for w in h.split()) for h in rules["honorifics"]}, key=len,
                              reverse=True))
    return particles, heads, al_foreign, honorifics


@cache
def _given() -> tuple[frozenset[str], frozenset[str]]:
    arabic: set[str] = set()
    foreign: set[str] = set()
    for entry in given_names():
        words = [_fold(w) for w in entry.arabic.split()]
        norm = _join_compound(words) if len(words) > 1 else _peel(words[0])
        (arabic if entry.origin == "ar" else foreign).add(norm)
    return frozenset(arabic), frozenset(foreign)


# --- parts ---------------------------------------------------------------------


def _fold(word: str) -> str:
    return normalise(word).translate(HAMZA)


def _peel(folded: str) -> str:
    """Drop the article ال from a folded part, unless the word is foreign (ألكسندر)."""
    _, _, al_foreign = _rules()[:3]
    if folded.startswith("ال") and len(folded) > 3 and folded not in al_foreign:
        return _DOUBLES_RE.sub(r"\1", folded[2:])
    return _DOUBLES_RE.sub(r"\1", folded)


def _join_compound(words: Sequence[str]) -> str:
    head, rest = words[0], "".join(words[1:])
    return _DOUBLES_RE.sub(r"\1", head + _peel(rest))


def _split_joined(folded: str) -> str:
    """عبدالله → عبد + الله peeled, so the joined and the spaced spellings agree."""
    for head in _rules()[1]:
        if folded.startswith(head) and len(folded) > len(head) + 2:
            return _join_compound([head, folded[len(head):]])
    return _peel(folded)


@lru_cache(maxsize=100_000)
def make_part(norm: str, particle: bool = False) -> Part:
    arabic_given, foreign_given = _given()
    given = norm in arabic_given
    arabic = given or (norm not in foreign_given and any(c in ARABIC_ONLY_LETTERS for c in norm))
    letters = norm
    if particle:
        key = "p:" + ("بن" if norm in ("ابن", "بن") else norm)
    elif arabic:
        key = "a:" + norm
    else:
        letters = foreign_letters(norm)
        key = foreign_key(letters)
    return Part(norm, key, letters, arabic, particle, given)


def foreign_letters(norm: str) -> str:
    """A foreign part with its transliteration classes folded, vowels kept."""
    letters = _DOUBLES_RE.sub(r"\1", norm.translate(FOREIGN_CLASSES))
    if letters.endswith("ه"):
        letters = letters[:-1] + "ا"  # تيريزه / تيريزا
    if letters.endswith("ش"):
        letters = letters[:-1] + "س"  # غوتيريش / غوتيريس: a final s read the Portuguese way
    return letters


def foreign_key(letters: str) -> str:
    skeleton = _DOUBLES_RE.sub(r"\1", letters[:1] + "".join(c for c in letters[1:] if c not in LONG_VOWELS))
    if len(skeleton) >= MIN_SKELETON:
        return "f:" + skeleton
    return "c:" + letters


def vowel_edits(a: str, b: str) -> int:
    """Insertions and deletions turning ``a`` into ``b`` (len a + len b − 2·LCS)."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return len(a) + len(b) - 2 * previous[-1]


def parts_match(p: Part, q: Part, alone: bool = False) -> bool:
    """Whether two parts are spellings of one name part; ``alone``: the part is the whole name."""
    if p.key != q.key:
        return False
    return not alone or p.arabic or p.particle or vowel_edits(p.letters, q.letters) <= MAX_ALONE_EDITS


# --- names ---------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def parse_name(text: str) -> Name:
    """The parts of a name as written; honorifics at its start are left out."""
    particles, heads, _, honorifics = _rules()
    words = [_fold(w) for w in _PART_RE.findall(text)]
    words = [w for w in words if w]
    words = _strip_honorifics(words, honorifics)
    parts: list[Part] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in heads and i + 1 < len(words) and words[i + 1] not in particles:
            parts.append(make_part(_join_compound(words[i : i + 2])))
            i += 2
            continue
        if word in particles:
            parts.append(make_part(word, particle=True))
        else:
            parts.append(make_part(_split_joined(word)))
        i += 1
    return Name(tuple(parts))


def _strip_honorifics(words: list[str], honorifics: Iterable[tuple[str, ...]]) -> list[str]:
    changed = True
    while changed and len(words) > 1:
        changed = False
        for phrase in honorifics:
            if len(words) > len(phrase) and tuple(words[: len(phrase)]) == phrase:
                words = words[len(phrase):]
                changed = True
                break
    return words


def name_key(text: str) -> str:
    """The variant key of a whole name (spelling variants in the same order share it)."""
    return parse_name(text).key


# --- decisions -----------------------------------------------------------------


def match_kind(a: Name, b: Name) -> str | None:
    """How two names of people are the same name, or None when they are not.

    ``"same"``: every part matches in order (spelling variants); ``"reordered"``: the
    same parts in another order; ``"subname"``: one is the other with middle parts left
    out (سيرغي شويغو / سيرغي كوجوغيتوفيتش شويغو).  A lone part never matches a longer
    name here: which full name a surname stands for depends on the article (resolve.py).
    """
    if not a or not b:
        return None
    if len(a) == 1 or len(b) == 1:
        if len(a) == len(b) == 1 and a.keys == b.keys and parts_match(a.core[0], b.core[0], alone=True):
            return "same"
        return None
    if a.keys == b.keys:
        return "same"
    ka, kb = [p.key for p in a.core], [p.key for p in b.core]
    if sorted(ka) == sorted(kb) and a.keys != b.keys and _may_reorder(a):
        return "reordered"
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < len(long) and _is_subname(short, long):
        return "subname"
    return None


def same_name(a: str | Name, b: str | Name) -> bool:
    """Whether two full names name the same person (see ``match_kind``)."""
    na = parse_name(a) if isinstance(a, str) else a
    nb = parse_name(b) if isinstance(b, str) else b
    return match_kind(na, nb) is not None


def _may_reorder(name: Name) -> bool:
    # محمد أحمد and أحمد محمد are two people: a name of two given names is not reordered.
    return sum(p.given for p in name.core) < 2


def _is_subname(short: Name, long: Name) -> bool:
    s, l_ = [p.key for p in short.core], [p.key for p in long.core]
    if s[0] != l_[0] or s[-1] != l_[-1]:
        return False
    # "محمد علي" ends in a given name: a father's name, not a family name, so it does
    # not identify "محمد حسن علي".
    if short.core[-1].given:
        return False
    return _subsequence(s, l_)


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


def is_partial(short: Name, full: Name) -> bool:
    """Whether ``short`` can stand for ``full`` inside one article.

    A lone part must be the first or the last name part (a surname, or a first name);
    several parts must appear in order and end with the family name: "سيرغي شويغو" for
    "سيرغي كوجوغيتوفيتش شويغو", but not "دونالد ترامب" for "دونالد ترامب جونيور".
    """
    if not short or len(short) >= len(full):
        return False
    if len(short) == 1:
        only = short.core[0]
        return any(parts_match(only, part, alone=True) for part in (full.core[-1], full.core[0]))
    return _subsequence(list(short.keys), list(full.keys)) and short.core[-1].key == full.core[-1].key


def blocking_keys(name: Name) -> set[str]:
    """Keys under which a person's name is filed: candidates share at least one."""
    core = sorted({p.key for p in name.core})
    if len(core) == 1:
        return {"1:" + core[0]}
    return {"2:" + a + "|" + b for a, b in combinations(core, 2)}
