"""Second reading of an event's arguments: rules for slots the first reading left empty.

``args.assign`` reads the clause around the trigger; news sentences often name the
actors elsewhere, and these rules look for them in the whole sentence:

- a perfect verb of violence after its counted or victim subject is passive
  ("ثمانية أشخاص قتلوا", "جنديا عراقيا قتل"): the subject is the target;
- an agent marker names the source wherever it stands ("هجوم نفذته طالبان",
  "طائرة تابعة للقوات الأميركية", "مظاهرة نظمها حزب ...");
- a nationality adjective on the trigger or its weapon names the side that fired
  ("صاروخ إسرائيلي", "ضربة جوية أمريكية"), but not one inside a participant's noun
  phrase before the verb ("القوات الأمريكية تعرضت لهجوم");
- a subject separated from its verb by a participle clause ("انتحاريا يقود سيارة
  مفخخة فجر نفسه") is taken when nothing else is found;
- a bomber noun right after a verb of violence is its subject ("فجر انتحاري نفسه");
- an actor in the nominative plural right after a verbal noun that is also a perfect
  verb is the verb's subject, not the noun's object ("خطف مسلحون");
- a protest's target follows "ضد", "مناهضة لـ", "احتجاجا على (زيارة) X", "تطالب بطرد X";
- a verb that continues the clause before it (و/ف on it, or after حيث, ثم, كما) and names
  no subject of its own shares that clause's subject, and then a lone named actor after
  it is its object ("وصل حفتر إلى موسكو حيث التقى شويغو": Haftar met Shoigu; ``carry.py``);
- frames around the clause (``outside.py``): claims (أعلنت X مسؤوليتها عن), support and
  control verbs (قام X بـ, شن X غارات), the speaker of أنها/أنهم, survivors (نجا X من)
  and tolls (أسفر عن مقتل X).

Rules only fill empty slots; the changes to what the first reading found are a victim
it took for the subject of a violent verb, which moves to the target slot, a
nominative actor it took for a verbal noun's object, which moves to the source slot,
and a possessed actor noun (قواته, جنوده), which gives way to its owner ("أعلن الجيش
أن قواته قتلت": the army).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from hadath.events import outside
from hadath.events.args import ARG_WINDOW, Head, Roles
from hadath.events.carry import after_another_verb, after_verb, carried_subject, continues, pro_drop
from hadath.events.lexicon import Lexicon
from hadath.events.participants import Participant, noun_phrase
from hadath.events.segments import RELATIVES, Segments, SentenceView, SeqSet
from hadath.text.normalise import normalise

NATIONALITY_ENDINGS = ("", "ه", "ين", "ون", "ان")
WEAPON_REACH = 4  # tokens around the trigger searched for a nationality adjective
TARGET_REACH = 3  # tokens after a protest cue searched for its target
PASSIVE_TYPES = frozenset({"ASSAULT"})
OWNERSHIP = frozenset(map(normalise, ("تابع", "تابعة")))  # "طائرة تابعة للقوات": an agent marker only before the object
ATTACK_PREPS = frozenset(map(normalise, ("على", "ضد")))  # what an attack is aimed at (أطلق النار على X)


def complete(
    view: SentenceView, parts: Sequence[Participant], head: Head, breaks: Sequence[bool], lexicon: Lexicon,
    roles: Roles,
) -> Roles:
    """``roles`` with empty source/target slots filled by the sentence-wide rules."""
    frame = head.sense.frame  # a noun trigger's head already carries its noun frame
    roles = _passive_subject(view, head, lexicon, roles, frame)
    roles = _nominative_agent(view, head, lexicon, roles)
    carried = None
    if frame != "passive" and continues(view, head, lexicon):
        carried = carried_subject(view, parts, head, breaks, lexicon)
        if carried is not None:  # the other rules come first for an empty source, except for mutual verbs
            roles = pro_drop(view, head, breaks, lexicon, roles, carried, fill_empty=frame == "mutual")
        elif after_another_verb(view, head, breaks, lexicon):
            roles = pro_drop(view, head, breaks, lexicon, roles, None, fill_empty=False)
    if frame == "mutual":
        return roles
    if not roles.sources and not head.noun and frame == "agent" and head.sense.type in PASSIVE_TYPES:
        bomber = _bomber_after(view, head, lexicon)
        if bomber is not None and bomber not in roles.targets:
            roles = replace(roles, sources=(bomber,))
    if not roles.sources and not roles.targets and not head.noun and frame in ("agent", "passive"):
        subject = _distant_subject(view, parts, head, breaks, nearest=True)
        if subject is not None and (frame == "passive" or _victim(view, subject, lexicon)):
            roles = replace(roles, targets=(subject,))  # "خمسة أشخاص ... قتلوا", "القوات تعرضت لهجوم"
    if head.sense.type in PASSIVE_TYPES and not roles.targets:
        escaped = outside.survivor(view, parts, head, lexicon) or outside.casualties(view, parts, head, lexicon)
        if escaped is not None and escaped not in roles.sources:
            roles = replace(roles, targets=(escaped,))
    if frame == "passive" and not roles.targets:
        speaker = outside.speaker(view, parts, head, lexicon)  # "أعلنت السفارة أنها تعرضت لهجوم"
        if speaker is not None and speaker not in roles.sources:
            roles = replace(roles, targets=(speaker,))
    if not roles.sources:
        found = (
            outside.claimant(view, parts, head, lexicon) or outside.carrier(view, parts, head, lexicon)
            or outside.controller(view, parts, head, lexicon)
            or (outside.speaker(view, parts, head, lexicon) if frame == "agent" else None)
            or _marked(view, parts, head, lexicon, roles) or _nationality(view, head, breaks, lexicon, parts)
        )
        if found is None and not head.noun and frame == "agent":
            subject = _distant_subject(view, parts, head, breaks)
            victim = subject is not None and head.sense.type in PASSIVE_TYPES and _victim(view, subject, lexicon)
            found = subject if subject is not None and subject not in roles.targets and not victim else None
            if found is not None and carried is not None and after_verb(view, found, breaks, lexicon):
                found = None  # the object of the verb before, not this one's subject
        if found is None and carried is not None and carried not in roles.targets:
            found = carried
        if found is not None:
            roles = replace(roles, sources=(found,), targets=tuple(t for t in roles.targets if t != found))
    if not roles.targets and head.sense.type == "PROTEST":
        target = _protest_target(view, parts, head, lexicon, roles)
        if target is not None:
            roles = replace(roles, targets=(target,))
    return _owned(view, parts, lexicon, roles)


def _owned(view: SentenceView, parts: Sequence[Participant], lexicon: Lexicon, roles: Roles) -> Roles:
    """Possessed actor nouns (قواته, جنوده) replaced by their owner, and members (قادة حركة حماس)
    by their organisation, unless that one already plays the other role (an army does not
    attack its own soldiers)."""
    def resolve(slot: tuple[Participant, ...], other: tuple[Participant, ...]) -> tuple[Participant, ...]:
        out = []
        for part in slot:
            found = outside.owner(view, parts, part, lexicon) or outside.organisation(view, parts, part, lexicon)
            out.append(found if found is not None and found not in other and found not in out else part)
        return tuple(dict.fromkeys(out))  # "العناصر وحزب الله" may name the party twice

    sources = resolve(roles.sources, roles.targets)
    return replace(roles, sources=sources, targets=resolve(roles.targets, sources))


def _victim(view: SentenceView, part: Participant, lexicon: Lexicon) -> bool:
    return part.counted or view.stem(part.first) in lexicon.cues.words("victim_nouns")


def _passive_subject(view: SentenceView, head: Head, lexicon: Lexicon, roles: Roles, frame: str) -> Roles:
    """"خمسة أشخاص قتلوا": a victim before a perfect verb of violence is its target.  A
    target found behind ل ("في هجوم على مركز للجيش") does not make the verb active; one
    behind على does ("حارسا أطلق النار على رجل")."""
    if (head.noun or frame != "agent" or head.sense.type not in PASSIVE_TYPES
            or any(t.prep is None or t.prep in ATTACK_PREPS for t in roles.targets) or len(roles.sources) != 1):
        return roles
    subject = roles.sources[0]
    if subject.last >= head.first or not _victim(view, subject, lexicon):
        return roles
    return replace(roles, sources=(), targets=(subject,))


def _nominative_agent(view: SentenceView, head: Head, lexicon: Lexicon, roles: Roles) -> Roles:
    """"خطف مسلحون": a verbal noun that is also a perfect verb, followed by an actor in the
    nominative plural (ـون, never the genitive of a noun's object), is that verb's subject."""
    if not head.noun or roles.sources or not roles.targets:
        return roles
    first = roles.targets[0]
    stem = view.stem(first.first)
    if (first.kind != "NOUN" or first.first != head.last + 1 or first.prep is not None
            or not stem.endswith("ون") or stem not in lexicon.cues.words("actor_nouns") or _victim(view, first, lexicon)
            or any(p.role not in ("stem", "conj") for p in view.tokens[head.last].pieces)):
        return roles
    return replace(roles, sources=(first,), targets=roles.targets[1:])


def _bomber_after(view: SentenceView, head: Head, lexicon: Lexicon) -> Participant | None:
    """"فجرت انتحارية نفسها", "استهدف انتحاري اجتماعا": a bomber noun right after the verb is
    its subject.  Elsewhere the word is mostly an adjective (هجوم انتحاري), so it is not a
    participant of its own."""
    i = head.last + 1
    if i < len(view.tokens) and view.stem(i) in lexicon.cues.words("bomber_nouns"):
        return noun_phrase(view, i, lexicon)
    return None


def _marked(
    view: SentenceView, parts: Sequence[Participant], head: Head, lexicon: Lexicon, roles: Roles
) -> Participant | None:
    """The participant nearest the trigger that stands right after an agent marker."""
    markers = _by_last(lexicon.cues["agent_markers"])
    relatives = _relative_agents(view, head, lexicon)
    best: tuple[int, Participant] | None = None
    for part in parts:
        if part in roles.targets or head.first <= part.first <= head.last:
            continue
        token_start = view.first_seg[part.first]
        stem_seg = token_start + len([p for p in view.tokens[part.first].pieces if p.role == "prep"])
        # "تبنت حركة طالبان": the marker may stand before the participant's noun phrase (titles, counts)
        phrase_start = view.first_seg[part.lead + 1] if 0 <= part.lead < part.first - 1 else token_start
        ends = {end for end in (token_start, stem_seg, phrase_start) if end > 0}
        found = [
            (end - len(seq), seq) for end in ends for seq in markers.get(view.segs[end - 1], ())
            if view.segs[max(0, end - len(seq)) : end] == seq
        ] + [marker for end in ends for marker in relatives.get(end, ())]
        # "فجر حافلة تابعة للشرطة": what belongs to X is the verb's object, so X was hit, not hitting;
        # an owner counts for a verbal noun after it ("غارة شنتها طائرة تابعة للقوات"), not before
        owned = all(seq[0] in OWNERSHIP for _, seq in found)
        if not found or (owned and (part.last < head.first or _clause_between(view, head.last, part.first)
                                    if head.noun else any(view.seg_token[at] == head.last + 2 for at, _ in found))):
            continue
        distance = abs(part.first - head.first)
        if best is None or distance < best[0]:
            best = (distance, part)
    return best[1] if best else None


def _relative_agents(view: SentenceView, head: Head, lexicon: Lexicon) -> dict[int, list[tuple[int, Segments]]]:
    """Relative agent markers (عقده, أجراها) right after a trigger noun, at once or behind a
    relative ("المحادثات التي أجراها"), by the segment they end before: (start segment, marker)."""
    out: dict[int, list[tuple[int, Segments]]] = {}
    if not head.noun:
        return out
    after = head.last + 2 if head.last + 1 < len(view.tokens) and view.stem(head.last + 1) in RELATIVES \
        else head.last + 1
    starts = [s for s, t in enumerate(view.seg_token) if t == head.last + 1 or t == after]
    for start in starts:
        for seq in lexicon.cues["relative_agents"].by_first.get(view.segs[start], ()):
            if view.segs[start : start + len(seq)] == seq:
                out.setdefault(start + len(seq), []).append((start, seq))
    return out


def _clause_between(view: SentenceView, after: int, before: int) -> bool:
    """Whether a comma or the like stands between tokens ``after`` and ``before``: an owner
    there belongs to another clause ("…، منذ تعيينه قائدا للجيش التابع لمجلس النواب")."""
    tokens = view.tokens
    return any(tokens[k].kind == "punct" and tokens[k].norm in outside.CLAUSE_ENDS
               and tokens[k + 1].norm not in OWNERSHIP  # "قافلة مساعدات، تابعة للأمم المتحدة": in apposition
               for k in range(after + 1, before))


@cache
def _by_last(seqs: SeqSet) -> dict[str, tuple[Segments, ...]]:
    """Marker sequences by their last segment: a participant checks only the markers that can end before it."""
    out: dict[str, list[Segments]] = {}
    for seq in seqs:
        out.setdefault(seq[-1], []).append(seq)
    return {k: tuple(v) for k, v in out.items()}


def _nationality(
    view: SentenceView, head: Head, breaks: Sequence[bool], lexicon: Lexicon, parts: Sequence[Participant]
) -> Participant | None:
    """A nationality adjective on the trigger, the weapon right after it, or the weapon
    right before a verb ("دبابات روسية فتحت النار"); ASSAULT only."""
    if head.sense.type != "ASSAULT":
        return None
    nations = lexicon.cues.words("nationalities")
    taken = frozenset(i for p in parts for i in range(p.first, p.last + 1))
    start = head.first
    while not head.noun and start > 0 and head.first - start < WEAPON_REACH and not breaks[start - 1]:
        start -= 1
    for i in range(start, min(len(view.tokens), head.last + 1 + WEAPON_REACH)):
        if i > head.last and (breaks[i] or i in taken):
            return None
        if i < head.first and i in taken:
            continue  # "القوات الأميركية تعرضت لهجوم": the adjective belongs to an actor's noun phrase
        stem = view.stem(i)
        if view.tokens[i].kind == "word" and any(
            stem.endswith(end) and stem[: len(stem) - len(end)] in nations for end in NATIONALITY_ENDINGS
        ):
            return noun_phrase(view, i, lexicon, taken)
    return None


def _distant_subject(
    view: SentenceView, parts: Sequence[Participant], head: Head, breaks: Sequence[bool], nearest: bool = False
) -> Participant | None:
    """The first bare participant of the verb's clause, before the verb (a participle clause
    may stand between: "انتحاريا يستقل سيارة مشابهة لسيارات الشرطة فجر نفسه")."""
    found: Participant | None = None
    for part in reversed(parts):
        if part.last >= head.first or head.first - part.last > ARG_WINDOW:
            continue
        if any(breaks[k] for k in range(part.last + 1, head.first)):
            break
        if part.prep is None:
            found = part
        if found is not None and nearest:
            break
    return found


def _protest_target(
    view: SentenceView, parts: Sequence[Participant], head: Head, lexicon: Lexicon, roles: Roles
) -> Participant | None:
    """What a protest is against: the participant after "ضد", "مناهضة لـ", "احتجاجا على" ..."""
    cues = lexicon.cues["protest_targets"]
    topics = lexicon.cues.words("protest_topics")
    skip = lexicon.cues.words("skip_words") | lexicon.cues.words("titles")
    start = view.first_seg[head.first]
    found = view.first_of(cues, start, len(view.segs))
    if found is None:
        return None
    at, cue = found
    last = at + len(cue) - 1
    token = view.seg_token[last]
    # "مناهضة للحكومة": the cue's preposition is a clitic on the target's own word
    after = token if last + 1 < len(view.segs) and view.seg_token[last + 1] == token else token + 1
    # "تطالب السلطة": the object of a verb cue is bare; "تطالب بوقف": what is asked, not of whom
    prep = cue[-1] if cue[-1] in lexicon.cues.words("prepositions") else None
    for part in parts:
        if after <= part.first <= after + TARGET_REACH and part not in roles.sources and part.prep in (None, prep):
            return part
    i = after
    # "تطالب بحقوقهم" names a demand, not whom it is against; "تطالب بطرد السفير" names both
    if (i < len(view.tokens) and prep is None and any(p.role == "prep" for p in view.tokens[i].pieces)
            and view.stem(i) not in topics):
        return None
    while i < len(view.tokens) and (view.stem(i) in topics or view.stem(i) in skip):
        i += 1
    if (i < len(view.tokens) and view.tokens[i].kind == "word" and i - after <= TARGET_REACH
            and view.stem(i) not in lexicon.cues.words("prepositions")
            and view.stem(i) not in lexicon.cues.words("clause_breaks")):  # "احتجاجا على ما وصفه": no noun
        taken = frozenset(k for p in parts for k in range(p.first, p.last + 1))
        return noun_phrase(view, i, lexicon, taken)
    return None
