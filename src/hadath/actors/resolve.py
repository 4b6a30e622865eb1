"""Resolving one article's mentions to actors: pure, no store.

Within an article the mentions of one entity are grouped first: spellings of one name,
reorderings, and shorter forms (a surname, or first and last name of a longer name)
that fit exactly one fuller name of the article.  Each group is then matched against
the registry, the article's other registry actors deciding between homographs (طرابلس
in an article about Libya is Tripoli, Libya).  What the registry does not know is left
for the linker (link/actors.py), which files it under variant keys across articles,
using the same ``groups_match`` decision as the pair evaluation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from hadath.actors.names import Name, is_partial, match_kind, parse_name
from hadath.actors.registry import Registry, RegistryActor, default_registry
from hadath.model import Mention

# How strongly two names agree; the linker prefers the strongest candidate.
STRENGTH = {"same": 3, "reordered": 2, "subname": 1}


@dataclass
class Group:
    """The mentions of one entity inside one article."""

    type: str
    names: list[Name] = field(default_factory=list)  # distinct by key, longest first
    texts: list[str] = field(default_factory=list)  # surface forms, as aliases
    mentions: list[int] = field(default_factory=list)  # indices into the article's mentions
    actor: RegistryActor | None = None

    @property
    def longest(self) -> Name:
        return max(self.names, key=len)

    @property
    def full_names(self) -> list[Name]:
        """Names of two parts or more: the ones that identify a person across articles."""
        return [n for n in self.names if len(n) > 1]

    def add(self, name: Name, text: str, index: int) -> None:
        if all(n.key != name.key for n in self.names):
            self.names.append(name)
        if text not in self.texts:
            self.texts.append(text)
        self.mentions.append(index)


def group_mentions(text: str, mentions: Sequence[Mention]) -> list[Group]:
    """Mentions of one article grouped by entity (see module doc)."""
    parsed = [(i, m, text[m.start : m.end], parse_name(text[m.start : m.end])) for i, m in enumerate(mentions)]
    parsed = [p for p in parsed if p[3]]
    # Longest names first, so that a surname meets the full names it may stand for.
    parsed.sort(key=lambda p: (-len(p[3]), p[1].start))
    groups: list[Group] = []
    for index, mention, surface, name in parsed:
        same_type = [g for g in groups if g.type == mention.type]
        if mention.type == "PER":
            target = _person_group(name, same_type)
        else:
            target = next((g for g in same_type if any(n.key == name.key for n in g.names)), None)
        if target is None:
            target = Group(mention.type)
            groups.append(target)
        target.add(name, surface, index)
    for group in groups:
        group.mentions.sort()
    return groups


def _person_group(name: Name, groups: list[Group]) -> Group | None:
    equal = [g for g in groups if any(match_kind(name, n) for n in g.names)]
    if len(equal) == 1:
        return equal[0]
    if equal:
        return None  # fits two people of the article: not decided here
    partial = [g for g in groups if any(is_partial(name, n) for n in g.names)]
    return partial[0] if len(partial) == 1 else None


def assign_registry(groups: Sequence[Group], registry: Registry | None = None) -> None:
    """Set ``group.actor`` from the registry, homographs decided by the article's countries."""
    registry = registry or default_registry()
    options: list[list[RegistryActor]] = []
    countries: Counter[str] = Counter()
    for group in groups:
        found = _candidates(group, registry)
        options.append(found)
        if len({a.id for a in found}) == 1 and found[0].country:
            countries[found[0].country] += len(group.mentions)
    for group, found in zip(groups, options, strict=True):
        if not found:
            continue
        first_type = found[0].type
        same = [a for a in found if a.type == first_type]
        group.actor = max(same, key=lambda a: (countries.get(a.country or "", 0), -same.index(a)))


def _candidates(group: Group, registry: Registry) -> list[RegistryActor]:
    names = sorted(group.names, key=len, reverse=True)
    longest = len(names[0])
    for name in names:
        # A fuller name the registry does not know is someone else than its bare
        # surname's registry actor (إيفانكا ترامب is not ترامب).
        if len(name) == 1 and longest > 1:
            break
        found = registry.candidates(name, group.type)
        if found:
            return found
    return []


def resolve_article(text: str, mentions: Sequence[Mention], registry: Registry | None = None) -> list[Group]:
    """The article's entity groups, registry actors assigned where the registry knows them."""
    groups = group_mentions(text, mentions)
    assign_registry(groups, registry)
    return groups


def resolve_mentions(text: str, mentions: Sequence[Mention], registry: Registry | None = None) -> list[Mention]:
    """``mentions`` with ``actor`` set to registry ids where the registry knows the entity.

    Pure (no store): what ``hadath analyze`` shows.  Other mentions keep their actor.
    """
    out = list(mentions)
    for group in resolve_article(text, mentions, registry):
        if group.actor is None:
            continue
        for index in group.mentions:
            m = out[index]
            out[index] = Mention(m.start, m.end, m.type, group.actor.id)
    return out


def groups_match(a: Sequence[Name], b: Sequence[Name], kind: str) -> int:
    """How strongly two groups' names say one actor (0: not the same).

    People: any two full names that match (spelling, reordering, sub-name); groups known
    only by one part match only another such group with the same part (a surname alone
    is not enough to join a full name across articles).  Other types: the same name.
    """
    best = 0
    full_a, full_b = [n for n in a if len(n) > 1], [n for n in b if len(n) > 1]
    if kind == "PER" and (full_a or full_b):
        for x in full_a:
            for y in full_b:
                strength = STRENGTH.get(match_kind(x, y) or "", 0)
                best = max(best, strength)
        return best
    for x in a:
        for y in b:
            if match_kind(x, y) == "same":
                return STRENGTH["same"]
    return 0
