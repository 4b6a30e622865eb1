"""Words of the Arabic date grammar: month names, weekdays, units, number words.

Gregorian month names come from babel (CLDR) for every Arabic locale, which covers
the Egyptian/Gulf (سبتمبر), Levantine/Iraqi (أيلول) and Maghrebi (شتنبر، جويلية)
systems; ``data/lexicon.yaml`` adds the spellings CLDR lacks, the Hijri months and
the rest of the grammar's vocabulary.  Everything is keyed by the folded form
(``hadath.text.normalise.normalise``), the same form the tokenizer looks up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from babel import Locale, localedata

from hadath.errors import ModelError
from hadath.text.normalise import normalise

# Unit codes used in payloads and TIMEX durations: D day, W week, M month, Y year,
# E decade, H hour, N minute.
UNIT_CODES = ("D", "W", "M", "Y", "E", "H", "N")


@dataclass(frozen=True, slots=True)
class Unit:
    """A calendar-unit word: which unit, how many it says by itself, whether definite."""

    code: str
    count: int | None  # 1 singular, 2 dual, None plural
    definite: bool


@dataclass(frozen=True, slots=True)
class Entry:
    """What a (possibly multi-word) lexicon item means: grammar class and payload."""

    cls: str
    payload: Any = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    single: dict[str, Entry]
    # first word -> [(following words, entry)], longest first
    multi: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]
    future_re: re.Pattern[str]
    # Finds lexicon words (with proclitics), numbers and the punctuation the grammar
    # reads, in one pass; everything between matches is "other words".
    scan_re: re.Pattern[str]
    # "لاسبوع" (of للأسبوع) -> "الاسبوع": words whose article merged into a ل before it
    after_lam: dict[str, str]
    # Words no expression goes without (months, weekdays, units...) as they are written,
    # with proclitics: only the text around these (and around years) is tokenized.
    anchor_words: frozenset[str]
    # عام/العام as written, and the (folded) neighbours that make them mean "year".
    generic_year: frozenset[str]
    year_after: frozenset[str]
    year_before: frozenset[str]
    # Folded month names that alone are also common words (مارس): they need context.
    month_needs_context: frozenset[str]
    # Ordinals and the tens of number words as written: anchors only where they end a
    # clause (عدت للثاني.) or start a year (تسعة عشر ثمانية وعشرون), see windows.py.
    ordinal_forms: frozenset[str]
    teen_forms: frozenset[str]
    # The written anchor forms of عام/العام (those that need a neighbour to mean "year").
    generic_written: frozenset[str]
    # All of the above: the words of a text worth a look.
    window_words: frozenset[str]
    # Later words of multi-word items (بعده of "أو بعده"): never split as clitic + word.
    rest_words: frozenset[str]


def fold(word: str) -> str:
    """The lookup key of a lexicon word (the tokenizer produces the same form)."""
    return normalise(word).replace("\u0640", "")


def _load_yaml() -> dict[str, Any]:
    try:
        text = resources.files("hadath.timex").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
    except OSError as error:  # pragma: no cover - a broken install
        raise ModelError(f"timex lexicon missing: {error}") from error
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ModelError("timex lexicon: data/lexicon.yaml is not a mapping")
    return data


def babel_month_names() -> dict[int, set[str]]:
    """Wide and abbreviated month names of every Arabic CLDR locale, by month number."""
    names: dict[int, set[str]] = {month: set() for month in range(1, 13)}
    for ident in localedata.locale_identifiers():
        if not (ident == "ar" or ident.startswith("ar_")):
            continue
        locale = Locale.parse(ident)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for month, name in locale.months[context][width].items():
                    # CLDR falls back to "M01" style codes where a locale has no names.
                    if not name.startswith("M"):
                        names[int(month)].add(name.replace("\xa0", " "))
    return names


def _add(table: dict[str, list[tuple[tuple[str, ...], Entry]]], words: Iterable[str], entry: Entry) -> None:
    for word in words:
        parts = tuple(fold(part) for part in word.split())
        table.setdefault(parts[0], []).append((parts[1:], entry))


@cache
def lexicon() -> Lexicon:
    """The grammar's vocabulary, built once."""
    data = _load_yaml()
    table: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    months = babel_month_names()
    for month, extra in data["gregorian_extra"].items():
        months[int(month)].update(extra)
    for month, names in months.items():
        _add(table, names, Entry("M", month))
    for month, names in data["hijri"].items():
        _add(table, names, Entry("H", int(month)))
    for day, names in data["weekdays"].items():
        _add(table, names, Entry("W", int(day)))
    for offset, names in data["relative_days"].items():
        _add(table, names, Entry("R", int(offset)))
    for code, forms in data["units"].items():
        for form, names in forms.items():
            definite = form.startswith("def_")
            count = {"one": 1, "two": 2, "many": None}[form.removeprefix("def_")]
            unit_cls = {"D": "D", "W": "K", "M": "S", "Y": "A", "E": "E", "H": "h", "N": "m"}[code]
            _add(table, names, Entry(unit_cls, Unit(code, count, definite)))
    for cls, names in data["words"].items():
        _add(table, names, Entry(cls))
    for value, names in data["cardinals"].items():
        _add(table, names, Entry("c", int(value)))
    for value, names in data["ordinals"].items():
        _add(table, names, Entry("o", int(value)))
    single: dict[str, Entry] = {}
    multi: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]] = {}
    for first, items in table.items():
        for rest, entry in items:
            if not rest:
                single.setdefault(first, entry)  # the first listing of a word wins
        longer = sorted({rest: entry for rest, entry in items if rest}.items(), key=lambda kv: -len(kv[0]))
        if longer:
            multi[first] = tuple(longer)
    markers = sorted((fold(marker) for marker in data["future_markers"]), key=len, reverse=True)
    future_re = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, markers)) + r")(?![\w])")
    words = set(single) | set(multi) | {word for items in multi.values() for rest, _ in items for word in rest}
    after_lam = {word[1:]: word for word in words if word.startswith("ال") and len(word) > 3}
    # غدًا، عامًا: tanween is also written on the letter before the final alef.
    words |= {word[:-1] + "\u064b" + "ا" for word in words if word.endswith("ا") and len(word) > 2}
    scan_re = re.compile(
        rf"(?<![{LETTERS}])(?P<pre>[وف]?[بلك]?)(?P<word>{trie_pattern(words | set(after_lam))})"
        rf"[{MARKS}]*(?![{LETTERS}])"
        r"|(?P<num>(?<![\d.])\d+\.\d+(?![.\d])|\d+)"
        r"|(?P<punct>[/\-–—.,،:()\n])"
    )
    strong = {word for word, entry in single.items() if entry.cls in ANCHOR_CLASSES}
    strong |= {word for word, entry in single.items() if entry.cls == "c" and entry.payload >= 1000}  # years in words
    strong |= (set(multi) - NOT_ANCHORS) | HIJRI_SECOND_WORDS
    # صباح، مساء، ظهر come before a weekday or a relative day (anchors already); alone
    # only the definite ones make an expression (الليلة، هذا الصباح).
    strong |= {word for word, entry in single.items() if entry.cls == "d" and word.startswith("ال")}
    generic = data["generic_year"]
    ordinals = {word for word, entry in single.items() if entry.cls == "o"}
    anchors = frozenset(written_forms(strong))
    ordinal_forms = frozenset(written_forms(ordinals)) - anchors
    teen_forms = frozenset(written_forms({"عشر", "عشره"})) - anchors
    return Lexicon(
        single,
        multi,
        future_re,
        scan_re,
        after_lam,
        anchors,
        frozenset(fold(word) for word in generic["forms"]),
        frozenset(fold(word) for word in generic["after"]),
        frozenset(fold(word) for word in generic["before"]),
        frozenset(fold(word) for word in data["month_needs_context"]),
        ordinal_forms,
        teen_forms,
        frozenset(word for word in anchors if fold_word(word) in {fold(w) for w in generic["forms"]}),
        anchors | ordinal_forms | teen_forms,
        frozenset(word for items in multi.values() for rest, _ in items for word in rest),
    )


_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def written_forms(words: Iterable[str]) -> set[str]:
    """Every way a folded word is written: hamza and madda on alef, final ى and ة,
    tanween, proclitics, and لل for ل + ال."""
    forms: set[str] = set()
    for word in words:
        spellings = [""]
        for i, char in enumerate(word):
            options = _VARIANTS.get(char, char) if (char != "ي" and char != "ه") or i == len(word) - 1 else char
            spellings = [s + o for s in spellings for o in options]
        for spelling in spellings:
            bodies = {spelling, spelling + "ً", spelling[:-1] + "ًا"} if spelling.endswith("ا") else {spelling}
            for body in bodies:
                forms.update(clitic + body for clitic in _CLITICS)
                if body.startswith("ال"):
                    forms.update(f"{conj}لل{body[2:]}" for conj in ("", "و", "ف"))
    return forms


# Classes every expression contains at least one of (see tokens.py); the number words
# that start multi-word names (احد عشر) are not needed as anchors.
ANCHOR_CLASSES = frozenset("MHWRDKSAEhmGQ")
NOT_ANCHORS = frozenset({"احد", "احدي", "اثنا", "اثني", "اثنتا", "اثنتي", "ذي", "ذو", "او", "وما", "فما"})
HIJRI_SECOND_WORDS = frozenset({"القعده", "الحجه"})  # ذو/ذي alone are common words


LETTERS = "\u0621-\u064a\u0671-\u06d3A-Za-z"
MARKS = "\u064b-\u065f\u0670\u0640"  # harakat, tanween, tatweel: غداً، عاماً، الـ
# The scanner reads raw text: each folded letter of a lexicon word also matches the
# letters that fold to it.
_VARIANTS = {"ا": "اأإآٱ", "ي": "يى", "ه": "هة"}
_FOLD_WORD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", **{chr(c): None for c in range(0x064B, 0x0660)}}
    | {"\u0670": None, "\u0640": None}
)


def fold_word(word: str) -> str:
    """The lexicon key of a word matched in raw text."""
    return word.translate(_FOLD_WORD)


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation for many words, factored as a trie so matching stays fast."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict[str, Any]) -> str:
    branches = [_char(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def _char(char: str) -> str:
    variants = _VARIANTS.get(char)
    return f"[{variants}]" if variants else re.escape(char)
