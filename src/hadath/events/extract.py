"""Event mentions of one article: triggers per sentence, then mode, flags, arguments, date.

Triggers of one type in one sentence that report the same action (same flags,
arguments that do not contradict) are merged into one mention: "هجوم انتحاري
بسيارة مفخخة استهدف دورية" is one ASSAULT, not three.  An action that is the
content of a request, threat or promise earlier in its clause is flagged as not
having happened.  Where the learned detector is given, it scores each sentence
for its types: a lexicon mention it scores very low is dropped (talk about attacks
is not an attack), and a sentence it scores very high gets a mention even without
a lexicon trigger.  The score stays on the mention: ``TypeModel.reports`` says
whether the sentence is about the event rather than mentioning it in passing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from hadath.events.args import Head, Roles, assign, clause_breaks
from hadath.events.detector import Detector
from hadath.events.features import sentence_features
from hadath.events.fill import complete
from hadath.events.flags import trigger_flags
from hadath.events.lexicon import Lexicon, Sense, load_lexicon
from hadath.events.match import Match, choose_mode, find_triggers
from hadath.events.participants import Participant, participants
from hadath.events.segments import SentenceView, SeqSet
from hadath.model import UNKNOWN_DATE, DateValue, EventMention, Mention, Sentence, Span, Timex, Token

DateFn = Callable[..., DateValue]
RELATIVE_GAP = 6  # segments between a noun trigger and a verb that describes it
# Types whose modes are different acts (an ASSAULT's modes describe one attack's weapons).
DISTINCT_MODES = frozenset({"COERCE", "RETREAT", "SANCTION", "PROTEST", "CONSULT"})

@cache
def _attach_date() -> DateFn | None:
    """The timex stage's date attachment, when that stage is installed."""
    try:
        from hadath.timex.attach import attach_date
    except ImportError:
        return None
    return attach_date


def event_date(
    sentence: Span, trigger: Span, timexes: Sequence[Timex], published: DateValue, text: str | None = None
) -> DateValue:
    """The date of an action: attached from the text when possible, else the publication date."""
    attach = _attach_date()
    if attach is not None:
        return attach(sentence, trigger, timexes, published, text=text)
    if published.value is None:
        return UNKNOWN_DATE
    return DateValue(published.value, "published")


def extract_sentence(
    text: str,
    sentence: Span,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    timexes: Sequence[Timex] = (),
    published: DateValue = UNKNOWN_DATE,
    lexicon: Lexicon | None = None,
    detector: Detector | None = None,
) -> list[EventMention]:
    """Event mentions in one sentence; ``tokens`` and ``mentions`` are the sentence's own."""
    lexicon = lexicon or load_lexicon()
    view = SentenceView.of(tokens)
    matches = find_triggers(view, lexicon)
    may_fire = detector is not None and any(m.high <= 1.0 for m in detector.types.values())
    if not matches and not may_fire:
        return []
    context = _Context(text, view, participants(view, mentions, lexicon), sentence, timexes, published, lexicon)
    verb_tokens = {view.seg_token[m.first] for m in matches if m.aspect != "noun"}
    context.breaks.extend(clause_breaks(view, lexicon, verb_tokens))
    found = [(_event(context, match, _relative(view, matches, k)), match) for k, match in enumerate(matches)]
    events = _merge(_embed(view, found, lexicon), lexicon)
    if detector is not None:
        events = _detect(context, matches, events, detector)
    return events


@dataclass
class _Context:
    """What building a mention in one sentence needs."""

    text: str
    view: SentenceView
    parts: Sequence[Participant]
    sentence: Span
    timexes: Sequence[Timex]
    published: DateValue
    lexicon: Lexicon
    breaks: list[bool] = field(default_factory=list)


def _detect(
    context: _Context, matches: Sequence[Match], events: list[EventMention], detector: Detector
) -> list[EventMention]:
    """Score the sentence for the detector's types: veto, score, or add a mention."""
    features: dict[str, float] | None = None
    out = [e for e in events if e.type not in detector.types]
    for kind, model in detector.types.items():
        own = [e for e in events if e.type == kind]
        if not own and model.high > 1.0:
            continue
        if features is None:
            features = sentence_features(context.view.tokens, context.lexicon, context.view, matches)
        score = model.probability(features)
        kept = [replace(e, score=round(score, 4)) for e in own if not (e.happened and model.drops(score))]
        out.extend(kept)
        if score >= model.high and not any(e.happened for e in kept):
            added = _classifier_mention(context, kind, model.weights)
            if added is not None:
                out.append(replace(added, score=round(score, 4)))
    return sorted(out, key=lambda e: (e.trigger.start, e.type))


def _classifier_mention(context: _Context, kind: str, weights: Mapping[str, float]) -> EventMention | None:
    """A mention for a sentence the detector is sure of: the trigger is its strongest word."""
    view = context.view
    best: tuple[float, int] | None = None
    for i, token in enumerate(view.tokens):
        weight = weights.get("w:" + view.stem(i), 0.0) if token.kind == "word" else 0.0
        if weight > 0 and (best is None or weight > best[0]):
            best = (weight, i)
    if best is None:
        return None
    seg = (view.first_seg[best[1] + 1] if best[1] + 1 < len(view.tokens) else len(view.segs)) - 1
    sense = Sense(kind, None, "agent", "agent", SeqSet(()), SeqSet(()), frozenset(), frozenset(), f"{kind} detector")
    if not context.breaks:
        context.breaks.extend(clause_breaks(view, context.lexicon, set()))
    return _event(context, Match(sense, seg, seg + 1, frozenset({seg}), "noun"))


def _embed(
    view: SentenceView, found: Sequence[tuple[EventMention, Match]], lexicon: Lexicon
) -> list[tuple[EventMention, Match]]:
    """Flag actions that are the content of an earlier request, threat or promise in the clause."""
    out: list[tuple[EventMention, Match]] = []
    limit = lexicon.cues.numbers.get("clause_window", 14)
    for k, (event, match) in enumerate(found):
        for earlier, earlier_match in found[:k]:
            flag = lexicon.embedding.get(f"{earlier.type}:{earlier.mode}") or lexicon.embedding.get(earlier.type)
            if flag is None or earlier.type == event.type:
                continue
            between = range(max(earlier_match.segs) + 1, match.first)
            if len(between) <= limit and not any(_is_clause_mark(view, s, lexicon) for s in between):
                event = _flagged(event, flag)
        out.append((event, match))
    return out


def _flagged(event: EventMention, flag: str) -> EventMention:
    if flag == "negated":
        return replace(event, negated=True)
    if flag == "future":
        return replace(event, future=True)
    return replace(event, hypothetical=True)


def _is_clause_mark(view: SentenceView, seg: int, lexicon: Lexicon) -> bool:
    token = view.tokens[view.seg_token[seg]]
    return token.kind == "punct" and token.norm in lexicon.cues.words("clause_marks")


def _relative(view: SentenceView, matches: Sequence[Match], k: int) -> bool:
    """Whether verb trigger ``k`` opens a relative clause on the noun trigger just before it."""
    match = matches[k]
    if k == 0 or match.aspect == "noun":
        return False
    before = matches[k - 1]
    if before.aspect != "noun" or before.sense.type != match.sense.type:
        return False
    gap = range(max(before.segs) + 1, match.first)
    return len(gap) <= RELATIVE_GAP and not any(view.tokens[view.seg_token[s]].kind == "punct" for s in gap)


def _event(context: _Context, match: Match, relative: bool = False) -> EventMention:
    view, lexicon, sentence = context.view, context.lexicon, context.sentence
    head_last_seg = match.head_end - 1
    start = view.tokens[view.seg_token[match.first]].start if match.whole else view.seg_spans[match.first][0]
    trigger = Span(start, view.seg_spans[head_last_seg][1])
    noun = match.aspect == "noun"
    sense = match.sense
    head = Head(
        view.seg_token[match.first], view.seg_token[head_last_seg],
        frozenset(view.seg_token[s] for s in match.segs), noun,
        replace(sense, frame=sense.noun_frame) if noun else sense, relative,
    )
    roles: Roles = complete(
        view, context.parts, head, context.breaks, lexicon, assign(view, context.parts, head, context.breaks, lexicon)
    )
    flags = trigger_flags(view, match.first, max(match.segs), match.aspect, lexicon)
    return EventMention(
        type=sense.type,
        mode=choose_mode(view, match, lexicon),
        trigger=trigger,
        sentence=sentence,
        sources=tuple(p.span for p in roles.sources),
        targets=tuple(p.span for p in roles.targets),
        place=roles.place.span if roles.place else None,
        date=event_date(sentence, trigger, context.timexes, context.published, context.text),
        negated=flags.negated,
        future=flags.future,
        hypothetical=flags.hypothetical,
        reported=flags.reported,
    )


def _merge(found: Sequence[tuple[EventMention, Match]], lexicon: Lexicon) -> list[EventMention]:
    """One mention per action: same-type triggers with compatible arguments merge."""
    merged: list[tuple[EventMention, bool]] = []  # (mention, its trigger is a verb)
    for event, match in found:
        verb = match.aspect != "noun"
        for k, (kept, kept_verb) in enumerate(merged):
            if _same_action(kept, event):
                merged[k] = (_combine(kept, event, prefer_second=verb and not kept_verb), kept_verb or verb)
                break
        else:
            merged.append((event, verb))
    events = [
        event if event.mode else replace(event, mode=lexicon.types[event.type].default_mode)
        for event, _ in merged
    ]
    present = {e.type for e in events if e.happened}
    hidden = set().union(*(lexicon.suppress.get(t, frozenset()) for t in present)) if present else set()
    return [e for e in events if e.type not in hidden]


def _same_action(a: EventMention, b: EventMention) -> bool:
    """Same type and flags, and no two different actors doing it.

    Targets may differ: "قتل خمسة جنود في هجوم استهدف دورية" names the victims twice.
    """
    if a.type != b.type or (a.negated, a.future, a.hypothetical) != (b.negated, b.future, b.hypothetical):
        return False
    if a.mode and b.mode and a.mode != b.mode and a.type in DISTINCT_MODES:
        return False  # داهمت ... واعتقلت: a raid and an arrest
    if _dates_differ(a.date, b.date):
        return False  # "زارها في يونيو 2016 … والتقى شويغو في نوفمبر 2018": two visits
    return not (a.sources and b.sources and not set(a.sources) & set(b.sources))


def _dates_differ(a: DateValue, b: DateValue) -> bool:
    """Whether two dates read from the text name different days (2016-06 and 2016-06-27 do not)."""
    if a.basis != "text" or b.basis != "text" or not a.value or not b.value:
        return False
    return not (a.value.startswith(b.value) or b.value.startswith(a.value))


def _combine(a: EventMention, b: EventMention, prefer_second: bool) -> EventMention:
    first, second = (b, a) if prefer_second else (a, b)
    sources = _union(first.sources, second.sources)
    targets = tuple(t for t in _union(first.targets, second.targets) if t not in sources)
    return replace(
        first,
        mode=first.mode or second.mode,
        sources=sources,
        targets=targets,
        place=first.place or second.place,
        date=first.date if first.date.basis == "text" or second.date.basis != "text" else second.date,
        reported=first.reported or second.reported,
    )


def _union(a: Sequence[Span], b: Sequence[Span]) -> tuple[Span, ...]:
    out = list(a)
    out.extend(s for s in b if s not in out)
    return tuple(out)


def extract_article(
    text: str,
    sentences: Sequence[Sentence],
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    timexes: Sequence[Timex] = (),
    published: DateValue = UNKNOWN_DATE,
    lexicon: Lexicon | None = None,
    detector: Detector | None = None,
) -> list[EventMention]:
    """Event mentions of every sentence of an article (datelines left out)."""
    lexicon = lexicon or load_lexicon()
    starts = [t.start for t in tokens]
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    mention_starts = [m.start for m in mentions]
    out: list[EventMention] = []
    for sentence in sentences:
        if sentence.kind == "dateline":
            continue
        lo, hi = bisect_left(starts, sentence.start), bisect_right(starts, sentence.end - 1)
        inside = [t for t in tokens[lo:hi] if t.end <= sentence.end]
        if not inside:
            continue
        m_lo, m_hi = bisect_left(mention_starts, sentence.start), bisect_right(mention_starts, sentence.end - 1)
        own = [m for m in mentions[m_lo:m_hi] if m.end <= sentence.end]
        span = Span(sentence.start, sentence.end)
        out.extend(extract_sentence(text, span, inside, own, timexes, published, lexicon, detector))
    return out
