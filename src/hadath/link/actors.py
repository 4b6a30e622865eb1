"""The actors linker: after each stored batch, mentions are resolved to actors.

Per article: mentions are grouped and matched to the registry (actors/resolve.py);
a group the registry does not know is looked up among the actors discovered so far
by its variant keys (an indexed table, never a scan) and joins the strongest match,
or becomes a new actor ("per/<romanised-name>").  Aliases, keys, Latin names, roles
(dated by the article) and mention counts are updated, and every mention points to
its actor.  One transaction per batch.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from hadath.actors.names import Name, blocking_keys, parse_name
from hadath.actors.registry import Registry, RegistryActor, default_registry, latin_key
from hadath.actors.resolve import Group, groups_match, resolve_article
from hadath.actors.romanise import romanise
from hadath.entities.roles import Role, find_roles
from hadath.errors import StoreError
from hadath.link import linker
from hadath.store.actor_tables import ActorRow, RoleRow, SQLiteActorTables
from hadath.store.base import Processed, Store
from hadath.text.normalise import normalise

MAX_CANDIDATES = 50  # discovered actors compared per group, most mentioned first
_SLUG_RE = re.compile(r"[^a-z0-9]+")


@linker("actors")
def link_actors(store: Store, batch: Sequence[Processed]) -> None:
    if not any(item.mentions for item in batch):
        return
    if not isinstance(store, SQLiteActorTables):
        raise StoreError(f"{store.location}: this store cannot hold actors")
    link_batch_actors(store, batch, default_registry())


def link_batch_actors(store: SQLiteActorTables, batch: Sequence[Processed], registry: Registry) -> None:
    """Resolve and store the actors of ``batch`` (already written) in one transaction."""
    with store.actor_transaction():
        rowids = store.article_rowids([item.article.id for item in batch if item.mentions])
        for item in batch:
            if item.mentions and item.article.id in rowids:
                link_article(store, item, rowids[item.article.id], registry)


def link_article(store: SQLiteActorTables, item: Processed, rowid: int, registry: Registry) -> None:
    article = item.article
    text, mentions = article.text, item.mentions
    roles = find_roles(text, mentions, article.published.value)
    links: list[tuple[int, int, str]] = []
    for group in resolve_article(text, mentions, registry):
        actor_id = _registry_actor(store, group.actor) if group.actor else _discovered_actor(store, group)
        surfaces = Counter(text[mentions[i].start : mentions[i].end] for i in group.mentions)
        _record(store, actor_id, group, surfaces, [r for i in group.mentions for r in roles.get(i, ())], rowid)
        links.extend((mentions[i].start, mentions[i].end, actor_id) for i in group.mentions)
    store.set_mention_actors(rowid, links)


def _registry_actor(store: SQLiteActorTables, actor: RegistryActor) -> str:
    if not store.actor_exists(actor.id):
        store.insert_actor(ActorRow(actor.id, actor.type, actor.name_ar, actor.name_lat, actor.country,
                                    actor.sector, "registry"))
        names = [parse_name(n) for n in actor.arabic_names]
        store.add_keys(actor.id, _keys(actor.type, [n for n in names if n]))
        store.add_latin(actor.id, _latin_keys(actor.type, actor.latin_names))
    return actor.id


def _discovered_actor(store: SQLiteActorTables, group: Group) -> str:
    keys = _keys(group.type, group.names)
    best: tuple[int, int, str] | None = None
    candidates = [c for c in store.actors_by_keys(sorted(keys), "discovered", MAX_CANDIDATES) if c.type == group.type]
    aliases = store.actor_aliases([c.id for c in candidates])
    for candidate in candidates:
        names = [n for n in (parse_name(a) for a in aliases[candidate.id]) if n]
        strength = groups_match(group.names, names, group.type)
        if strength and (best is None or (strength, candidate.mentions) > best[:2]):
            best = (strength, candidate.mentions, candidate.id)
    if best:
        _maybe_rename(store, best[2], group)
        return best[2]
    surface = _display_name(group)
    name_lat = romanise(surface)
    actor_id = _new_id(store, group.type, name_lat)
    store.insert_actor(ActorRow(actor_id, group.type, surface, name_lat, None, None, "discovered"))
    return actor_id


def _maybe_rename(store: SQLiteActorTables, actor_id: str, group: Group) -> None:
    """A fuller name than the one shown becomes the actor's name (لوكيانوف → يفجيني لوكيانوف)."""
    row = store.actors_by_ids([actor_id])[0]
    current = parse_name(row.name_ar)
    surface = _display_name(group)
    if len(parse_name(surface)) > len(current):
        store.update_actor_names(actor_id, surface, romanise(surface))


def _display_name(group: Group) -> str:
    longest = len(group.longest)
    return next(t for t in group.texts if len(parse_name(t)) == longest)


def _new_id(store: SQLiteActorTables, kind: str, name_lat: str) -> str:
    slug = _SLUG_RE.sub("-", name_lat.casefold()).strip("-") or "actor"
    base = f"{kind.lower()}/{slug}"
    candidate, number = base, 1
    while store.actor_exists(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _record(
    store: SQLiteActorTables, actor_id: str, group: Group, surfaces: Counter[str], roles: list[Role], rowid: int
) -> None:
    store.add_aliases(actor_id, [(t, normalise(t), n) for t, n in surfaces.items()])
    store.add_keys(actor_id, _keys(group.type, group.names))
    row = store.actors_by_ids([actor_id])[0]
    if row.origin == "discovered":
        store.add_latin(actor_id, _latin_keys(group.type, [row.name_lat] if row.name_lat else []))
    store.add_mention_count(actor_id, len(group.mentions))
    if roles:
        store.add_roles(actor_id, [RoleRow(r.title, r.title_lat, r.org, r.country, r.sector, r.date, "")
                                   for r in roles], rowid)
        sectors = Counter(r.sector for r in roles if r.sector)
        countries = Counter(r.country for r in roles if r.country)
        store.fill_actor_profile(
            actor_id, countries.most_common(1)[0][0] if countries else None,
            sectors.most_common(1)[0][0] if sectors else None,
        )


def _keys(kind: str, names: Sequence[Name]) -> set[str]:
    """Keys an actor is filed under: every name's own key, and pairs of parts for people."""
    keys = {"k:" + n.key for n in names}
    if kind == "PER":
        for name in names:
            if len(name) > 1:
                keys |= blocking_keys(name)
    return keys


def _latin_keys(kind: str, names: Sequence[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        key = latin_key(name)
        if not key:
            continue
        keys.add(key)
        words = [w for w in key.split() if w not in ("al", "el")]
        if kind == "PER" and len(words) > 1:
            keys.add(words[-1])
            keys.add(" ".join(words))
    return keys
