"""Finding actors in a store, in either script, and showing them.

``find_actors(store, "Shoigu")``, ``find_actors(store, "شويجو")`` and
``find_actors(store, "Sergei Shoigu")`` find the same actor: Latin queries go through
the Latin names (registry names, romanised names of discovered actors), Arabic ones
through the variant keys the linker filed.  Rows follow the export contract
(DESIGN.md, actors.jsonl).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from rich.table import Table

from hadath.actors.names import blocking_keys, match_kind, parse_name
from hadath.actors.registry import Registry, RegistryActor, default_registry, latin_key
from hadath.store.actor_tables import ActorRow, SQLiteActorTables
from hadath.text.normalise import normalise

T = TypeVar("T")

DEFAULT_LIMIT = 20
_SHOWN_ALIASES = 6
_SHOWN_ROLES = 3


def find_actors(
    store: SQLiteActorTables, query: str | None, limit: int = DEFAULT_LIMIT, registry: Registry | None = None
) -> list[dict[str, Any]]:
    """Actors matching ``query`` (all actors when None), most mentioned first, as export rows.

    Registry actors that match but were never mentioned in the store are listed too,
    with no mentions, so that the registry itself can be searched.
    """
    registry = registry or default_registry()
    if not query or not query.strip():
        rows = store.top_actors(limit)
        return [actor_json(store, row, registry) for row in rows]
    query = query.strip()
    if any("a" <= c.casefold() <= "z" for c in query):
        rows, known = _by_latin(store, query), registry_by_latin(registry, query)
    else:
        rows, known = _by_arabic(store, query), registry.candidates(query)
    found = {row.id: row for row in rows}
    out = [actor_json(store, row, registry) for row in sorted(found.values(), key=lambda r: -r.mentions)]
    out.extend(registry_json(actor) for actor in known if actor.id not in found)
    return out[:limit]


def _latin_lookup(lookup: Callable[[str], list[T]], query: str) -> list[T]:
    """The whole Latin name, else ("Shoigu Sergei", a name part alone) the last part that is filed."""
    key = latin_key(query)
    found = lookup(key)
    for word in reversed(key.split()):
        if found:
            break
        found = lookup(word)
    return found


def registry_by_latin(registry: Registry, query: str) -> list[RegistryActor]:
    return _latin_lookup(registry.by_latin, query)


def _by_latin(store: SQLiteActorTables, query: str) -> list[ActorRow]:
    return _latin_lookup(store.actors_by_latin, query)


def _by_arabic(store: SQLiteActorTables, query: str) -> list[ActorRow]:
    name = parse_name(query)
    if not name:
        return []
    rows = store.actors_by_keys(["k:" + name.key])
    rows += store.actors_with_alias_form(normalise(query))
    if len(name) > 1:
        candidates = store.actors_by_keys(sorted(blocking_keys(name)))
        aliases = store.actor_aliases([c.id for c in candidates])
        rows += [c for c in candidates if any(match_kind(name, parse_name(a)) for a in aliases[c.id])]
    return list({r.id: r for r in rows}.values())


# --- rows ------------------------------------------------------------------------


def actor_json(store: SQLiteActorTables, row: ActorRow, registry: Registry | None = None) -> dict[str, Any]:
    """One actors.jsonl row: id, type, name_ar, name_lat, aliases, roles, mentions, articles."""
    registry = registry or default_registry()
    known = registry.actors.get(row.id) if row.origin == "registry" else None
    aliases = store.actor_aliases([row.id])[row.id]
    if known:
        aliases += [a for a in (*known.arabic_names, *known.latin_names) if a not in aliases]
    aliases = [a for a in aliases if a not in (row.name_ar, row.name_lat)]
    roles = [_registry_role(r) for r in known.roles] if known else []
    roles += _observed_roles(store, row.id)
    return {
        "id": row.id, "type": row.type, "name_ar": row.name_ar, "name_lat": row.name_lat,
        "aliases": aliases, "roles": roles, "mentions": row.mentions, "articles": store.actor_articles(row.id),
        "country": row.country, "sector": row.sector, "origin": row.origin,
    }


def registry_json(actor: RegistryActor) -> dict[str, Any]:
    """The row of a registry actor the store has not seen."""
    aliases = [a for a in (*actor.aliases_ar, *actor.aliases_lat)]
    return {
        "id": actor.id, "type": actor.type, "name_ar": actor.name_ar, "name_lat": actor.name_lat,
        "aliases": aliases, "roles": [_registry_role(r) for r in actor.roles], "mentions": 0, "articles": [],
        "country": actor.country, "sector": actor.sector, "origin": "registry",
    }


def _registry_role(role: Any) -> dict[str, Any]:
    return {
        "title": role.title_ar, "title_lat": role.title_lat, "org": role.org, "country": None,
        "sector": role.sector, "start": role.start, "end": role.end, "source": "registry", "articles": [],
    }


def _observed_roles(store: SQLiteActorTables, actor_id: str) -> list[dict[str, Any]]:
    """Roles the articles state, one per (title, organisation), dated first to last."""
    merged: dict[tuple[str, str | None], dict[str, Any]] = {}
    for role in store.actor_roles(actor_id):
        key = (normalise(role.title), role.org and normalise(role.org))
        entry = merged.setdefault(key, {
            "title": role.title, "title_lat": role.title_lat, "org": role.org, "country": role.country,
            "sector": role.sector, "start": role.date, "end": role.date, "source": "articles", "articles": [],
        })
        entry["country"] = entry["country"] or role.country
        if role.date:
            entry["start"] = min(filter(None, (entry["start"], role.date)))
            entry["end"] = max(filter(None, (entry["end"], role.date)))
        if role.article not in entry["articles"]:
            entry["articles"].append(role.article)
    return list(merged.values())


def iter_actor_json(store: SQLiteActorTables, registry: Registry | None = None) -> Iterator[dict[str, Any]]:
    """Every mentioned actor as an actors.jsonl row (for export)."""
    registry = registry or default_registry()
    for row in store.iter_actors():
        yield actor_json(store, row, registry)


# --- table -----------------------------------------------------------------------


def format_actors_table(rows: list[dict[str, Any]]) -> Table:
    """A readable table of actor rows (``find_actors`` output)."""
    table = Table(show_lines=False)
    for column in ("id", "name", "type", "aliases", "roles", "mentions", "articles"):
        table.add_column(column, justify="right" if column in ("mentions", "articles") else "left",
                         overflow="fold")
    for row in rows:
        name = row["name_ar"] + (f"\n{row['name_lat']}" if row.get("name_lat") else "")
        aliases = ", ".join(row["aliases"][:_SHOWN_ALIASES]) + (" …" if len(row["aliases"]) > _SHOWN_ALIASES else "")
        roles = "\n".join(_role_text(r) for r in row["roles"][-_SHOWN_ROLES:])
        table.add_row(row["id"], name, row["type"], aliases, roles, str(row["mentions"]), str(len(row["articles"])))
    return table


def _role_text(role: dict[str, Any]) -> str:
    title = role.get("title_lat") or role["title"]
    where = f" ({role['org']})" if role.get("org") else ""
    when = role.get("start") or ""
    if role.get("end") != role.get("start"):
        when = f"{role.get('start') or '…'}–{role.get('end') or ''}"
    return f"{title}{where} {when}".strip()
