"""Who can fill an argument slot in a sentence: entity mentions and generic actor nouns.

PLOVER actors are often unnamed (المتظاهرون, مسلحون, الشرطة), so besides the
sentence's entity mentions a word from the actor-, crowd- or victim-noun lists (or a
counted nisba: قتل 12 فلسطينيا) is a participant, unless
it is part of a mention or a title standing right before one (الرئيس ... بوتين).
Each participant knows the preposition that governs it (بموسكو, في موسكو, مع الرئيس)
and whether a count stands before it (قتل اربعون شخصا), which the argument rules read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hadath.events.lexicon import Lexicon
from hadath.events.segments import SentenceView
from hadath.model import Mention, Span, Token

TITLE_LOOKAHEAD = 4  # tokens from a title to the name it introduces (or to the ranks right before it)
NISBA_ENDINGS = ("ي", "يه", "يين", "يون")  # الروسي, الأمريكية: adjectives inside a noun phrase
GROUP_ENDINGS = ("يين", "يون")  # السودانيين, الفلسطينيون: people named by a nisba plural
MIN_GROUP_STEM = 6
COUNTED_NISBA = "يا"  # عراقيا, فلسطينيا: one of a counted nationality
ADJECTIVES = 2  # nisba adjectives kept in a generic actor's span
SPLIT_COUNTS = frozenset({"الفي"})  # ألفي (two thousand) reads as ال + في to the clitic rule
TITLE_LINK = "ل"  # a title's complement: "الأمين العام للأمم المتحدة"
TIME_PREPS = frozenset({"قبل", "بعد", "منذ"})  # "قبل ظهر أمس", "قبل خمسة أيام" between a verb and its object


def _adjective(view: SentenceView, i: int, taken: frozenset[int], adjectives: frozenset[str]) -> bool:
    token = view.tokens[i]
    stem = view.stem(i)
    return (
        i not in taken and token.kind == "word" and not any(p.role == "conj" for p in token.pieces)
        and ((stem.endswith(NISBA_ENDINGS) and len(stem) > 3) or stem in adjectives)
    )


def noun_phrase(view: SentenceView, i: int, lexicon: Lexicon, taken: frozenset[int] = frozenset()) -> Participant:
    """A generic participant headed by token ``i`` (a victim, a building: مصورا فرنسيا)."""
    return _participant(view, i, i, "NOUN", None, lexicon, taken | {i}, extended=True)


@dataclass(frozen=True, slots=True)
class Participant:
    span: Span
    first: int  # token indices in the sentence view
    last: int
    kind: str  # PER, ORG, LOC, MISC for mentions; NOUN for generic actor nouns
    prep: str | None  # governing preposition (normalised), None if there is none
    lead: int  # the token before its noun phrase (titles, adjectives, counts skipped); -1 at the start
    counted: bool  # a number or quantity word stands before it (قتل 5 جنود)


def participants(
    view: SentenceView, mentions: Sequence[Mention], lexicon: Lexicon, extended: bool = True
) -> list[Participant]:
    """Participants of the sentence in ``view``, in text order.

    ``extended=False`` keeps to the plain actor nouns and quantities, leaving out victim and
    crowd nouns, possessed forms (قواته), counted nisbas and the other number words: the
    event detector's ``s:counted`` feature was trained on that reading, and argument rules
    must not shift the detector.
    """
    out: list[tuple[int, int, str, Span | None]] = []
    covered: set[int] = set()
    for mention in mentions:
        first, last = _token_range(view, mention.start, mention.end)
        if first is None or last is None:
            continue
        out.append((first, last, mention.type, Span(mention.start, mention.end)))
        covered.update(range(first, last + 1))
    persons = lexicon.cues.words("titles")
    ranks = lexicon.cues.words("ranks")
    titles = lexicon.title_words
    out, complements = _title_complements(view, out, titles)
    starts = sorted((first, kind) for first, _, kind, _ in out)
    nouns = lexicon.party_nouns if extended else lexicon.cues.words("actor_nouns")
    quantities = lexicon.counting(extended)
    adjectives = lexicon.cues.words("actor_adjectives")
    previous = -2
    for i, token in enumerate(view.tokens):
        if i in covered or token.kind != "word":
            continue
        stem = view.stem(i)
        after_actor = previous == i - 1 or i - 1 in covered
        group = stem.endswith(GROUP_ENDINGS) and len(stem) >= MIN_GROUP_STEM and not after_actor
        listed = stem in nouns or accusative_of_listed(stem, nouns)
        counted_nisba = extended and _counted_nisba(view, i, quantities)
        if not (listed or group or counted_nisba or (stem in adjectives and not after_actor)):
            continue
        if stem in titles and _introduces(view, i, starts, titles, complements, persons, ranks):
            continue  # الرئيس before بوتين belongs to the name's noun phrase
        if previous == i - 1 and _completes(view.tokens[i - 1], token):
            continue  # "مقاتلي المعارضة": the second noun completes the first
        out.append((i, i, "NOUN", None))
        previous = i
    out.sort(key=lambda item: (item[0], item[1]))
    if extended:
        out = _accusative_nisbas(view, out)
    taken = frozenset(i for first, last, _, _ in out for i in range(first, last + 1))
    return [_participant(view, first, last, kind, span, lexicon, taken, extended, complements)
            for first, last, kind, span in out]


def _title_complements(
    view: SentenceView, found: list[tuple[int, int, str, Span | None]], titles: frozenset[str]
) -> tuple[list[tuple[int, int, str, Span | None]], frozenset[int]]:
    """Mentions less the organisations and places that complete a title before a person's
    name, and those complements' tokens: in "زعيم حزب الله حسن نصر الله" the party is part of
    the leader's noun phrase, not a second participant standing before him."""
    persons = {first for first, _, kind, _ in found if kind == "PER"}
    kept: list[tuple[int, int, str, Span | None]] = []
    complements: set[int] = set()
    for item in found:
        first, last, kind, _ = item
        after = last + 1  # "أمين مجلس الأمن القومي الروسي نيكولاي باتروشيف": nisbas may follow the complement
        while after < len(view.tokens) and view.tokens[after].kind == "word" and after not in persons \
                and view.stem(after).endswith(NISBA_ENDINGS) and after - last <= 2:
            after += 1
        if (kind in ("ORG", "LOC") and after in persons and first > 0
                and view.tokens[first - 1].kind == "word" and view.stem(first - 1) in titles):
            complements.update(range(first, last + 1))
        else:
            kept.append(item)
    return kept, frozenset(complements)


def accusative_of_listed(stem: str, nouns: frozenset[str]) -> bool:
    """Whether ``stem`` is a listed noun with the indefinite accusative ا (اغتالوا ناشطا):
    the lists hold the noun without it."""
    return len(stem) > 3 and stem.endswith("ا") and stem[:-1] in nouns


def _accusative_nisbas(
    view: SentenceView, found: list[tuple[int, int, str, Span | None]]
) -> list[tuple[int, int, str, Span | None]]:
    """"سبعة عشر سائحا اسبانيا": a one-word name written like the accusative nisba after an
    indefinite accusative noun is that noun's adjective (Spanish), not the country; so is
    one the tagger took for a person ("جنديا باكستانيا")."""
    out: list[tuple[int, int, str, Span | None]] = []
    for item in found:
        first, last, kind, _ = item
        if out and kind != "NOUN" and first == last and first == out[-1][1] + 1 and out[-1][2] == "NOUN":
            head, word = view.tokens[out[-1][1]], view.tokens[first]
            if (view.stem(out[-1][1]).endswith("ا") and view.stem(first).endswith(COUNTED_NISBA)
                    and not any(p.role != "stem" for p in (*head.pieces, *word.pieces))):
                # the span is set here: a construct complement after the place is not the noun's
                out[-1] = (out[-1][0], first, "NOUN", Span(head.start, word.end))
                continue
        out.append(item)
    return out


def _counted_nisba(view: SentenceView, i: int, quantities: frozenset[str]) -> bool:
    """A counted nisba in the accusative names people: "قتل 13 عراقيا" (13 Iraqis)."""
    stem = view.stem(i)
    if not (stem.endswith(COUNTED_NISBA) and len(stem) >= MIN_GROUP_STEM - 1) or i == 0:
        return False
    before = view.tokens[i - 1]
    return before.kind == "number" or (before.kind == "word" and view.stem(i - 1) in quantities)


def _introduces(
    view: SentenceView, i: int, starts: Sequence[tuple[int, str]], titles: frozenset[str], complements: frozenset[int],
    persons: frozenset[str], ranks: frozenset[str],
) -> bool:
    """Whether title ``i`` stands right before a name, only title words or a title's
    complement between (وزير الخارجية الروسي, رئيس وزراء إسرائيل).

    A place is not the holder of a title a nisba has already placed: in "حث وزير الخارجية
    الألماني إيران" and "اتهمت الحكومة الفنزويلية الولايات المتحدة" the place is the object.
    """
    for start, kind in starts:
        apposed = start  # "قائد الجيش الوطني الليبي الفريق أول خليفة حفتر": the ranks are the name's own
        while apposed - 1 > i and view.tokens[apposed - 1].kind == "word" and view.stem(apposed - 1) in ranks:
            apposed -= 1
        if i < start and apposed <= i + TITLE_LOOKAHEAD and all(
            k in complements
            or (view.tokens[k].kind == "word" and (view.stem(k) in titles or view.stem(k).endswith(NISBA_ENDINGS))
                and not _second_head(view, k, persons, titles))
            for k in range(i + 1, start)
        ):
            return not (kind == "LOC" and any(view.stem(k).endswith(NISBA_ENDINGS) for k in range(i + 1, start)))
    return False


def _second_head(view: SentenceView, k: int, persons: frozenset[str], titles: frozenset[str]) -> bool:
    """Whether token ``k`` behind a preposition starts a phrase of its own ("لقاء رئيس الحكومة
    بالرئيس ترامب": the president is Trump, the prime minister someone else), not a title link."""
    prep = own_prep(view.tokens[k])
    return prep is not None and not _title_link(view, k, prep, persons, titles)


def own_prep(token: Token) -> str | None:
    """The preposition clitic on ``token`` (بموسكو → ب), if any: the clitic rule peels at most one."""
    return next((p.norm for p in token.pieces if p.role == "prep"), None)


def _title_link(
    view: SentenceView, i: int, prep: str, person_titles: frozenset[str], title_words: frozenset[str]
) -> bool:
    """Whether token ``i`` (a title word behind ل) completes an earlier title rather than
    heading the name: "القائد العام للجيش …", "الوزير البريطاني للتجارة الدولية ليام فوكس"; but
    in "المستشار الاقتصادي للرئيس دونالد ترامب" the name is the president's."""
    return (prep == TITLE_LINK and i > 0 and view.stem(i) not in person_titles
            and view.tokens[i - 1].kind == "word"
            and (view.stem(i - 1) in title_words or view.stem(i - 1).endswith(NISBA_ENDINGS)))


def _token_range(view: SentenceView, start: int, end: int) -> tuple[int | None, int | None]:
    first = last = None
    for i, token in enumerate(view.tokens):
        if token.end <= start:
            continue
        if token.start >= end:
            break
        if first is None:
            first = i
        last = i
    return first, last


def _participant(
    view: SentenceView, first: int, last: int, kind: str, span: Span | None, lexicon: Lexicon,
    taken: frozenset[int], extended: bool, complements: frozenset[int] = frozenset(),
) -> Participant:
    tokens = view.tokens
    pieces = tokens[first].pieces
    own = own_prep(tokens[first])
    if span is None:  # an actor noun names the actor without its clitics: "للمتظاهرين" → المتظاهرين
        start = next(
            (p.start for p in pieces if p.role == "stem" or (p.role == "article" and len(p.norm) == 2)),
            tokens[first].start,
        )
        last = _noun_phrase_end(view, last, taken, lexicon)
        span = Span(start, tokens[last].end)
    prep, lead, counted = _walk_back(view, first, lexicon, taken, extended, complements)
    return Participant(span, first, last, kind, own or prep, lead, counted)


def _completes(head: Token, nxt: Token) -> bool:
    """Whether ``nxt`` is the definite complement of a construct-state ``head`` (قوات الأمن)."""
    return (
        head.kind == "word" and nxt.kind == "word"
        and not any(p.role == "article" for p in head.pieces)
        and any(p.role == "article" for p in nxt.pieces)
        and not any(p.role in ("conj", "prep") for p in nxt.pieces)
    )


def _noun_phrase_end(view: SentenceView, last: int, taken: frozenset[int], lexicon: Lexicon) -> int:
    """Last token of a generic actor's noun phrase: a definite complement after a construct
    head (قوات الأمن, طائرات التحالف) and nisba adjectives (الإسرائيلية, مجهولون)."""
    tokens = view.tokens
    adjectives = lexicon.cues.words("actor_adjectives")
    nxt = last + 1
    if nxt < len(tokens) and _completes(tokens[last], tokens[nxt]) and (nxt not in taken or nxt - 1 in taken):
        last = nxt
    end = last
    definite = any(p.role == "article" for p in tokens[last].pieces)
    while (end + 1 < len(tokens) and end + 1 - last <= ADJECTIVES
           and _adjective(view, end + 1, taken, adjectives)
           and any(p.role == "article" for p in tokens[end + 1].pieces) == definite):
        end += 1  # an adjective agrees in definiteness: "الشرطة كمية" is not one phrase
    return end


def _walk_back(
    view: SentenceView, first: int, lexicon: Lexicon, taken: frozenset[int], extended: bool,
    complements: frozenset[int] = frozenset(),
) -> tuple[str | None, int, bool]:
    """Preposition, lead token and count before token ``first``.

    Titles, their complements, nisba adjectives, time words and counts are part of
    the noun phrase (مع وزير الخارجية الروسي سيرغي لافروف; قتل أكثر من 20 شخصا).
    """
    cues = lexicon.cues
    preps = cues.words("prepositions")
    person_titles, title_words, skippable = cues.words("titles"), lexicon.title_words, lexicon.phrase_skips
    quantities = lexicon.counting(extended)
    time_words = cues.words("skip_words")
    counted = False
    i = first - 1
    steps = 0
    while i >= 0 and steps < TITLE_LOOKAHEAD + 2:
        token = view.tokens[i]
        if i in taken:  # another participant: X Y juxtaposed (استقبل السيسي بومبيو)
            return None, i, counted
        if i in complements:
            pass  # "رئيس وزراء إسرائيل بنيامين نتنياهو": the title's complement is part of the phrase
        elif token.kind == "number":
            counted = True
        elif token.kind != "word":
            return None, i, counted
        elif extended and token.norm in SPLIT_COUNTS:
            counted = True
        else:
            stem = view.stem(i)
            if stem in preps:
                number_of = extended and stem == "من" and i > 0 and view.tokens[i - 1].kind == "number"
                if number_of or (stem in ("من", "عن") and i > 0 and view.stem(i - 1) in quantities):
                    counted = True  # أكثر من, لا يقل عن, 23 من: part of the count
                elif stem in quantities and counted:
                    pass  # "قتل نحو 80 شخصا": a preposition that is also a count word ("about")
                elif stem == "من" and i > 0 and view.stem(i - 1) == "اول":
                    i -= 1  # "أول من أمس": a time, not a preposition
                    steps += 1
                elif extended and stem in TIME_PREPS and i + 1 < first and all(
                        view.tokens[k].kind == "word" and view.stem(k) in time_words
                        for k in range(i + 1, first)):
                    pass  # "اغتالت قبل ظهر أمس ناشطا": a time phrase, not the noun's preposition
                else:
                    return stem, i, counted
            elif stem in quantities:
                counted = True
            elif not (stem in skippable or stem.endswith(NISBA_ENDINGS)):
                return None, i, counted
            else:
                own = own_prep(token)
                if own is not None and not _title_link(view, i, own, person_titles, title_words):
                    return own, i, counted
                # else "القائد العام للجيش الليبي المشير حفتر": the ل phrase completes the title
        i -= 1
        steps += 1
    return None, i, counted
