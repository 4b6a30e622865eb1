"""The one Arabic normaliser used wherever text is compared.

It never changes what is shown or stored as article text; it produces the form that
search, matching and clustering compare.  Character tables are data; regexes are
compiled once.
"""

from __future__ import annotations

import re
import unicodedata

# Letters folded for matching (DESIGN.md, "Arabic text rules").
LETTER_FOLDS: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ي": "ي",
    "ة": "ه", "ۃ": "ه",
    "ک": "ك", "ڪ": "ك",
    "ۀ": "ه", "ە": "ه",
}

# Arabic-Indic (U+0660..) and Eastern Arabic-Indic (U+06F0..) digits → ASCII.
DIGIT_FOLDS: dict[str, str] = {
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}

PUNCT_FOLDS: dict[str, str] = {
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‹": '"', "›": '"',
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
}

TATWEEL = "\u0640"
# Harakat, Quranic marks, superscript alef; removed for matching.
HARAKAT_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
ZERO_WIDTH_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
SPACE_RE = re.compile(r"\s+")

_TABLE = str.maketrans({**LETTER_FOLDS, **DIGIT_FOLDS, **PUNCT_FOLDS, TATWEEL: None})


def strip_marks(text: str) -> str:
    """Drop harakat, tatweel and invisible direction marks."""
    return ZERO_WIDTH_RE.sub("", HARAKAT_RE.sub("", text.replace(TATWEEL, "")))


def fold(text: str) -> str:
    """Fold letters, digits and punctuation without touching spacing."""
    return text.translate(_TABLE)


def normalise(text: str) -> str:
    """The matching form of ``text``: NFKC, no marks, folded letters, one space."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_marks(text)
    text = fold(text).casefold()
    return SPACE_RE.sub(" ", text).strip()


def normalise_char(char: str) -> str:
    """The matching form of one character ('' if it is a mark)."""
    if HARAKAT_RE.match(char) or ZERO_WIDTH_RE.match(char) or char == TATWEEL:
        return ""
    return fold(unicodedata.normalize("NFKC", char)).casefold()


def is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3" or char in "\u06fa\u06fb\u06fc"
