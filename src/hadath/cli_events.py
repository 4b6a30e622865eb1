"""``hadath events`` and ``hadath timeline``: deduplicated events with their evidence."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from hadath import service
from hadath.errors import HadathError

console = Console()
err = Console(stderr=True, soft_wrap=True)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[Format, typer.Option("--format", help="table, json (one object a line) or csv.")]
DbOption = Annotated[str, typer.Option("--db", help="SQLite file.")]


def emit(rows: Sequence[dict[str, Any]], fmt: Format, table: Callable[[], Any],
         flat: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """Print rows as a table, JSON lines or CSV (lists flattened by ``flat``)."""
    if fmt is Format.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif fmt is Format.csv:
        flat_rows = [flat(row) for row in rows]
        if flat_rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(flat_rows[0]))
            writer.writeheader()
            writer.writerows(flat_rows)
    else:
        console.print(table())


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row for CSV: lists joined with ';', nested objects as JSON."""
    return {k: ";".join(map(str, v)) if isinstance(v, list) else json.dumps(v, ensure_ascii=False)
            if isinstance(v, dict) else v for k, v in row.items()}


def _fail(error: Exception) -> typer.Exit:
    err.print(f"[red]error:[/red] {error}", highlight=False)
    return typer.Exit(2)


def register(app: typer.Typer) -> None:
    @app.command()
    def events(
        actor: Annotated[Optional[str], typer.Option("--actor", help="A name (Arabic or Latin) or actor id.")] = None,
        kind: Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER type; repeatable.")] = None,
        since: Annotated[Optional[str], typer.Option("--since", help="YYYY[-MM[-DD]]")] = None,
        until: Annotated[Optional[str], typer.Option("--until", help="YYYY[-MM[-DD]]")] = None,
        all_reports: Annotated[bool, typer.Option("--all", help="Also negated, future, hypothetical.")] = False,
        latin: Annotated[bool, typer.Option("--latin", help="Actor names in Latin script.")] = False,
        limit: Annotated[int, typer.Option(help="Most rows shown in the table (0: all).")] = 50,
        db: DbOption = service.DEFAULT_DB,
        fmt: FormatOption = Format.table,
    ) -> None:
        """Events: each action once, with every report of it kept as evidence."""
        from hadath.link.event_query import EventFilter

        where = EventFilter(tuple(t.upper() for t in kind or ()), actor, since, until, all_reports)
        _show(db, where, latin, limit, fmt, "")

    @app.command()
    def timeline(
        actor: Annotated[str, typer.Argument(help="A name (Arabic or Latin) or actor id.")],
        since: Annotated[Optional[str], typer.Option("--since", help="YYYY[-MM[-DD]]")] = None,
        until: Annotated[Optional[str], typer.Option("--until", help="YYYY[-MM[-DD]]")] = None,
        latin: Annotated[bool, typer.Option("--latin", help="Actor names in Latin script.")] = False,
        limit: Annotated[int, typer.Option(help="Most rows shown in the table (0: all).")] = 0,
        db: DbOption = service.DEFAULT_DB,
        fmt: FormatOption = Format.table,
    ) -> None:
        """An actor's events in the order they happened (not the order reported)."""
        from hadath.link.event_query import EventFilter

        _show(db, EventFilter((), actor, since, until), latin, limit, fmt, f"timeline: {actor}")


def _show(db: str, where: Any, latin: bool, limit: int, fmt: Format, title: str) -> None:
    from hadath.link.event_query import actor_names, csv_row, format_events_table, iter_event_json
    from hadath.store import open_store

    try:
        with open_store(db, readonly=True) as store:
            rows = list(iter_event_json(store, where))
            names = actor_names(store, rows, latin) if fmt is Format.table else {}
    except HadathError as error:
        raise _fail(error) from None
    shown = rows[:limit] if limit and fmt is Format.table else rows
    heading = f"{title} — " if title else ""
    heading += f"{len(rows)} events" + (f" (first {len(shown)})" if len(shown) < len(rows) else "")
    emit(shown, fmt, lambda: format_events_table(shown, names, heading), csv_row)
