"""Named analysis stages and ``analyze(article) -> Analysis``.

A stage declares what it requires and what it provides (keys of ``Analysis``); the
order is checked before anything runs, so a missing stage fails loudly instead of
yielding an empty field.  ``analyze`` is a pure function of the article and the
loaded resources: it is what a worker runs, and it never touches the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from hadath import config
from hadath.errors import ConfigError
from hadath.model import Analysis, Article
from hadath.plugins import import_available

StageFn = Callable[[Article, dict[str, Any]], dict[str, Any]]

# Modules that register built-in stages when imported, in pipeline order.
BUILTIN_STAGE_MODULES = (
    "hadath.text.stages",
    "hadath.entities.stage",
    "hadath.actors.stage",
    "hadath.timex.stage",
    "hadath.events.stage",
)
ANALYSIS_FIELDS = frozenset(f.name for f in fields(Analysis)) - {"article", "stages"}


@dataclass(frozen=True)
class Stage:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    run: StageFn


_REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: Iterable[str] = (), provides: Iterable[str]) -> Callable[[StageFn], StageFn]:
    """Register ``fn(article, state) -> {field: value}`` as the stage ``name``."""

    def register(fn: StageFn) -> StageFn:
        unknown = (set(provides) | set(requires)) - ANALYSIS_FIELDS
        if unknown:
            raise ConfigError(f"stage {name!r} names unknown analysis fields {sorted(unknown)}")
        _REGISTRY[name] = Stage(name, frozenset(requires), frozenset(provides), fn)
        return fn

    return register


@cache
def _load_builtins() -> tuple[str, ...]:
    import_available(BUILTIN_STAGE_MODULES)
    return _ordered_names()


def _ordered_names() -> tuple[str, ...]:
    """Stage names in pipeline order: built-in modules in their listed order, then others.

    Registration order alone would depend on which module some caller imported first.
    """
    rank = {module: i for i, module in enumerate(BUILTIN_STAGE_MODULES)}
    names = list(_REGISTRY)
    return tuple(sorted(names, key=lambda n: (rank.get(_REGISTRY[n].run.__module__, len(rank)), names.index(n))))


def available_stages() -> tuple[str, ...]:
    """Names of every registered stage, in pipeline order."""
    return _load_builtins()


def plan(names: Sequence[str] | None = None) -> tuple[Stage, ...]:
    """The stages to run, in order, after checking every requirement is provided earlier."""
    registered = _load_builtins()
    if names is None:
        names = config.get("stages")
    chosen = list(registered if names is None else names)
    provided: set[str] = set()
    ordered: list[Stage] = []
    for name in chosen:
        if name not in _REGISTRY:
            raise ConfigError(f"unknown stage {name!r}; known: {', '.join(registered)}")
        current = _REGISTRY[name]
        missing = current.requires - provided
        if missing:
            raise ConfigError(f"stage {name!r} needs {sorted(missing)}, which no earlier stage provides")
        provided |= current.provides
        ordered.append(current)
    return tuple(ordered)


def analyze(article: Article, stages: Sequence[str] | None = None) -> Analysis:
    """Run the per-article stages on ``article`` and return everything they found."""
    state: dict[str, Any] = {"published": article.published}
    ran: list[str] = []
    for current in plan(stages):
        produced = current.run(article, state)
        extra = set(produced) - current.provides
        if extra:
            raise ConfigError(f"stage {current.name!r} returned undeclared fields {sorted(extra)}")
        state.update(produced)
        ran.append(current.name)
    values = {key: state[key] for key in ANALYSIS_FIELDS if key in state}
    return Analysis(article=article, stages=tuple(ran), **values)
