"""The actor registry: known actors with their spellings, Latin names, types and roles.

The shipped file (``data/registry.yaml``) is read together with the user's own files
(same schema), named by ``HADATH_REGISTRY`` (paths separated by ``os.pathsep``) or
passed in.  A user entry with a shipped id replaces it.  The registry is indexed by
the variant keys of its Arabic names (names.py) and by its Latin names, and loaded
lazily, once per process.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from hadath.actors.names import Name, blocking_keys, match_kind, parse_name, parts_match
from hadath.errors import ConfigError, HadathError, ModelError

ENV_VAR = "HADATH_REGISTRY"
TYPES = ("PER", "ORG", "LOC", "MISC")
REQUIRED = ("id", "type", "name_ar")
# The C loader when PyYAML has it: the shipped file is read at every process start.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LATIN_PUNCT = str.maketrans({c: " " for c in "-‐–—.,'’`\"()/"})


@dataclass(frozen=True, slots=True)
class RegistryRole:
    title_ar: str
    title_lat: str | None
    org: str | None
    sector: str | None
    start: str | None
    end: str | None

    def covers(self, date: str | None) -> bool:
        """Whether the role was held on ``date`` (any precision); unknown dates count."""
        if not date:
            return True
        started = not self.start or self.start[: len(date)] <= date
        return started and (not self.end or date[: len(self.end)] <= self.end)


@dataclass(frozen=True, slots=True)
class RegistryActor:
    id: str
    type: str
    name_ar: str
    name_lat: str | None
    aliases_ar: tuple[str, ...]
    aliases_lat: tuple[str, ...]
    country: str | None
    sector: str | None
    roles: tuple[RegistryRole, ...]
    origin: str  # the file it came from

    @property
    def arabic_names(self) -> tuple[str, ...]:
        """The registered spellings, plus, for people, the given name with each one-word
        spelling of the surname (خليفة هفتار from خليفة حفتر and the alias هفتار)."""
        names = (self.name_ar, *self.aliases_ar)
        words = self.name_ar.split()
        if self.type != "PER" or len(words) != 2:
            return names
        surnames = [a for a in self.aliases_ar if len(a.split()) == 1 and a != words[1]]
        return names + tuple(dict.fromkeys(f"{words[0]} {s}" for s in surnames if f"{words[0]} {s}" not in names))

    @property
    def latin_names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name_lat, *self.aliases_lat) if n)


def latin_key(text: str) -> str:
    """Casefolded Latin name without accents or punctuation: "Al-Sarraj" → "al sarraj"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.translate(_LATIN_PUNCT).casefold().split())


class Registry:
    """Registry actors indexed by Arabic variant keys and Latin names."""

    def __init__(self, actors: Iterable[RegistryActor]) -> None:
        self.actors: dict[str, RegistryActor] = {a.id: a for a in actors}
        self._order = {actor_id: i for i, actor_id in enumerate(self.actors)}
        self._by_key: dict[str, list[str]] = defaultdict(list)
        self._by_block: dict[str, set[str]] = defaultdict(set)
        self._names: dict[str, list[Name]] = defaultdict(list)
        self._by_latin: dict[str, list[str]] = defaultdict(list)
        for actor in self.actors.values():
            self._index(actor)

    def __len__(self) -> int:
        return len(self.actors)

    def _index(self, actor: RegistryActor) -> None:
        for text in actor.arabic_names:
            name = parse_name(text)
            if not name:
                continue
            self._names[actor.id].append(name)
            _add(self._by_key[name.key], actor.id)
            if actor.type == "PER" and len(name) > 1:
                for key in blocking_keys(name):
                    self._by_block[key].add(actor.id)
        for text in actor.latin_names:
            key = latin_key(text)
            _add(self._by_latin[key], actor.id)
            words = key.split()
            if actor.type == "PER" and len(words) > 1:
                _add(self._by_latin[words[-1]], actor.id)  # "Shoigu" alone
                if words[0] in ("al", "el") or len(words) > 2:
                    _add(self._by_latin[" ".join(w for w in words if w not in ("al", "el"))], actor.id)

    # --- lookups ---------------------------------------------------------------

    def candidates(self, text: str | Name, kind: str | None = None) -> list[RegistryActor]:
        """Registry actors ``text`` may name (its spellings, reorderings and sub-names).

        ``kind`` is the mention type: a person only matches persons, and places,
        organisations and other names match each other (the tagger may say ORG for a
        capital standing for its government) but a same-type actor is listed first.
        """
        name = parse_name(text) if isinstance(text, str) else text
        if not name:
            return []
        found = [i for i in self._by_key.get(name.key, ()) if self._exact(i, name)]
        if not found and (kind in (None, "PER")) and len(name) > 1:
            pool = set().union(*(self._by_block.get(k, set()) for k in blocking_keys(name)))
            found = [i for i in pool if any(match_kind(name, n) for n in self._names[i])]
        actors = [self.actors[i] for i in sorted(found, key=self._order.__getitem__)]
        if kind is not None:
            actors = [a for a in actors if (a.type == "PER") == (kind == "PER")]
            actors.sort(key=lambda a: a.type != kind)
        return actors

    def _exact(self, actor_id: str, name: Name) -> bool:
        if len(name) > 1:
            return True
        # A lone part must be within a vowel of one of the actor's own spellings.
        return any(
            len(n) == 1 and parts_match(name.core[0], n.core[0], alone=True) for n in self._names[actor_id]
        )

    def best(
        self, text: str | Name, kind: str | None = None, countries: Mapping[str, int] | None = None
    ) -> RegistryActor | None:
        """The candidate the context supports most: the most mentioned country wins."""
        actors = self.candidates(text, kind)
        if not actors:
            return None
        if len(actors) == 1 or not countries:
            return actors[0]
        first_type = actors[0].type
        return max(
            (a for a in actors if a.type == first_type),
            key=lambda a: (countries.get(a.country or "", 0), -self._order[a.id]),
        )

    def by_latin(self, query: str) -> list[RegistryActor]:
        ids = self._by_latin.get(latin_key(query), [])
        return [self.actors[i] for i in ids]

    def names_of(self, actor_id: str) -> list[Name]:
        return self._names.get(actor_id, [])


def _add(ids: list[str], actor_id: str) -> None:
    if actor_id not in ids:
        ids.append(actor_id)


# --- loading -------------------------------------------------------------------


def shipped_path() -> Path:
    return Path(str(resources.files("hadath.actors").joinpath("data", "registry.yaml")))


def user_paths() -> list[Path]:
    value = os.environ.get(ENV_VAR, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def load_registry(paths: Sequence[str | Path] | None = None, *, shipped: bool = True) -> Registry:
    """The shipped registry plus ``paths`` (default: the files named by HADATH_REGISTRY)."""
    actors: dict[str, RegistryActor] = {}
    if shipped:
        actors.update((a.id, a) for a in read_file(shipped_path(), error=ModelError))
    for path in user_paths() if paths is None else paths:
        actors.update((a.id, a) for a in read_file(Path(path), error=ConfigError))
    return Registry(actors.values())


@cache
def default_registry() -> Registry:
    """The registry of this process: shipped plus HADATH_REGISTRY, loaded once."""
    return load_registry()


def read_file(path: Path, error: type[HadathError] = ConfigError) -> list[RegistryActor]:
    """Registry entries of one YAML file, validated; ``error`` names file and entry."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except OSError as problem:
        raise error(f"actor registry {path}: cannot read ({problem.strerror or problem})") from None
    except yaml.YAMLError as problem:
        raise error(f"actor registry {path}: not valid YAML ({problem})") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise error(f"actor registry {path}: expected a list of actors, got {type(data).__name__}")
    seen: Counter[str] = Counter()
    actors = []
    for number, entry in enumerate(data, 1):
        actor = _actor(entry, f"actor registry {path}, entry {number}", str(path), error)
        seen[actor.id] += 1
        if seen[actor.id] > 1:
            raise error(f"actor registry {path}, entry {number}: id {actor.id!r} is used twice")
        actors.append(actor)
    return actors


def _actor(entry: Any, where: str, origin: str, error: type[HadathError]) -> RegistryActor:
    if not isinstance(entry, dict):
        raise error(f"{where}: expected a mapping, got {type(entry).__name__}")
    where = f"{where} ({entry.get('id', '?')})"
    for key in REQUIRED:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise error(f"{where}: '{key}' is missing or not a string")
    if entry["type"] not in TYPES:
        raise error(f"{where}: type {entry['type']!r} is not one of {', '.join(TYPES)}")
    roles = entry.get("roles") or []
    if not isinstance(roles, list):
        raise error(f"{where}: 'roles' must be a list")
    return RegistryActor(
        id=entry["id"].strip(),
        type=entry["type"],
        name_ar=entry["name_ar"].strip(),
        name_lat=_optional(entry, "name_lat", where, error),
        aliases_ar=_strings(entry, "aliases_ar", where, error),
        aliases_lat=_strings(entry, "aliases_lat", where, error),
        country=_optional(entry, "country", where, error),
        sector=_optional(entry, "sector", where, error),
        roles=tuple(_role(r, f"{where}, role {i}", error) for i, r in enumerate(roles, 1)),
        origin=origin,
    )


def _role(entry: Any, where: str, error: type[HadathError]) -> RegistryRole:
    if not isinstance(entry, dict) or not isinstance(entry.get("title_ar"), str):
        raise error(f"{where}: a role needs at least 'title_ar'")
    start, end = _date(entry, "start", where, error), _date(entry, "end", where, error)
    if start and end and end < start[: len(end)]:
        raise error(f"{where}: ends ({end}) before it starts ({start})")
    return RegistryRole(
        entry["title_ar"], _optional(entry, "title_lat", where, error), _optional(entry, "org", where, error),
        _optional(entry, "sector", where, error), start, end,
    )


def _date(entry: dict[str, Any], key: str, where: str, error: type[HadathError]) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    text = str(value)  # YAML reads an unquoted 2016-11-29 as a date
    parts = text.split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        raise error(f"{where}: {key} {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _optional(entry: dict[str, Any], key: str, where: str, error: type[HadathError]) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise error(f"{where}: '{key}' must be a string")
    return value.strip() or None


def _strings(entry: dict[str, Any], key: str, where: str, error: type[HadathError]) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise error(f"{where}: '{key}' must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())
