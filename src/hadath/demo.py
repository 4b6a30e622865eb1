"""``hadath demo``: the shipped sample articles through the whole pipeline."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.table import Table

from hadath import service
from hadath.actors.query import find_actors, format_actors_table
from hadath.errors import StoreError
from hadath.link.event_query import actor_names, format_events_table, iter_event_json
from hadath.link.query import format_episodes_table, format_storylines_table, iter_episode_json, iter_storyline_json
from hadath.store import open_store

SAMPLE_SUFFIXES = (".jsonl", ".txt", ".html")
DEMO_QUERIES = ("حفتر موسكو", "الإحتجاجات في الخرطوم")
DEMO_EVENTS = 12  # the most reported events are shown, with their evidence


def sample_paths() -> list[Path]:
    """The sample articles shipped inside the package."""
    folder = Path(str(resources.files("hadath").joinpath("samples")))
    return sorted(p for p in folder.iterdir() if p.suffix in SAMPLE_SUFFIXES)


def run_demo(db: Path, console: Console, workers: int | None = None) -> service.IngestReport:
    if db.exists():
        _remove_store(db)
    report = service.ingest(sample_paths(), db, workers=workers)
    console.rule("[bold]hadath demo[/bold]")
    console.print(
        f"{report.ingested} sample articles stored in {db} ({report.near_duplicates} near-duplicates marked, "
        f"{report.duplicates} exact duplicates skipped, {len(report.failed)} failed)", highlight=False,
    )
    with open_store(db, readonly=True) as store:
        stored = list(store.iter_articles())
        top_actors = find_actors(store, None, 12)  # type: ignore[arg-type]
        storylines = list(iter_storyline_json(store))
        episodes = list(iter_episode_json(store))
        events = sorted(iter_event_json(store), key=lambda e: (-len(e["mentions"]), e["date"]["value"] or ""))
        events = sorted(events[:DEMO_EVENTS], key=lambda e: e["date"]["value"] or "")
        names = actor_names(store, events, latin=True)
    table = Table(title="articles")
    for column in ("id", "outlet", "published", "basis", "title"):
        table.add_column(column)
    for item in stored:
        a = item.article
        table.add_row(a.id, a.outlet or "—", a.published.value or "—", a.published.basis, a.title)
    console.print(table)
    mention_types = Counter(m.type for item in stored for m in item.mentions)
    if mention_types:
        console.print("entities: " + ", ".join(f"{t} {n}" for t, n in sorted(mention_types.items())))
    timexes = sum(len(item.timexes) for item in stored)
    if timexes:
        console.print(f"date expressions: {timexes}")
    if top_actors:
        console.print(format_actors_table(top_actors))
    if storylines:
        console.print(format_storylines_table(storylines, latin=True))
    if episodes:
        console.print(format_episodes_table(episodes, latin=True))
    if events:
        console.print(format_events_table(events, names, f"the {len(events)} most reported events"))
    for query in DEMO_QUERIES:
        hits = service.search(query, db, limit=5)
        console.print(f"search [bold]{query}[/bold]: " + (", ".join(h.id for h in hits) or "no match"))
    console.print(f"next: hadath show {stored[0].article.id} --db {db}", style="dim", highlight=False)
    return report


def _remove_store(db: Path) -> None:
    """Delete an earlier demo store, refusing to delete anything that is not a hadath store."""
    try:
        with open_store(db, readonly=True):
            pass
    except StoreError as error:
        raise StoreError(f"{db}: exists and is not a hadath store; not overwriting it ({error})") from None
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
