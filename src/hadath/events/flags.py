"""Whether a trigger reports something that happened: negation, future, hypothesis, speech.

The cues are lists in data/cues.yaml, checked on the segments around the trigger.
Negation looks only a few words back (لم يلتقِ, عدم توقيع) or to a denial verb
earlier in the clause (نفى الجيش أن يكون قصف); future and hypothesis look back
within a window that stops at the start of the clause; reported speech is a speech
verb before the trigger, an attribution (حسب, نقلا عن) anywhere in the sentence, or
a trigger inside quotation marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from hadath.events.lexicon import Aspect, Lexicon
from hadath.events.segments import CONJ_LETTERS, SentenceView

QUOTE = '"'  # «» “” fold to this in token norms


@dataclass(frozen=True, slots=True)
class Flags:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    reported: bool = False


def clause_start(view: SentenceView, seg: int, lexicon: Lexicon, limit: int) -> int:
    """Segment index where the clause holding segment ``seg`` starts (at most ``limit`` back)."""
    marks = lexicon.cues.words("clause_marks")
    lo = max(0, seg - limit)
    for i in range(seg - 1, lo - 1, -1):
        token = view.tokens[view.seg_token[i]]
        if token.kind == "punct" and token.norm in marks:
            return i + 1
    return lo


def trigger_flags(view: SentenceView, first_seg: int, last_seg: int, aspect: Aspect, lexicon: Lexicon) -> Flags:
    """Flags of the trigger occupying segments ``first_seg..last_seg`` of ``view``."""
    cues = lexicon.cues
    numbers = cues.numbers
    clause = clause_start(view, first_seg, lexicon, numbers.get("clause_window", 14))
    near = max(clause, first_seg - numbers.get("particle_window", 3))
    negated = _negated(view, near, clause, first_seg, lexicon)
    future_lo = max(clause, first_seg - numbers.get("future_window", 6))
    after_hi = last_seg + 1 + numbers.get("future_window", 6)
    future = (
        aspect == "future"
        or _particle(view, near, first_seg, cues.words("future_particles")) is not None
        or view.has_any(cues["future_before"], future_lo, first_seg)
        or _future_after(view, last_seg + 1, after_hi, lexicon)
    )
    maybe_at = _particle(view, near, first_seg, cues.words("maybe_particles"))
    maybe = aspect in ("imperfect", "future") and maybe_at is not None
    hypothetical = maybe or view.has_any(cues["hypothetical_before"], clause, first_seg)
    reported = (
        view.has_any(cues["speech_verbs"], 0, first_seg)
        or view.has_any(cues["speech_words"], 0, len(view.segs))
        or _inside_quotes(view, first_seg)
    )
    return Flags(negated, future, hypothetical, reported)


def _particle(view: SentenceView, lo: int, hi: int, words: frozenset[str]) -> int | None:
    """Segment index of one of the particles ``words`` in [lo, hi).

    Two-letter particles keep a conjunction the clitic rule will not peel (ولم, ولن).
    """
    for i in range(max(lo, 0), min(hi, len(view.segs))):
        seg = view.segs[i]
        if seg in words or (len(seg) == 3 and seg[0] in CONJ_LETTERS and seg[1:] in words):
            return i
    return None


def _negated(view: SentenceView, near: int, clause: int, first_seg: int, lexicon: Lexicon) -> bool:
    cues = lexicon.cues
    particles = cues.words("negation_particles")
    at = _particle(view, near, first_seg, particles)
    while at is not None:
        if not any(view.find(idiom, at, at + len(idiom)) == at for idiom in cues["not_negation"]):
            return True
        at = _particle(view, at + 1, first_seg, particles)
    for seq in cues["negation_particles"]:
        if len(seq) > 1 and view.find(seq, near, first_seg) is not None:
            return True
    return view.has_any(cues["denial_verbs"], clause, first_seg) or view.has_any(
        cues["denial_words"], clause, first_seg
    )


def _future_after(view: SentenceView, lo: int, hi: int, lexicon: Lexicon) -> bool:
    """An announced time right after the trigger (الأسبوع المقبل), within its clause."""
    marks = lexicon.cues.words("clause_marks")
    for i in range(lo, min(hi, len(view.segs))):
        token = view.tokens[view.seg_token[i]]
        if token.kind == "punct" and token.norm in marks:
            return False
        if any(view.segs[i : i + len(seq)] == seq for seq in lexicon.cues["future_after"]):
            return True
    return False


def _inside_quotes(view: SentenceView, first_seg: int) -> bool:
    token_index = view.seg_token[first_seg]
    quotes = sum(1 for t in view.tokens[:token_index] if t.kind == "punct" and t.norm == QUOTE)
    return quotes % 2 == 1
