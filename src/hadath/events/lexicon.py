"""The trigger lexicon (data/triggers.yaml) and the cue lists (data/cues.yaml).

Loaded lazily, once per process, and checked as it loads: an unknown type, mode or
frame, a malformed verb or an empty entry raises ``ModelError`` naming the entry.
Every form is turned into segments by the tokenizer (see ``segments``), so the
lexicon and the text are split by the same rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from hadath.errors import ModelError
from hadath.events.segments import Segments, SeqSet, form_segments, text_segments
from hadath.text.normalise import normalise

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
)
Frame = Literal["agent", "host", "passive", "mutual"]
FRAMES: tuple[Frame, ...] = ("agent", "host", "passive", "mutual")
Aspect = Literal["perfect", "imperfect", "future", "noun"]
GAP = "..."
EMBED_FLAGS = ("hypothetical", "future", "negated")
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
DEFAULT_GAP = 5  # segments: room for a subject between a verb and its object (VSO)
_ENTRY_KEYS = frozenset(
    {"verbs", "words", "passives", "phrases", "mode", "frame", "noun_frame", "near", "not_near", "not_next", "not_prev",
     "gap", "window"}
)


@dataclass(frozen=True, slots=True)
class Sense:
    """What a matched trigger means: type, mode, argument frame and context checks."""

    type: str
    mode: str | None
    frame: Frame
    noun_frame: Frame  # the frame when the matched form is a noun (اغتيال X: X is the target)
    near: SeqSet
    not_near: SeqSet
    not_next: frozenset[str]
    not_prev: frozenset[str]  # the word right before must not be one of these (وقف إطلاق النار)
    label: str  # "ASSAULT entry 3 (...)": for error messages and debugging
    window: int | None = None  # segments searched for near/not_near (default: the lexicon's)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way of writing a trigger: slots of alternative segment sequences, or gaps."""

    slots: tuple[Mapping[Segments, Aspect] | None, ...]  # None is a gap
    sense: Sense
    gap: int
    order: int


@dataclass(frozen=True, slots=True)
class TypeInfo:
    modes: frozenset[str]
    target_preps: frozenset[str]
    mode_cues: tuple[tuple[str, Segments], ...]
    default_mode: str | None = None  # when neither the trigger nor a cue fixes one


class Cues:
    """The cue lists of data/cues.yaml, as indexed segment sequences and word sets."""

    def __init__(self, lists: Mapping[str, tuple[Segments, ...]], numbers: Mapping[str, int]) -> None:
        self.lists = {name: SeqSet(seqs) for name, seqs in lists.items()}
        self.numbers = dict(numbers)
        # one-segment cues as sets, for membership tests on a stem
        self._words = {name: frozenset(s[0] for s in seqs if len(s) == 1) for name, seqs in lists.items()}

    def __getitem__(self, name: str) -> SeqSet:
        return self.lists[name]

    def words(self, name: str) -> frozenset[str]:
        """A list of one-segment cues as a set (multi-segment cues left out)."""
        return self._words[name]


@dataclass(frozen=True)
class Lexicon:
    types: Mapping[str, TypeInfo]
    index: Mapping[str, tuple[Pattern, ...]]  # first segment → patterns, longest first
    cues: Cues
    window: int
    suppress: Mapping[str, frozenset[str]]  # type → types it makes redundant in a sentence
    embedding: Mapping[str, str]  # "TYPE" or "TYPE:mode" → flag it puts on the triggers after it
    patterns: int = field(default=0)

    @cached_property
    def party_nouns(self) -> frozenset[str]:
        """Nouns that name a party to an event (``participants``, extended): actor nouns, possessed
        actor nouns, crowds and institutions, and victim nouns that are not triggers themselves
        (القتلى names the event)."""
        victims = frozenset(w for w in self.cues.words("victim_nouns") if w not in self.index)
        crowds = self.cues.words("crowd_nouns") | self.cues.words("institution_nouns")
        return self.cues.words("actor_nouns") | self.cues.words("possessed_actor_nouns") | victims | crowds

    @cached_property
    def counts(self) -> frozenset[str]:
        """Words that count a participant for the argument rules: the quantities and the other
        number words (the detector's ``s:counted`` keeps to the quantities)."""
        return self.cues.words("quantities") | self.cues.words("number_words")

    def counting(self, extended: bool) -> frozenset[str]:
        """``counts`` for the argument rules (``extended``), the plain quantities for the detector."""
        return self.counts if extended else self.cues.words("quantities")

    @cached_property
    def clause_openers(self) -> frozenset[str]:
        """Words after which a clause, and so a subject, may start (كان, قد, أن, الذي …)."""
        return self.cues.words("svo_particles") | self.cues.words("clause_breaks")

    @cached_property
    def verb_particles(self) -> frozenset[str]:
        """Particles and time words that stand between a verb and its subject (كان, قد, أمس …)."""
        return self.cues.words("svo_particles") | self.cues.words("skip_words")

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Titles and the words that complete them (وزير, الخارجية, مدينة …): a name's noun phrase."""
        return self.cues.words("titles") | self.cues.words("title_words")

    @cached_property
    def phrase_skips(self) -> frozenset[str]:
        """What a walk back from a name passes over: ``title_words`` and time words."""
        return self.title_words | self.cues.words("skip_words")

    @cached_property
    def pronoun_preps(self) -> frozenset[str]:
        """Prepositions with a pronoun attached (عليها, خلاله): complements and containers."""
        return self.cues.words("complement_pronouns") | self.cues.words("container_pronouns")

    @cached_property
    def passive_verbs(self) -> frozenset[str]:
        """Passive verb forms (اصيب, اغتيل), also looked up behind a conjunction the clitic rule
        left on the word: "وأصيب" is more frequent than "أصيب" in the news, so it stays whole."""
        return frozenset(
            key for key, patterns in self.index.items()
            if any(p.sense.frame == "passive" and len(p.slots) == 1 and "perfect" in (p.slots[0] or {}).values()
                   for p in patterns)
        )

    @cached_property
    def object_skips(self) -> frozenset[str]:
        """Words passed over between a verb and its unlisted object: time words and adverbs, counts,
        spans of time."""
        return self.cues.words("skip_words") | self.cues.words("adverbs") | self.counts | self.cues.words("time_nouns")


@dataclass(frozen=True, slots=True)
class Inflection:
    perfect: tuple[str, ...]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    objects: tuple[str, ...]
    future: str
    noun: tuple[str, ...]
    feminine: tuple[str, ...]


def data_path(name: str) -> Path:
    return Path(str(resources.files("hadath.events").joinpath("data", name)))


@cache
def load_lexicon(triggers: Path | None = None, cues: Path | None = None) -> Lexicon:
    """The lexicon (default: the shipped data files), loaded and checked once."""
    return build_lexicon(_read(triggers or data_path("triggers.yaml")), _read(cues or data_path("cues.yaml")))


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise ModelError(f"cannot read event lexicon {path}: {error}") from error
    if not isinstance(data, dict):
        raise ModelError(f"event lexicon {path} is not a mapping")
    return data


def build_lexicon(triggers: Mapping[str, Any], cues: Mapping[str, Any]) -> Lexicon:
    """Check and compile lexicon data (the parsed YAML of both files)."""
    inflection = inflection_rules(triggers.get("inflection"))
    types_data = triggers.get("types")
    if not isinstance(types_data, dict) or not types_data:
        raise ModelError("triggers.yaml: 'types' must map PLOVER types to their entries")
    types: dict[str, TypeInfo] = {}
    by_first: dict[str, list[Pattern]] = {}
    order = 0
    for type_name, spec in types_data.items():
        if type_name not in PLOVER_TYPES:
            raise ModelError(
                f"triggers.yaml: unknown event type {type_name!r}; PLOVER types: {', '.join(PLOVER_TYPES)}"
            )
        if not isinstance(spec, dict):
            raise ModelError(f"triggers.yaml: {type_name} must be a mapping")
        info = _type_info(type_name, spec)
        types[type_name] = info
        entries = spec.get("triggers")
        if not isinstance(entries, list) or not entries:
            raise ModelError(f"triggers.yaml: {type_name} has no triggers")
        for number, entry in enumerate(entries, 1):
            label = f"{type_name} entry {number}"
            for pattern in _patterns(entry, type_name, info, label, inflection, order):
                for first in pattern.slots[0] or {}:
                    by_first.setdefault(first[0], []).append(pattern)
                order += 1
    index = {
        key: tuple(sorted(found, key=lambda p: (-sum(s is not None for s in p.slots), p.order)))
        for key, found in by_first.items()
    }
    window = triggers.get("window", 8)
    if not isinstance(window, int) or window < 1:
        raise ModelError("triggers.yaml: 'window' must be a positive integer")
    suppress = triggers.get("suppress") or {}
    if not isinstance(suppress, dict) or any(
        t not in types or not isinstance(v, list) or set(v) - set(types) for t, v in suppress.items()
    ):
        raise ModelError("triggers.yaml: 'suppress' must map event types to lists of event types")
    embedding = triggers.get("embedding") or {}
    for key, flag in embedding.items():
        kind, _, mode = str(key).partition(":")
        if kind not in types or (mode and mode not in types[kind].modes) or flag not in EMBED_FLAGS:
            raise ModelError(f"triggers.yaml: embedding {key!r}: {flag!r} needs a known type, mode and flag")
    return Lexicon(
        types, index, _cues(cues, inflection), window, {t: frozenset(v) for t, v in suppress.items()},
        dict(embedding), order,
    )


def inflection_rules(data: Any) -> Inflection:
    if not isinstance(data, dict):
        raise ModelError("triggers.yaml: 'inflection' rules are missing")

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ModelError(f"triggers.yaml: inflection.{key} must be a list of strings")
        return tuple(normalise(v) for v in value)

    future = data.get("future_prefix")
    if not isinstance(future, str) or not future:
        raise ModelError("triggers.yaml: inflection.future_prefix must be a string")
    return Inflection(
        strings("perfect_suffixes"), strings("imperfect_prefixes"), strings("imperfect_suffixes"),
        strings("object_suffixes"), normalise(future), strings("noun_suffixes"), strings("feminine_suffixes"),
    )


def _type_info(type_name: str, spec: Mapping[str, Any]) -> TypeInfo:
    modes = spec.get("modes", [])
    if not isinstance(modes, list):
        raise ModelError(f"triggers.yaml: {type_name}.modes must be a list")
    preps = spec.get("target_preps", [])
    if not isinstance(preps, list):
        raise ModelError(f"triggers.yaml: {type_name}.target_preps must be a list")
    cues: list[tuple[str, Segments]] = []
    for mode, words in (spec.get("mode_cues") or {}).items():
        if mode not in modes:
            raise ModelError(f"triggers.yaml: {type_name}.mode_cues names unknown mode {mode!r}")
        cues.extend((mode, seq) for seq in _seqs(words, f"{type_name}.mode_cues.{mode}"))
    default = spec.get("default_mode")
    if default is not None and default not in modes:
        raise ModelError(f"triggers.yaml: {type_name}.default_mode {default!r} is not one of its modes")
    return TypeInfo(frozenset(modes), frozenset(normalise(str(p)) for p in preps), tuple(cues), default)


def _seqs(words: Any, where: str) -> tuple[Segments, ...]:
    if not isinstance(words, list):
        raise ModelError(f"{where}: expected a list of words")
    out = []
    for word in words:
        seq = text_segments(str(word))
        if not seq:
            raise ModelError(f"{where}: {word!r} has no letters")
        out.append(seq)
    return tuple(out)


def _patterns(
    entry: Any, type_name: str, info: TypeInfo, label: str, inflection: Inflection, order: int
) -> list[Pattern]:
    if not isinstance(entry, dict):
        raise ModelError(f"triggers.yaml: {label} must be a mapping")
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        raise ModelError(f"triggers.yaml: {label} has unknown keys {sorted(unknown)}")
    mode = entry.get("mode")
    if mode is not None and mode not in info.modes:
        raise ModelError(f"triggers.yaml: {label}: mode {mode!r} is not a {type_name} mode ({sorted(info.modes)})")
    frame = entry.get("frame", "agent")
    noun_frame = entry.get("noun_frame", frame)
    for value in (frame, noun_frame):
        if value not in FRAMES:
            raise ModelError(f"triggers.yaml: {label}: unknown frame {value!r}; frames: {', '.join(FRAMES)}")
    first = (entry.get("verbs") or entry.get("words") or entry.get("passives") or entry.get("phrases") or [""])[0]
    label = f"{label} ({first})"
    sense = Sense(
        type_name, mode, cast(Frame, frame), cast(Frame, noun_frame),
        SeqSet(_seqs(entry.get("near", []), f"triggers.yaml: {label}: near")),
        SeqSet(_seqs(entry.get("not_near", []), f"triggers.yaml: {label}: not_near")),
        frozenset(s for seq in _seqs(entry.get("not_next", []), label) for s in seq[:1]),
        frozenset(s for seq in _seqs(entry.get("not_prev", []), label) for s in seq[-1:]),
        label,
        _positive(entry.get("window"), f"triggers.yaml: {label}: window"),
    )
    gap = entry.get("gap", DEFAULT_GAP)
    patterns: list[Pattern] = []
    where = f"triggers.yaml: {label}"
    for spec in _list(entry, "verbs", label):
        patterns.append(Pattern((_verb_slot(spec, inflection, where),), sense, gap, order + len(patterns)))
    for word in _list(entry, "words", label):
        seq = text_segments(word)
        if not seq:
            raise ModelError(f"triggers.yaml: {label}: word {word!r} has no letters")
        if len(seq) == 1 and len(word.split()) == 1:
            patterns.append(Pattern((_noun_slot(word, inflection),), sense, gap, order + len(patterns)))
        else:
            noun: Aspect = "noun"
            slots = tuple({text_segments(w): noun} for w in word.split())
            patterns.append(Pattern(slots, sense, gap, order + len(patterns)))
    for form in _list(entry, "passives", label):
        # a passive verb is read as a verb, not a verbal noun: its subject may stand before it
        # ("أربعة مدنيين أصيبوا بجروح") and the word after it is not its genitive; "قتل وجرح"
        # is one passive of two verbs
        seqs = [form_segments(normalise(word)) for word in form.split()]
        if not seqs or any(len(seq) != 1 for seq in seqs):
            raise ModelError(f"triggers.yaml: {label}: passive {form!r} must be whole words")
        perfect: Aspect = "perfect"
        slots = tuple({seq: perfect} for seq in seqs)
        patterns.append(Pattern(slots, sense, gap, order + len(patterns)))
    for phrase in _list(entry, "phrases", label):
        patterns.append(Pattern(_phrase_slots(phrase, inflection, label), sense, gap, order + len(patterns)))
    if not patterns:
        raise ModelError(f"triggers.yaml: {label} has no verbs, words, passives or phrases")
    return patterns


def _positive(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ModelError(f"{where} must be a positive integer")
    return value


def _list(entry: Mapping[str, Any], key: str, label: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ModelError(f"triggers.yaml: {label}: {key} must be a list of strings")
    return value


def _phrase_slots(phrase: str, inflection: Inflection, label: str) -> tuple[Mapping[Segments, Aspect] | None, ...]:
    slots: list[Mapping[Segments, Aspect] | None] = []
    for part in phrase.split():
        if part == GAP:
            if not slots:
                raise ModelError(f"triggers.yaml: {label}: phrase {phrase!r} starts with a gap")
            slots.append(None)
        elif part.startswith("+"):  # "+perfect/imperfect|noun|noun": a verb or its verbal nouns
            verb, *nouns = part[1:].split("|")
            slot = _verb_slot(verb, inflection, f"triggers.yaml: {label}")
            for verbal_noun in nouns:
                slot.update(_noun_slot(verbal_noun, inflection))
            slots.append(slot)
        else:
            # "_" joins the words of one alternative: "وقف_اطلاق_النار|هدنة"
            alternatives: dict[Segments, Aspect] = {
                text_segments(alt.replace("_", " ")): "noun" for alt in part.split("|") if alt
            }
            alternatives.pop((), None)
            if not alternatives:
                raise ModelError(f"triggers.yaml: {label}: phrase {phrase!r} has an empty slot")
            slots.append(alternatives)
    if not slots or slots[-1] is None:
        raise ModelError(f"triggers.yaml: {label}: phrase {phrase!r} is empty or ends with a gap")
    return tuple(slots)


def _verb_slot(spec: str, inflection: Inflection, where: str) -> dict[Segments, Aspect]:
    parts = spec.split("/")
    if len(parts) != 2 or not any(p.strip() not in ("", "-") for p in parts):
        raise ModelError(f"{where}: verb {spec!r} must be 'perfect/imperfect' ('-' for none)")
    perfect, imperfect = (normalise(p) if p.strip() not in ("", "-") else "" for p in parts)
    if imperfect and imperfect[0] != "ي":
        raise ModelError(f"{where}: imperfect {parts[1]!r} must start with ي")
    forms: dict[str, Aspect] = {}
    if perfect:
        perfect_aspect: Aspect = "perfect"
        forms.update(dict.fromkeys(perfect_forms(perfect, inflection), perfect_aspect))
    if imperfect:
        for form in imperfect_forms(imperfect, inflection):
            forms.setdefault(form, "imperfect")
            forms.setdefault(inflection.future + form, "future")
    slot: dict[Segments, Aspect] = {}
    for form, aspect in forms.items():
        seq = form_segments(form, keep_article=True)
        if seq:
            slot.setdefault(seq, aspect)
    return slot


def perfect_forms(perfect: str, inflection: Inflection) -> set[str]:
    """Perfect forms: person/number suffixes and object pronouns.

    A final ي or ا (التقى, دعا) gives way to the suffix; after normalisation a final
    hamza (أنشأ → انشا) looks the same, so the regular forms are kept as well.
    """
    forms = {perfect + suffix for suffix in inflection.perfect}
    for obj in inflection.objects:
        # not perfect + "ه" alone: حمّله, لوّحه read as حملة, لوحة once ة is folded to ه
        forms |= {perfect + "ت" + obj, perfect + "و" + obj, perfect + "ا" + obj}
        if obj != "ه":
            forms.add(perfect + obj)
    if perfect[-1] in "يا":
        base = perfect[:-1]
        # not base + "اه": دعاه is دعاة (preachers) once ة is folded to ه
        forms |= {base + "ت", base + "تا", base + "وا", base + "اها", base + "اهم"}
    return forms


def imperfect_forms(imperfect: str, inflection: Inflection) -> set[str]:
    """Imperfect forms for every prefix: number suffixes, jussive and object pronouns."""
    core = imperfect[1:]
    cores = {core + suffix for suffix in inflection.suffixes}
    cores |= {core + obj for obj in inflection.objects}
    cores |= {core + "ون" + obj for obj in inflection.objects}
    if core[-1] in "يوا":  # يلتقي, يدعو: plurals and the jussive drop the weak letter
        cores |= {core[:-1] + "ون", core[:-1] + "وا", core[:-1]}
    return {prefix + c for prefix in inflection.prefixes for c in cores}


def _noun_slot(word: str, inflection: Inflection) -> dict[Segments, Aspect]:
    norm = normalise(word)
    forms = {norm}
    if norm.endswith("ه") and len(norm) > 2:  # ة: زيارة → زيارته, زيارتين
        forms |= {norm[:-1] + suffix for suffix in inflection.feminine}
    elif not norm.endswith(("ا", "ي", "ات")):
        forms |= {norm + suffix for suffix in inflection.noun}
    slot: dict[Segments, Aspect] = {}
    for form in forms:
        seq = form_segments(form)
        if seq:
            slot.setdefault(seq, "noun")
    return slot


def _cues(data: Mapping[str, Any], inflection: Inflection) -> Cues:
    lists: dict[str, tuple[Segments, ...]] = {}
    numbers: dict[str, int] = {}
    for section in ("flags", "arguments"):
        block = data.get(section)
        if not isinstance(block, dict):
            raise ModelError(f"cues.yaml: section {section!r} is missing")
        for name, value in block.items():
            where = f"cues.yaml: {section}.{name}"
            if isinstance(value, int):
                numbers[name] = value
            elif name.endswith("_verbs"):
                lists[name] = tuple(_verb_seqs(value, inflection, where))
            elif name == "clause_marks":
                lists[name] = tuple((normalise(str(v)),) for v in value)
            else:
                lists[name] = _seqs(value, where)
    return Cues(lists, numbers)


def _verb_seqs(specs: Any, inflection: Inflection, where: str) -> Iterable[Segments]:
    if not isinstance(specs, list):
        raise ModelError(f"{where}: expected a list of 'perfect/imperfect' verbs")
    for spec in specs:
        yield from _verb_slot(str(spec), inflection, where)
