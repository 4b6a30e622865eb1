"""Subjects carried across coordinated clauses: Arabic drops the subject of a verb that
continues its clause.

"وصل المشير خليفة حفتر إلى مقر الوزارة، حيث عقد جلسة مع الوزير شويغو": عقد has no
subject of its own, so it shares Haftar, and a lone name after such a verb ("والتقى
شويغو") is its object, not its subject.  A verb continues its clause when و or ف is on
it or حيث, ثم, كما stands before it (``continuing_words`` in ``data/cues.yaml``).  The
limits each come from a wrong case on ANT: not across أن or a quotation, not for a
singular verb followed by a subject of its own ("ودعت الصحيفة", "واستقبل الأخير"), not
the object of an earlier verb ("هاجموا المزارعين واعتدوا عليهم"), and never for a
passive verb.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hadath.events.args import Head, Roles
from hadath.events.lexicon import Lexicon
from hadath.events.outside import PARTITIVE
from hadath.events.participants import Participant, own_prep
from hadath.events.segments import SentenceView, has_article, has_conj

QUOTES = frozenset('"«»“”')
CARRY_REACH = 20  # tokens from a continuing verb back to the subject it shares
MIN_VERB_STEM = 3  # letters a verb keeps once an object pronoun is taken off (استقبله → استقبل)


def continues(view: SentenceView, head: Head, lexicon: Lexicon) -> bool:
    """Whether the trigger is a verb that continues its clause (the rules below apply only then)."""
    return not (head.noun or head.relative) and _continues(view, head.first, lexicon.cues.words("continuing_words"))


def carried_subject(
    view: SentenceView, parts: Sequence[Participant], head: Head, breaks: Sequence[bool], lexicon: Lexicon
) -> Participant | None:
    """The subject of the clause a continuing verb (``continues``) shares: the nearest named
    person before it with no preposition, or an organisation or actor noun that opens its
    clause; None when the verb names its own subject or none is found."""
    if _own_subject(view, parts, head, lexicon):
        return None
    continuing = lexicon.cues.words("continuing_words")
    victims, openers = lexicon.cues.words("victim_nouns"), lexicon.clause_openers
    complementizers = lexicon.cues.words("complementizers")
    clause_starts = continuing | complementizers
    for part in reversed(parts):
        if part.last >= head.first:
            continue
        if head.first - part.last > CARRY_REACH or any(
                view.stem(k) in complementizers or view.tokens[k].norm in QUOTES
                for k in range(part.last + 1, head.first)):
            return None  # another clause: reported speech, a quotation
        if part.prep is not None or part.kind in ("LOC", "MISC"):
            continue
        if view.stem(part.first) in victims:
            continue
        # not after a verb: "هاجموا المواطنين" is an object, and "قد تولى السلطة" (the walk back
        # reads a verb in ى as a nisba) is no clause opening
        lead = part.lead
        if not all(_in_phrase(view, k, lexicon) for k in range(lead + 1, part.first)):
            continue
        verb = part.first - 1
        if verb >= 0 and breaks[verb] and view.tokens[verb].kind == "word" and _continues(view, verb, continuing):
            continue  # "والتقى شويغو": the object of an earlier continuing verb
        if _opens(view, lead, breaks, openers):
            return part
        # a person right after the first word of a clause, its verb ("وصل المشير خليفة حفتر"),
        # not after كان or قد, which follow a subject of their own ("كانت المحكمة قد أدانت أزاريا")
        token = view.tokens[lead]
        if part.kind == "PER" and token.kind == "word" and _opens(view, lead - 1, breaks, clause_starts) \
                and own_prep(token) is None and not has_article(token):
            return part
    return None


def _opens(view: SentenceView, i: int, breaks: Sequence[bool], openers: frozenset[str]) -> bool:
    """Whether a clause starts after token ``i``: the sentence's start, a punctuation mark or an opener."""
    return i < 0 or (breaks[i] and view.tokens[i].kind == "punct") or view.stem(i) in openers


def _own_subject(view: SentenceView, parts: Sequence[Participant], head: Head, lexicon: Lexicon) -> bool:
    """Whether a singular verb names a subject of its own right after it that is no participant:
    a definite noun, a count or a word such as الأخير (a plural or dual verb has its subject in it)."""
    stem = view.stem(head.last)
    for suffix in lexicon.cues.words("object_pronouns"):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_VERB_STEM:
            stem = stem[: -len(suffix)]
            break
    if stem.endswith(tuple(lexicon.cues.words("plural_verb_endings"))):
        return False
    i = head.last + 1
    while i < len(view.tokens) and view.tokens[i].kind == "word" and view.stem(i) in lexicon.verb_particles:
        i += 1
    if i >= len(view.tokens):
        return False
    token = view.tokens[i]
    own = next((p for p in parts if p.first <= i <= p.last or p.lead < i < p.first), None)
    if own is not None:  # a named actor: the rule for a lone named actor decides
        return own.kind not in ("PER", "ORG")
    if token.kind == "number" or view.stem(i) in lexicon.counts:
        return True
    return token.kind == "word" and (
        view.stem(i) in lexicon.cues.words("subject_words")
        or (has_article(token) and not own_prep(token)))


def _in_phrase(view: SentenceView, i: int, lexicon: Lexicon) -> bool:
    """A word of a noun phrase before its head: with the article, a title or a count (العشرات من)."""
    token, stem = view.tokens[i], view.stem(i)
    return (token.kind == "number" or has_article(token)
            or stem in lexicon.title_words or stem in lexicon.counts or stem == PARTITIVE)


def _continues(view: SentenceView, i: int, continuing: frozenset[str]) -> bool:
    """Whether the word at ``i`` continues the clause before it: و/ف on it, or حيث, ثم, كما before."""
    return i >= 0 and (has_conj(view.tokens[i]) or (i > 0 and view.stem(i - 1) in continuing))


def after_another_verb(view: SentenceView, head: Head, breaks: Sequence[bool], lexicon: Lexicon) -> bool:
    """Whether a trigger verb of the sentence stands before this continuing verb, whose subject
    is then unnamed ("فقد زارها في يونيو …، والتقى شويغو": whoever visited met Shoigu)."""
    openers = lexicon.clause_openers
    return any(breaks[k] and view.tokens[k].kind == "word" and view.stem(k) not in openers
               for k in range(head.first))


def pro_drop(
    view: SentenceView, head: Head, breaks: Sequence[bool], lexicon: Lexicon, roles: Roles,
    carried: Participant | None, fill_empty: bool,
) -> Roles:
    """Roles of a continuing verb with the carried subject (None: an unnamed one): a lone
    named actor the first reading took for the subject becomes the object, unless the verb
    carries an object pronoun (واستقبله بوتين) or takes no object (وتظاهر المئات); with
    ``fill_empty`` the carried subject also fills an empty source."""
    if carried is not None and (carried in roles.targets or carried in roles.sources):
        return roles
    pronoun = _object_pronoun(view, head, lexicon)
    if carried is None:
        return _lone_object(view, head, lexicon, roles, pronoun, ())
    if head.sense.frame == "host" and not pronoun:  # the carried subject hosts: "عاد إلى القصر واستقبل الوفد"
        if roles.sources or len(roles.targets) != 1 or roles.targets[0].first < head.last:
            return roles
        return replace(roles, sources=roles.targets, targets=(carried,))
    if not roles.sources:  # "وصل أردوغان واستقبله بوتين": the one the pronoun names visits
        return replace(roles, sources=(carried,)) if fill_empty or head.sense.frame == "host" else roles
    lone = roles.sources[0]
    if len(roles.sources) == 1 and lone.last < head.first and after_verb(view, lone, breaks, lexicon):
        # "هاجموا المزارعين واعتدوا عليهم": the earlier verb's object is not this one's subject
        return replace(roles, sources=(carried,))
    return _lone_object(view, head, lexicon, roles, pronoun, (carried,))


def _lone_object(
    view: SentenceView, head: Head, lexicon: Lexicon, roles: Roles, pronoun: bool, subject: tuple[Participant, ...]
) -> Roles:
    """A lone named actor after a continuing verb, taken for its subject, is its object."""
    if len(roles.sources) != 1 or roles.targets or head.sense.frame == "host":
        return roles
    lone = roles.sources[0]
    if lone.first < head.last or lone.kind not in ("PER", "ORG") or lone.counted or pronoun:
        return roles
    members = lexicon.cues.words("member_nouns")
    if not all(_in_phrase(view, k, lexicon) and view.stem(k) not in members for k in range(head.last + 1, lone.first)):
        return roles  # "ووافق أعضاء مجلس الأمن": the members, not the council, follow the verb
    if head.sense.type == "PROTEST":
        return roles
    return replace(roles, sources=subject, targets=(lone,))


def after_verb(view: SentenceView, part: Participant, breaks: Sequence[bool], lexicon: Lexicon) -> bool:
    """Whether ``part`` stands right after a trigger verb: a word that breaks the clause but is
    no clause opener (trigger verbs put the other breaks)."""
    lead = part.lead
    return lead >= 0 and lead == part.first - 1 and breaks[lead] and view.tokens[lead].kind == "word" \
        and view.stem(lead) not in lexicon.clause_openers


def _object_pronoun(view: SentenceView, head: Head, lexicon: Lexicon) -> bool:
    stem = view.stem(head.first)
    return any(stem.endswith(p) for p in lexicon.cues.words("object_pronouns"))
