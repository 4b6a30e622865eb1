"""Trigger matching: lexicon patterns found in a sentence's segments.

A sentence is matched left to right; at each place the longest lexicon pattern whose
context checks (near, not_near, not_next, not_prev) pass wins, and its words are not
matched again.  The mode is the trigger's own, else the nearest mode cue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hadath.events.lexicon import Aspect, Lexicon, Pattern, Sense
from hadath.events.segments import CONJ_LETTERS, SentenceView, article_key, has_article, whole_key

MAX_SLOT_SEGMENTS = 3


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon pattern found in a sentence (segment indices into its view)."""

    sense: Sense
    first: int
    head_end: int  # end (exclusive) of the contiguous head, before any gap
    segs: frozenset[int]
    aspect: Aspect
    whole: bool = False  # found on the whole first word, the letter read as a conjunction included (فتحت)


def find_triggers(view: SentenceView, lexicon: Lexicon) -> list[Match]:
    """Trigger matches in the sentence, left to right, not overlapping."""
    consumed: set[int] = set()
    found: list[Match] = []
    for i in range(len(view.segs)):
        if i in consumed:
            continue
        match = _best_at(view, i, lexicon)
        if match is not None and not (match.segs & consumed):
            found.append(match)
            consumed |= match.segs
    return found


def _best_at(view: SentenceView, i: int, lexicon: Lexicon) -> Match | None:
    keys = [view.segs[i]]
    token_index = view.seg_token[i]
    token = view.tokens[token_index]
    seg = view.segs[i]
    # A word with an article is a noun (التعاون is not the verb تعاون); a verb that
    # starts with ال (التقى) is found on the whole word.
    nouns_only = has_article(token) and view.stem(token_index) == seg
    if nouns_only:
        whole_word = article_key(token)
        if whole_word is not None:
            keys.append(whole_word)
    whole = None
    if view.first_seg[token_index] == i:
        token = view.tokens[token_index]
        whole = whole_key(token)
        if whole is not None:  # "فتحت" split as ف + تحت: the lexicon holds the verb whole
            keys.append(whole)
        elif seg[:1] in CONJ_LETTERS and (len(seg) == 3 or seg[1:] in lexicon.passive_verbs):
            # The clitic rule never leaves a stem under three letters, so "وحث" stays
            # whole: try it without the conjunction.  Longer unsplit words are words (وزارة),
            # but for the listed passives ("وأصيب").
            keys.append(seg[1:])
    for key in keys:
        found: list[Match] = []
        longest = 0
        for pattern in lexicon.index.get(key, ()):
            length = _length(pattern)
            if length < longest:
                break  # patterns come longest first
            if nouns_only and key == seg and _verb_key(pattern, key):
                continue
            match = _match(view, pattern, i, key, lexicon)
            if match is not None:
                found.append(match)
                longest = length
        if found:
            best = _prefer(view, i, found)
            return replace(best, whole=True) if whole is not None and key == whole else best
    return None


def _verb_key(pattern: Pattern, key: str) -> bool:
    """Whether ``key`` is a verb form in the pattern's first slot."""
    first = pattern.slots[0] or {}
    return any(seq[0] == key and aspect != "noun" for seq, aspect in first.items())


def _length(pattern: Pattern) -> int:
    return sum(slot is not None for slot in pattern.slots)


def _prefer(view: SentenceView, i: int, found: list[Match]) -> Match:
    """Of equally long matches, a verb reading at the head of a clause, else a noun reading.

    قتل, قصف, خطف are verbs and verbal nouns alike: "وقصفت الطائرات" opens a clause
    with a verb, "في قصف" is a noun behind a preposition.
    """
    token_index = view.seg_token[i]
    token = view.tokens[token_index]
    opens = token_index == 0 or view.tokens[token_index - 1].kind == "punct"
    behind_prep = view.first_seg[token_index] < i or any(p.role == "prep" for p in token.pieces)
    if opens and not behind_prep:
        verb = next((m for m in found if m.aspect != "noun"), None)
        if verb is not None:
            return verb
    if behind_prep:
        noun = next((m for m in found if m.aspect == "noun"), None)
        if noun is not None:
            return noun
    return found[0]


def _match(view: SentenceView, pattern: Pattern, i: int, first_key: str, lexicon: Lexicon) -> Match | None:
    segs = view.segs
    n = len(segs)
    pos = i
    allowance = 0
    head_end: int | None = None
    matched: list[int] = []
    aspect: Aspect = "noun"
    for k, slot in enumerate(pattern.slots):
        if slot is None:
            allowance = pattern.gap
            head_end = head_end if head_end is not None else pos
            continue
        hit: tuple[int, int, Aspect] | None = None
        for q in range(pos, min(pos + allowance, n - 1) + 1):
            if q > pos and _is_break(view, q - 1):
                break
            for length in range(MAX_SLOT_SEGMENTS, 0, -1):
                if q + length > n:
                    continue
                seq = segs[q : q + length]
                if k == 0:
                    seq = (first_key, *seq[1:])
                value = slot.get(seq)
                if value is not None:
                    hit = (q, length, value)
                    break
            if hit or k == 0:
                break
        if hit is None:
            return None
        q, length, value = hit
        if k == 0:
            aspect = value
        matched.extend(range(q, q + length))
        pos = q + length
        allowance = 0
    end = pos
    sense = pattern.sense
    window = sense.window or lexicon.window
    lo, hi = i - window, end + window
    if sense.near and not view.has_any(sense.near, lo, hi):
        return None
    if sense.not_near and view.has_any(sense.not_near, lo, hi):
        return None
    if end < n and segs[end] in sense.not_next:
        return None
    if sense.not_prev and _previous_stems(view, i) & sense.not_prev:
        return None
    return Match(sense, i, head_end if head_end is not None else end, frozenset(matched), aspect)


def _previous_stems(view: SentenceView, i: int) -> set[str]:
    """Stems of the two words before segment ``i`` ("وقف فوري لإطلاق النار": وقف, فوري)."""
    token = view.seg_token[i]
    found = {view.segs[k] for k in range(view.first_seg[token], i)}  # a preposition on the word itself
    found |= {view.stem(k) for k in range(max(0, token - 2), token)}
    return found


def _is_break(view: SentenceView, seg: int) -> bool:
    token = view.tokens[view.seg_token[seg]]
    return token.kind == "punct"


def choose_mode(view: SentenceView, match: Match, lexicon: Lexicon) -> str | None:
    """The trigger's own mode, else the mode cue nearest to it (the type's default is applied
    after same-action triggers are merged, so that it never keeps two of them apart)."""
    if match.sense.mode is not None:
        return match.sense.mode
    best: tuple[int, int, str] | None = None
    last = max(match.segs)
    for order, (mode, seq) in enumerate(lexicon.types[match.sense.type].mode_cues):
        at = view.find(seq, match.first - lexicon.window, last + lexicon.window + 1)
        if at is None:
            continue
        distance = 0 if match.first <= at <= last else min(abs(at - match.first), abs(at - last))
        if best is None or (distance, order) < best[:2]:
            best = (distance, order, mode)
    return best[2] if best else None
