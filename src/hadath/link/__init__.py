"""Corpus-level linking, run after each stored batch: named linkers in order.

A linker gets the store and the batch just written and updates corpus-level data
(actors, events, episodes, storylines).  Its cost per new article must not grow with
the corpus: it looks up candidates by key (actor, time window), never all pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from hadath.plugins import import_available
from hadath.store.base import Processed, Store

Linker = Callable[[Store, Sequence[Processed]], None]

# Modules that register built-in linkers when imported, in order.
BUILTIN_LINKER_MODULES = (
    "hadath.link.actors",
    "hadath.link.events",
    "hadath.link.episodes",
    "hadath.link.storylines",
)

_LINKERS: dict[str, Linker] = {}


def linker(name: str) -> Callable[[Linker], Linker]:
    def register(fn: Linker) -> Linker:
        _LINKERS[name] = fn
        return fn

    return register


@cache
def _load_builtins() -> tuple[str, ...]:
    """Linker names in order: built-in modules as listed (actors before events before
    episodes), then plugins; registration order would depend on who imported what first."""
    import_available(BUILTIN_LINKER_MODULES)
    rank = {module: i for i, module in enumerate(BUILTIN_LINKER_MODULES)}
    names = list(_LINKERS)
    return tuple(sorted(names, key=lambda n: (rank.get(_LINKERS[n].__module__, len(rank)), names.index(n))))


def available_linkers() -> tuple[str, ...]:
    return _load_builtins()


def link_batch(store: Store, batch: Sequence[Processed]) -> None:
    """Run every linker on a freshly written batch."""
    for name in _load_builtins():
        _LINKERS[name](store, batch)
