"""Argument rules: which participants are the source, the target and the place.

Arabic news is mostly verb-first: after a verb trigger the first bare participant is
the subject (an indefinite accusative, "اغتالت … ناشطا", is never one) and the next
one (bare, or behind a preposition the type lists: هجوم على, اجتمع مع) the object;
with no subject after the verb, the nearest bare participant before it in the same
clause is taken (SVO).  Frames change the reading:

- host (استقبل X Y): X hosts, so X is the target and the visitor Y the source;
- passive (اغتيل X, أصيب X, مقتل X, تعرض X لهجوم, or a counted subject: قتل 5 جنود):
  the subject, before the verb or after it, is the target, and a participant behind an
  agent marker (على يد, برصاص) is the source; a passive verbal noun of a type that acts
  on things (مقتل رجل أعمال) takes the noun after it when no participant is there;
- mutual (اشتباكات بين X و Y): every participant is a source.

After a verbal noun the participant right after it is its genitive: the agent
(زيارة بوتين) unless the entry's frame makes it the patient (اغتيال الحريري).
"بين X و Y" gives a pair, and "X و Y" joined by a conjunction stay together.  No
argument is looked for across a clause break (a comma, أن, الذي, another verb
trigger), and nothing is guessed when no participant fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hadath.events.lexicon import Lexicon, Sense
from hadath.events.participants import NISBA_ENDINGS, TIME_PREPS, Participant, accusative_of_listed, noun_phrase
from hadath.events.segments import SentenceView, has_conj

SUBJECT_GAP = 6  # tokens between a verb and its subject (titles, adverbs: أمس)
GENITIVE_GAP = 2  # tokens between a verbal noun and its genitive (an adjective)
PLACE_WINDOW = 16
ARG_WINDOW = 14  # tokens: "استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي مايك بومبيو"
SVO_GAP = 3  # tokens between a subject before the verb and the verb (adjectives)
TIGHT_SVO = 2  # a subject this close before the verb wins over a participant after it
COUNTED_ACTORS = frozenset({"PROTEST"})  # تظاهر آلاف السودانيين: a counted subject acts
# Types whose object is often an unnamed thing or person (خطفوا مصورا فرنسيا): any noun will do.
OBJECT_FALLBACK = frozenset({"ASSAULT", "COERCE"})
NAMED_GROUPS = ("ORG", "LOC")  # what members belong to: قادة حماس, وفد كوريا الجنوبية


@dataclass(frozen=True, slots=True)
class Head:
    """The matched trigger as the argument rules see it."""

    first: int  # first and last token of the trigger's head
    last: int
    tokens: frozenset[int]  # every matched token
    noun: bool  # the trigger is a verbal noun, not a verb
    sense: Sense
    relative: bool = False  # a verb right after a noun trigger of its type: هجوم استهدف دورية


@dataclass(frozen=True, slots=True)
class Roles:
    sources: tuple[Participant, ...] = ()
    targets: tuple[Participant, ...] = ()
    place: Participant | None = None


def clause_breaks(view: SentenceView, lexicon: Lexicon, verb_tokens: set[int]) -> list[bool]:
    """For each token of the sentence, whether it ends a clause for argument search."""
    marks = lexicon.cues.words("clause_marks")
    breaks = [t.kind == "punct" and t.norm in marks for t in view.tokens]
    for seq in lexicon.cues["clause_breaks"]:
        start = 0
        while (at := view.find(seq, start, len(view.segs))) is not None:
            breaks[view.seg_token[at]] = True
            start = at + 1
    for i in verb_tokens:
        breaks[i] = True
    return breaks


def assign(
    view: SentenceView, parts: Sequence[Participant], head: Head, breaks: Sequence[bool], lexicon: Lexicon
) -> Roles:
    info = lexicon.types[head.sense.type]
    window = ARG_WINDOW
    # measured to where the participant's noun phrase starts (its titles: "قائد الجيش … المشير حفتر")
    after = [p for p in parts if p.first > head.last and _phrase_start(p, head) - head.last <= window
             and not _crosses(breaks, head.last, p.first, head.tokens)]
    before = [p for p in parts if p.last < head.first and head.first - p.last <= window
              and not _crosses(breaks, p.last, head.first, head.tokens)]
    pair = _between(view, after, head, lexicon)
    taken = {i for p in parts for i in range(p.first, p.last + 1)}

    particles = lexicon.cues.words("svo_particles")
    containers, pronoun_preps = lexicon.cues.words("container_pronouns"), lexicon.pronoun_preps
    members = lexicon.cues.words("member_nouns")

    def behind_pronoun(p: Participant | None) -> bool:  # "أصيب خلاله ثلاثة مسلحين": a whole phrase before it
        return p is not None and p.lead == head.last + 1 and view.stem(p.lead) in pronoun_preps

    def is_bare(p: Participant) -> bool:
        # Bare: no preposition, and not the genitive of some other noun (مقر قيادة الجيش, قادة حماس).
        return p.prep is None and (
            p.lead < 0 or p.lead in head.tokens or breaks[p.lead]
            or (p.lead in taken and not (p.kind in NAMED_GROUPS and view.stem(p.lead) in members))
            or view.stem(p.lead) in particles  # وكان حفتر قد زار
            or behind_pronoun(p)
        )

    bare = [p for p in after if is_bare(p)]
    marked = [p for p in after + before if _agent_marked(view, p, lexicon)]
    frame = head.sense.frame
    itself = next((p for p in parts if head.first <= p.first <= head.last), None)
    if itself is not None and head.noun:  # "المتظاهرون", "المهاجمون": the trigger names its actors
        obj = _group(next((p for p in after if p.prep in info.target_preps), None), parts, view)
        return _roles((itself,), obj, parts, view, head, lexicon)
    if head.noun:
        genitive = next((p for p in bare if p.first - head.last <= GENITIVE_GAP + 1), None)
        if genitive is not None and genitive.kind == "LOC" and head.sense.type == "CONSULT":
            genitive = None  # "محادثات ستوكهولم": where the talks were, not who held them
        if genitive is not None and genitive.counted and head.sense.type not in COUNTED_ACTORS:
            if head.sense.type != "ASSAULT":
                genitive = None  # إرسال ألف جندي: the counted are what is moved, not an actor
            elif frame != "passive":  # قتلى, هجوم: counted people after it are its victims
                return _roles(marked, _group(genitive, parts, view), parts, view, head, lexicon)
        subject = _group(genitive, parts, view)
        prepped = next((p for p in after if p.prep in info.target_preps and p not in subject), None)
        obj = _group(prepped, parts, view)
        if frame == "passive":
            if not (subject or obj) and head.sense.type in OBJECT_FALLBACK:  # مقتل رجل دين: any noun
                obj = _object_phrase(view, head, (), breaks, taken, info.target_preps, lexicon)
            return _roles(marked, subject or obj, parts, view, head, lexicon)
        if not subject:  # "قام مسلحون بخطف ...": the support verb's subject acts
            support = lexicon.cues["support_verbs"]
            carried = [p for p in before if is_bare(p) and head.first - p.last <= SVO_GAP + 1
                       and p.lead >= 0 and view.has_any(support, view.first_seg[p.lead], view.first_seg[p.lead] + 1)]
            subject = _group(carried[-1], parts, view) if carried else ()
        if pair and not subject:
            subject, obj = (pair[:1], pair[1:]) if frame != "mutual" else (pair, ())
        if frame == "mutual":
            return _roles([*subject, *obj], (), parts, view, head, lexicon)
        if frame == "host":
            return _roles(obj, subject, parts, view, head, lexicon)
        return _roles(subject, obj, parts, view, head, lexicon)
    # A subject right before the verb (الجيش قصف; كان حفتر قد زار موسكو) makes the
    # participant after it the object; otherwise Arabic is verb-first.
    svo = [p for p in before if is_bare(p) and p not in marked and _svo(view, p, head, lexicon)]
    first_bare = next((p for p in bare if p.first - head.last <= SUBJECT_GAP + 1
                       and (p.counted or not _accusative(view, p, lexicon))), None)
    if head.relative:  # "هجوم استهدف دورية": the noun before is the subject, the one after the object
        obj = _group(first_bare, parts, view)
        return _roles(svo[-1:] if svo else (), obj, parts, view, head, lexicon)
    verb_first = behind_pronoun(first_bare)  # "اتهم خلاله الرئيس": the subject follows the verb
    if svo and (first_bare is None or (head.first - svo[-1].last <= TIGHT_SVO and not verb_first)):
        subject = _group(svo[-1], parts, view)
        rest = after
    else:
        subject = _group(first_bare, parts, view)
        rest = [p for p in after if not subject or p.first > subject[-1].last]
    prepped = next((p for p in rest if (is_bare(p) or p.prep in info.target_preps) and p not in marked), None)
    obj = _group(prepped, parts, view)
    if (subject and not obj and frame != "passive" and first_bare is not None and subject[0] is first_bare
            and verb_first and view.stem(first_bare.lead) in containers):
        subject, obj = (), subject  # "زيارة يلتقي خلالها الرئيس": the unnamed visitor meets him
    if pair and not obj and pair[0] not in subject and frame != "passive":  # "اغتيل … بين بيروت وطرابلس": a route
        obj = pair if subject else pair[1:]
        subject = subject or pair[:1]
    counted = bool(subject) and subject[0].counted and subject[0].first > head.last
    victims = lexicon.cues.words("victim_nouns")
    lone_victim = bool(subject) and not obj and view.stem(subject[0].first) in victims
    if (counted or lone_victim) and head.sense.type not in COUNTED_ACTORS:
        if head.sense.type == "ASSAULT":  # قتل 5 جنود, وقتل شخص: the victims
            return _roles(marked, subject, parts, view, head, lexicon)
        if counted:
            subject = ()  # أرسل ألف جندي: the counted are what is moved, not an actor
    if not obj and subject and head.sense.type in OBJECT_FALLBACK and frame == "agent":
        obj = _object_phrase(view, head, subject, breaks, taken, info.target_preps, lexicon)
    if frame == "passive":  # a passive verb has no object: a participant far after it is not its subject
        near = tuple(p for p in obj if p.first - head.last <= SUBJECT_GAP + 1)
        return _roles(marked, subject or near, parts, view, head, lexicon)
    if frame == "host":
        return _roles(obj, subject, parts, view, head, lexicon)
    if frame == "mutual":
        return _roles([*subject, *obj], (), parts, view, head, lexicon)
    return _roles(subject, obj, parts, view, head, lexicon)


def _phrase_start(p: Participant, head: Head) -> int:
    """First token of ``p``'s noun phrase after ``head``: after the token its walk back stopped at."""
    return p.lead + 1 if head.last < p.lead < p.first else p.first


def _object_phrase(
    view: SentenceView, head: Head, subject: Sequence[Participant], breaks: Sequence[bool], taken: set[int],
    target_preps: frozenset[str], lexicon: Lexicon,
) -> tuple[Participant, ...]:
    """The noun right after the subject (VSO) or the verb, or after على/ضد: the object."""
    start = subject[-1].last + 1 if subject and subject[-1].first > head.last else head.last + 1
    skip = lexicon.object_skips
    preps = lexicon.cues.words("prepositions")
    i = start
    while i < len(view.tokens) and i - start <= SUBJECT_GAP:
        token = view.tokens[i]
        if breaks[i] or i in taken or i in head.tokens:
            return ()
        stem = view.stem(i)
        if token.kind == "number" or stem in skip:
            i += 1
            continue
        if stem in TIME_PREPS and i + 1 < len(view.tokens) and not breaks[i + 1] and (
                view.tokens[i + 1].kind == "number" or view.stem(i + 1) in skip):
            i += 2  # "خطفوا قبل ظهر أمس أميركيا": a time phrase before the object
            continue
        if token.kind != "word" or has_conj(token):
            return ()  # "قتلوا وأصيب العشرات": a word with و opens the next clause, not an object
        own = [p.norm for p in token.pieces if p.role == "prep"]
        if stem in preps:
            if stem not in target_preps or stem in ("ل", "ب"):
                return ()
            i += 1  # هجوم على المدرسة: the noun after على
            continue
        if own and not (set(own) & target_preps - {"ل", "ب"}):
            return ()
        return (noun_phrase(view, i, lexicon, frozenset(taken)),)
    return ()


def _accusative(view: SentenceView, part: Participant, lexicon: Lexicon) -> bool:
    """A listed noun with the indefinite accusative ا (اغتالت … ناشطا): an object, never a subject."""
    if not (part.kind == "NOUN" and accusative_of_listed(view.stem(part.first), lexicon.party_nouns)):
        return False
    # "اتفق زعيما كوريا": a dual in construct looks the same, and a genitive follows it
    after = part.last + 1
    return not (after < len(view.tokens) and (view.stem(after) == "كل" or any(
        p.role == "article" for p in view.tokens[after].pieces)))


def _svo(view: SentenceView, part: Participant, head: Head, lexicon: Lexicon) -> bool:
    """Whether ``part`` can be the subject of a verb after it: only particles, adjectives and
    time words stand between (الجيش الإسرائيلي قصف; كان الجيش قد قصف)."""
    between = range(part.last + 1, head.first)
    if len(between) > SVO_GAP + 2:
        return False
    allowed = lexicon.verb_particles
    return all(
        view.tokens[k].kind == "word" and (view.stem(k) in allowed or view.stem(k).endswith(NISBA_ENDINGS))
        for k in between
    )


def _roles(
    sources: Sequence[Participant], targets: Sequence[Participant], parts: Sequence[Participant],
    view: SentenceView, head: Head, lexicon: Lexicon,
) -> Roles:
    sources = _dedupe(sources)
    targets = tuple(t for t in _dedupe(targets) if t not in sources)
    used = set(sources) | set(targets)
    place = _place(parts, used, view, head, lexicon)
    if place is None and head.sense.type == "CONSULT":
        place = next((t for t in targets if t.kind == "LOC"), None)
    return Roles(sources, targets, place)


def _dedupe(items: Sequence[Participant]) -> tuple[Participant, ...]:
    seen: list[Participant] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return tuple(seen)


def _crosses(breaks: Sequence[bool], a: int, b: int, own: frozenset[int]) -> bool:
    return any(breaks[k] and k not in own for k in range(a + 1, b))


def _group(first: Participant | None, parts: Sequence[Participant], view: SentenceView) -> tuple[Participant, ...]:
    """``first`` and the participants joined to it by و (X و Y)."""
    if first is None:
        return ()
    group = [first]
    for part in parts:
        if part.first <= group[-1].last:
            continue
        gap = part.first - group[-1].last
        joined = (gap == 1 and has_conj(view.tokens[part.first])) or (
            gap == 2 and view.tokens[group[-1].last + 1].norm == "و"
        )
        if not joined or part.prep is not None:
            break
        group.append(part)
    return tuple(group)


def _between(view: SentenceView, after: Sequence[Participant], head: Head, lexicon: Lexicon) -> tuple[Participant, ...]:
    """"بين X و Y" after the trigger: the pair, else nothing.  X must stand near the trigger
    ("محادثات بين X و Y"); a pair far after it is a route or a frontier."""
    markers = lexicon.cues.words("between")
    for k, part in enumerate(after[:-1]):
        if part.first - head.last > SUBJECT_GAP + 1:
            break
        if part.prep in markers or (part.first > 0 and view.stem(part.first - 1) in markers):
            other = after[k + 1]
            if has_conj(view.tokens[other.first]) or view.tokens[other.first - 1].norm == "و":
                return (part, other)
    return ()


def _agent_marked(view: SentenceView, part: Participant, lexicon: Lexicon) -> bool:
    """An agent marker right before the participant: على يد X, برصاص X, من قبل X."""
    start = view.first_seg[part.first]
    return any(view.find(seq, start - len(seq), start) is not None for seq in lexicon.cues["agent_markers"])


def _place(
    parts: Sequence[Participant], used: set[Participant], view: SentenceView, head: Head, lexicon: Lexicon
) -> Participant | None:
    place_preps = lexicon.cues.words("place_preps")
    best: tuple[int, Participant] | None = None
    for part in parts:
        if part.kind != "LOC" or part in used or part.prep not in place_preps:
            continue
        distance = part.first - head.last if part.first > head.last else 2 * (head.first - part.last)
        if distance > PLACE_WINDOW:
            continue
        if best is None or distance < best[0]:
            best = (distance, part)
    return best[1] if best else None
