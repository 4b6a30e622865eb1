"""Proclitic splitting for Arabic words, decided on the normalised letters.

A split is kept only when it is safe for matching: a word-initial definite article is
always peeled; an article behind a conjunction or preposition too, unless the table
knows the whole word but has never seen the article form (باليرمو is no ب + اليرمو,
لليبيا no ل + ل + يبيا); a bare conjunction or preposition only when a word-frequency
table says the stem is the likelier word, or, for words the table has never seen,
when the stem is long enough; a preposition behind a conjunction only when its stem is
also likelier than the word after the conjunction (وبكين is و + بكين).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from hadath.text import wordfreq

Role = Literal["conj", "prep", "article", "stem"]
CONJ = ("و", "ف")
PREP = ("ب", "ك", "ل")
MIN_STEM_AFTER_ARTICLE = 2
MIN_STEM_UNSEEN = 4
# Words the frequency rule cannot protect on its own (both readings are common).
NEVER_SPLIT = frozenset([
    "الله", "لله", "بالله", "والله", "ولكن", "لكن", "لكنه", "فقط", "فيما", "فيه", "فيها", "في",
    "لم", "لن", "لا", "ليس", "ليست", "كان", "كانت", "كما", "كل", "كلا", "لدي", "لدى",
    "بعد", "بين", "بل", "ولا", "وما", "ومن", "وفي", "لها", "له", "لهم", "لكي", "كي",
])


@lru_cache(maxsize=200_000)
def split(letters: str, bare: bool = False) -> tuple[tuple[Role, int], ...]:
    """Roles and lengths of the pieces of ``letters`` (normalised, marks removed).

    ``bare`` marks a clitic written alone with a tatweel (لـ, بـ, وبالـ): no stem.
    """
    if not letters:
        return ()
    if bare:
        prefix = _prefixes(letters, allow_empty_stem=True)
        if prefix and sum(n for _, n in prefix) == len(letters):
            return prefix
        return (("stem", len(letters)),)
    if letters in NEVER_SPLIT:
        return (("stem", len(letters)),)
    prefix = _prefixes(letters, allow_empty_stem=False)
    used = sum(n for _, n in prefix)
    return (*prefix, ("stem", len(letters) - used)) if used else (("stem", len(letters)),)


def _prefixes(letters: str, allow_empty_stem: bool) -> tuple[tuple[Role, int], ...]:
    best: tuple[tuple[Role, int], ...] = ()
    for candidate in _candidates(letters):
        used = sum(n for _, n in candidate)
        stem = letters[used:]
        if not stem and not allow_empty_stem:
            continue
        has_article = any(role == "article" for role, _ in candidate)
        if has_article and candidate[0][0] != "article" and not _article_ok(letters, candidate, stem):
            continue
        # ل before a word that begins with ل swallows that word's article: للاجئين
        # is ل + اللاجئين, so the article form counts for the stem too.
        implied = not has_article and letters[used - 1 : used + 1] == "لل" and candidate[-1][0] == "prep"
        if stem and not _stem_ok(letters, stem, has_article, implied):
            continue
        if not has_article and len(candidate) == 2 and not _beats(stem, letters[1:]):
            continue  # وباحث is و + باحث, not و + ب + احث
        if used > sum(n for _, n in best):
            best = candidate
    return best


def _candidates(letters: str) -> list[tuple[tuple[Role, int], ...]]:
    found: list[tuple[tuple[Role, int], ...]] = []
    for conj in ("", *CONJ):
        if not letters.startswith(conj):
            continue
        rest = letters[len(conj):]
        head: tuple[tuple[Role, int], ...] = (("conj", 1),) if conj else ()
        found.append(head) if head else None
        for prep in ("", *PREP):
            if not rest.startswith(prep):
                continue
            after = rest[len(prep):]
            with_prep = head + ((("prep", 1),) if prep else ())
            if prep:
                found.append(with_prep)
            if prep == "ل" and after.startswith("ل"):
                found.append((*with_prep, ("article", 1)))  # لل = ل + (ا)ل
            if after.startswith("ال"):
                found.append((*with_prep, ("article", 2)))
    return found


def _article_ok(word: str, candidate: tuple[tuple[Role, int], ...], stem: str) -> bool:
    """An article behind a clitic: unless its article form is unseen while the word is
    known, or the letters after the clitic are a known word without that article.

    Foreign names (كاليفورنيا, فالنسيا), words whose و is a root letter (والده) and
    ل before a word beginning with ل (للبنان, ولليبيا) would otherwise lose letters.
    """
    if wordfreq.count("ال" + stem):
        return True
    rest = word[sum(n for role, n in candidate if role != "article"):]
    return not (wordfreq.count(word) or wordfreq.count(rest) or wordfreq.count("ال" + rest))


def _beats(stem: str, rest: str) -> bool:
    """A preposition behind a conjunction only where its stem is likelier than the word after the conjunction."""
    stem_count, rest_count = wordfreq.count(stem), wordfreq.count(rest)
    return stem_count > rest_count or stem_count == rest_count == 0


def _stem_ok(word: str, stem: str, has_article: bool, implied_article: bool = False) -> bool:
    if has_article:
        return len(stem) >= MIN_STEM_AFTER_ARTICLE
    if len(stem) < 3:
        return False
    whole, bare = wordfreq.count(word), wordfreq.count(stem)
    if implied_article:
        bare += wordfreq.count("ال" + stem)
    if whole or bare:
        return bare > whole
    return len(stem) >= MIN_STEM_UNSEEN
