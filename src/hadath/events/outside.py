"""Arguments named outside the trigger's clause, by the frame the clause sits in.

``args.assign`` stops at clause breaks (أن, a comma) and reads the words next to the
trigger, but these common frames name an argument of the event from farther away:

- a claim: "أعلنت الجماعة مسؤوليتها عن خطف ..." — the claimant is the source;
- a support verb: "قامت الجماعة في ديسمبر بخطف ..." — its subject is the source, however
  far the verbal noun stands; so is the subject of a verb whose object is the verbal
  noun ("أجرت البحرية تدريبات", "أعلنت قوات الحشد استنفار عناصرها");
- a speaker's pronoun: "أعلنت الوزارة أنها قصفت ..." — the pronoun on أن stands for the
  speaker, who is the source.  Only the feminine and plural pronouns count: the
  masculine أنه is as often the empty pronoun of "it was reported that" (ذكرت مصادر
  أنه قتل خمسة أشخاص), which names nobody;
- a survivor: "نجا الوزير من محاولة اغتيال" — who escaped an attack was its target;
- a toll: "تفجير ... أسفر عن إصابة خمسة مدنيين" — the casualties an attack caused
  were its targets;
- an owner: "أعلن الجيش الأمريكي أن قواته قتلت مسلحا" — the forces of a possessive
  (قواته, جنوده) are the actor named before them.

Each returns a participant or None; ``fill.complete`` uses them only for empty slots.
"""

from __future__ import annotations

from collections.abc import Sequence

from hadath.events.args import NAMED_GROUPS, SVO_GAP, Head
from hadath.events.lexicon import Lexicon
from hadath.events.participants import Participant
from hadath.events.segments import SentenceView, has_conj

CLAUSE_ENDS = frozenset(",;:.!?-")  # not quotes or brackets: «القاعدة» may close a relative clause
FRAME_REACH = 10  # tokens between the frame's verb and the trigger
CONTROL_GAP = 3  # tokens between a control verb's subject and its verbal noun ("في مسيرة")
PARTITIVE = "من"  # "قوة من الشرطة": the member noun, then من, then the group
TOLL_AFTER = 16  # tokens from the trigger to its toll, past a place and a time
TOLL_REACH = 4  # tokens from "مقتل" to the people counted ("مقتل ما لا يقل عن خمسة أشخاص")


def claimant(view: SentenceView, parts: Sequence[Participant], head: Head, lexicon: Lexicon) -> Participant | None:
    """The subject of "أعلن/تبنى X مسؤوليته عن" right before the trigger."""
    at = head.first - 1
    if at < 1 or view.stem(at) != "عن" or view.stem(at - 1) not in lexicon.cues.words("claim_nouns"):
        return None
    return _frame_subject(view, parts, at - 1, lexicon.cues.words("claim_verbs"), lexicon)


def carrier(view: SentenceView, parts: Sequence[Participant], head: Head, lexicon: Lexicon) -> Participant | None:
    """The subject of a support verb before "بـ<verbal noun>": "قامت امرأة اعتنقت الإسلام بتفجير نفسها"."""
    if not head.noun or not any(p.role == "prep" and p.norm == "ب" for p in view.tokens[head.first].pieces):
        return None
    return _frame_subject(view, parts, head.first, lexicon.cues.words("support_verbs"), lexicon)


def controller(view: SentenceView, parts: Sequence[Participant], head: Head, lexicon: Lexicon) -> Participant | None:
    """The subject of a verb whose object is the verbal noun: "أجرت البحرية تدريبات",
    "فرضت السلطات حالة الطوارئ", "تستعد المعارضة لتنظيم مظاهرات".  The subject must
    follow the verb at once (time words aside) and the noun follow the subject closely:
    in "أعلنت موسكو إصابة عشرات منهم في غارات" the raids are not what Moscow did."""
    if not head.noun or head.sense.frame != "agent":
        return None  # "أعلن الجيش مقتل خمسة": who announces a death did not cause it
    verb = _verb_before(view, head.first, lexicon.cues.words("control_verbs"))
    found = None if verb is None else _subject_of(view, parts, verb, head.first, lexicon.clause_openers)
    if verb is None or found is None or found.last >= head.first:
        return None
    skip = lexicon.cues.words("skip_words")
    if found.first > verb and _gap(view, verb, found.lead + 1, skip) > 0:
        return None
    casualties = lexicon.cues.words("casualty_nouns")
    if any(view.stem(k) in casualties for k in range(found.last + 1, head.first)):
        return None  # "أعلن الجيش مقتل أحد جنوده في انفجار": the verb's object is the death
    return found if _gap(view, max(verb, found.last), head.first, skip) <= CONTROL_GAP else None


def _gap(view: SentenceView, after: int, before: int, skip: frozenset[str]) -> int:
    """Tokens strictly between ``after`` and ``before``, time words not counted."""
    return sum(1 for k in range(after + 1, before) if view.stem(k) not in skip)


def speaker(view: SentenceView, parts: Sequence[Participant], head: Head, lexicon: Lexicon) -> Participant | None:
    """The subject of the announcing verb (أعلن, أكد, اعترف) before "أنها/أنهم" right before a verb trigger."""
    if head.noun:
        return None
    at = head.first - 1
    if at >= 0 and view.stem(at) == "قد":
        at -= 1
    if at < 1 or view.stem(at) not in lexicon.cues.words("speaker_pronouns"):
        return None
    found = _frame_subject(view, parts, at, lexicon.cues.words("claim_verbs"), lexicon)
    unnamed = lexicon.cues.words("speech_words")  # مصادر, شهود, وكالة: they report, they did not act
    return found if found is not None and view.stem(found.first) not in unnamed else None


def survivor(view: SentenceView, parts: Sequence[Participant], head: Head, lexicon: Lexicon) -> Participant | None:
    """The subject of "نجا X من (محاولة) <trigger>"."""
    at = head.first - 1
    while at >= 0 and view.stem(at) in lexicon.cues.words("attempt_nouns"):
        at -= 1
    if at < 1 or view.stem(at) != "من":
        return None
    return _frame_subject(view, parts, at, lexicon.cues.words("survival_words"), lexicon)


def casualties(view: SentenceView, parts: Sequence[Participant], head: Head, lexicon: Lexicon) -> Participant | None:
    """The people counted after "أسفر عن / أدى إلى (مقتل|إصابة)" following the trigger."""
    stop = view.first_seg[head.last + TOLL_AFTER] if head.last + TOLL_AFTER < len(view.tokens) else len(view.segs)
    found = view.first_of(lexicon.cues["toll_cues"], view.first_seg[head.last] + 1, stop)
    if found is None:
        return None
    after = view.seg_token[found[0] + len(found[1]) - 1] + 1
    if after >= len(view.tokens) or view.stem(after) not in lexicon.cues.words("casualty_nouns"):
        return None
    return next((p for p in parts if after < p.first <= after + TOLL_REACH and p.prep in (None, "من")
                 and (p.counted or view.stem(p.first) in lexicon.cues.words("victim_nouns"))), None)


def _frame_subject(
    view: SentenceView, parts: Sequence[Participant], end: int, verbs: frozenset[str], lexicon: Lexicon
) -> Participant | None:
    """The subject of the nearest verb in ``verbs`` before token ``end``."""
    verb = _verb_before(view, end, verbs)
    return None if verb is None else _subject_of(view, parts, verb, end, lexicon.clause_openers)


def _subject_of(
    view: SentenceView, parts: Sequence[Participant], verb: int, end: int, particles: frozenset[str]
) -> Participant | None:
    """The subject of the verb at token ``verb``: the first bare participant between it and
    ``end`` (verb first), else one opening the clause right before the verb."""
    after = next((p for p in parts if verb < p.first < end and p.prep is None), None)
    if after is not None:
        return after
    before = next((p for p in reversed(parts) if p.last < verb), None)
    if before is None or before.prep is not None or verb - before.last > SVO_GAP + 1:
        return None
    # "وكانت دولة العراق أعلنت" opens its clause; "لمقاتلة تنظيم القاعدة نجا" ends a relative clause
    taken = {i for p in parts for i in range(p.first, p.last + 1)}
    lead = before.lead
    opens = _opens(view, lead, particles) or (lead not in taken and _opens(view, lead - 1, particles))
    return before if opens else None


def _verb_before(view: SentenceView, end: int, verbs: frozenset[str]) -> int | None:
    """The nearest token before ``end`` (within ``FRAME_REACH``) whose stem is in ``verbs``."""
    return next((i for i in range(end - 1, max(-1, end - 1 - FRAME_REACH), -1) if view.stem(i) in verbs), None)


def _opens(view: SentenceView, index: int, particles: frozenset[str]) -> bool:
    """Whether a clause may start right after token ``index``."""
    token = view.tokens[index] if index >= 0 else None
    return token is None or (token.kind == "punct" and token.norm in CLAUSE_ENDS) or view.stem(index) in particles


def owner(view: SentenceView, parts: Sequence[Participant], part: Participant, lexicon: Lexicon) -> Participant | None:
    """Whom the pronoun of a possessed actor noun stands for: the nearest participant before
    it that governs no preposition and is not possessed itself ("أعلن الجيش مقتل أحد جنوده")."""
    possessed = lexicon.cues.words("possessed_actor_nouns")
    if view.stem(part.first) not in possessed:
        return None
    for other in reversed(parts):
        if other.last < part.first and other.prep is None and view.stem(other.first) not in possessed:
            return other
    return None


def organisation(view: SentenceView, parts: Sequence[Participant], part: Participant,
                 lexicon: Lexicon) -> Participant | None:
    """The named organisation or country whose members a generic noun names: "قادة حركة حماس"
    acts as Hamas, "وفد كوريا الجنوبية" as South Korea (words that complete the name, حركة,
    may stand between)."""
    stem = view.stem(part.first)
    members = lexicon.cues.words("member_nouns")
    if part.kind != "NOUN" or not (stem in members or stem in lexicon.cues.words("partitive_nouns")):
        return None
    partitive = next((p for p in parts if p.first == part.last + 2 and p.prep == PARTITIVE
                      and (p.kind in NAMED_GROUPS or p.kind == "NOUN")), None)
    if partitive is not None or stem not in members:  # "قوة من الشرطة", "مجموعة من المسلحين"
        return partitive
    links = lexicon.cues.words("title_words")
    named = {p.first: p for p in parts
             if p.kind in NAMED_GROUPS and p.prep is None and not has_conj(view.tokens[p.first])}
    k = part.last + 1
    while k not in named and k - part.last < 3 and k < len(view.tokens) and view.tokens[k].kind == "word" \
            and view.stem(k) in links:
        k += 1
    return named.get(k)

