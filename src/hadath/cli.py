"""Command line: maps arguments to options and calls the service facade, nothing more."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hadath import cli_eval, cli_events, service
from hadath.errors import ConfigError, HadathError
from hadath.model import UNKNOWN_DATE, Article, DateValue, EventMention

app = typer.Typer(help="hadath: Arabic news to event data, with evidence.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
train_app = typer.Typer(help="Build models from data you supply.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure quality on labelled data.", no_args_is_help=True)
build_app = typer.Typer(help="Build lexicons and tables from a corpus.", no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")
app.add_typer(build_app, name="build")

console = Console()
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite file (or postgresql:// URL).")]
TYPE_STYLES = {"PER": "bold cyan", "ORG": "bold magenta", "LOC": "bold green", "MISC": "bold yellow"}


def _fail(error: HadathError, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {error}", highlight=False)
    return typer.Exit(code)


def _published_option(raw: str | None) -> DateValue:
    from hadath.timex.published import parse_published_option

    if not raw:
        return UNKNOWN_DATE
    try:
        return parse_published_option(raw)
    except ConfigError as error:
        raise _fail(error) from None


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs.")],
    db: DbOption = service.DEFAULT_DB,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet for articles that do not name one.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Date for articles without one (YYYY-MM-DD).")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Worker processes (default: all cores).")] = None,
    stages: Annotated[Optional[str], typer.Option(help="Comma-separated analysis stages (default: all).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read articles into the store; re-running on the same input changes nothing."""
    stage_names = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    date = _published_option(published)
    started = time.perf_counter()
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=json_out or not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)

        def tick(report: service.IngestReport) -> None:
            rate = report.seen / max(time.perf_counter() - started, 1e-9)
            progress.update(task, description=f"{report.seen} read, {report.ingested} stored ({rate:.0f}/s)")

        try:
            report = service.ingest(paths, db, published=date, outlet=outlet, workers=workers,
                                    stages=stage_names, on_batch=tick)
        except HadathError as error:
            raise _fail(error) from None
    elapsed = time.perf_counter() - started
    if json_out:
        console.print_json(service.dumps({**report.to_json(), "seconds": round(elapsed, 2)}))
    else:
        _print_ingest_report(report, elapsed)
    if report.failed:
        raise typer.Exit(1)


def _print_ingest_report(report: service.IngestReport, elapsed: float) -> None:
    table = Table(title=f"ingest finished in {elapsed:.1f} s", show_header=False)
    for label, value in (
        ("ingested", report.ingested), ("already stored", report.unchanged),
        ("exact duplicates skipped", report.duplicates), ("near-duplicates (stored, marked)", report.near_duplicates),
        ("failed", len(report.failed)),
    ):
        table.add_row(label, str(value))
    console.print(table)
    for problem in report.failed:
        err.print(f"[red]failed:[/red] {problem}", highlight=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words to find; "quoted" for a phrase.')],
    db: DbOption = service.DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Most results.")] = 20,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Full-text search, whatever the alef forms, clitics or diacritics of the query."""
    try:
        hits = service.search(query, db, limit)
    except HadathError as error:
        raise _fail(error) from None
    if json_out:
        for hit in hits:
            print(service.dumps({"id": hit.id, "title": hit.title, "outlet": hit.outlet,
                                 "published": hit.published, "snippet": hit.snippet}))
        return
    table = Table(title=f"{len(hits)} result(s) for {query}")
    for column in ("id", "published", "outlet", "title / snippet"):
        table.add_column(column)
    for hit in hits:
        table.add_row(hit.id, hit.published or "—", hit.outlet or "—", f"{hit.title}\n[dim]{hit.snippet}[/dim]")
    console.print(table)


@app.command()
def show(article_id: Annotated[str, typer.Argument()], db: DbOption = service.DEFAULT_DB) -> None:
    """Print one article with its entities highlighted by type and its dates."""
    try:
        stored = service.show(article_id, db)
    except HadathError as error:
        raise _fail(error) from None
    if stored is None:
        raise _fail(HadathError(f"{db}: no article with id {article_id!r}"), 1)
    article = stored.article
    console.print(f"[bold]{article.title}[/bold]" if article.title else "[dim](no title)[/dim]")
    console.print(f"id {article.id} · outlet {article.outlet or '—'} · published "
                  f"{article.published.value or 'unknown'} ({article.published.basis})"
                  + (f" · near-duplicate of {stored.duplicate_of}" if stored.duplicate_of else ""),
                  style="dim", highlight=False)
    body = Text(article.text)
    for mention in stored.mentions:
        body.stylize(TYPE_STYLES.get(mention.type, "bold"), mention.start, mention.end)
    for timex in stored.timexes:
        body.stylize("underline", timex.start, timex.end)
    for event in stored.event_mentions:
        body.stylize("reverse", event.trigger.start, event.trigger.end)
    console.print(body)
    if stored.mentions:
        legend = "  ".join(f"[{s}]{t}[/{s}]" for t, s in TYPE_STYLES.items())
        console.print(f"legend: {legend}  [underline]date[/underline]  [reverse]event[/reverse]")
    if stored.event_mentions:
        console.print(_event_mentions_table(article, stored.event_mentions))


def _event_mentions_table(article: Article, events: Iterable[EventMention]) -> Table:
    table = Table(title="event mentions")
    for column in ("type", "trigger", "sources", "targets", "date", "flags"):
        table.add_column(column)
    for event in events:
        flags = [f for f in ("negated", "future", "hypothetical", "reported") if getattr(event, f)]
        table.add_row(
            event.type + (f" ({event.mode})" if event.mode else ""), event.trigger.of(article.text),
            "، ".join(s.of(article.text) for s in event.sources), "، ".join(t.of(article.text) for t in event.targets),
            f"{event.date.value or 'undated'} ({event.date.basis})", ", ".join(flags),
        )
    return table


@app.command()
def analyze(
    source: Annotated[Optional[str], typer.Argument(help="An article file, or - for standard input.")] = None,
    jsonl: Annotated[Optional[Path], typer.Option("--jsonl", help="JSONL of {id, text, title?, published?}.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
) -> None:
    """Run the per-article analysis without a store and print one JSON object per article."""
    from hadath.ingest.files import read_file
    from hadath.ingest.jsonl import read_jsonl
    from hadath.ingest.records import Problem

    date = _published_option(published)
    if (source is None) == (jsonl is None):
        raise _fail(ConfigError("give one article file, '-', or --jsonl FILE"))
    if source == "-":
        records: Iterable[Article | Problem] = [Article("stdin", sys.stdin.read(), published=date)]
    elif jsonl is not None:
        records = read_jsonl(jsonl, date)
    else:
        records = read_file(Path(str(source)), date)
    failed = False
    for record in records:
        if isinstance(record, Problem):
            err.print(f"[red]failed:[/red] {record}", highlight=False)
            failed = True
            continue
        try:
            analysis = next(service.analyze_articles([record]))
        except HadathError as error:
            err.print(f"[red]failed:[/red] {record.id}: {error}", highlight=False)
            failed = True
            continue
        print(service.dumps(service.analysis_json(analysis)), flush=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="Folder for the JSONL files.")],
    db: DbOption = service.DEFAULT_DB,
) -> None:
    """Write the output contract (articles, actors, mentions, timexes, events, episodes, storylines)."""
    from hadath.export import export as write_export
    from hadath.store import open_store

    try:
        with open_store(db, readonly=True) as store:
            written = write_export(store, out)
    except HadathError as error:
        raise _fail(error) from None
    except OSError as error:
        raise _fail(HadathError(f"{out}: cannot write ({error.strerror})")) from None
    for name, lines in written.items():
        console.print(f"{out / name}: {lines} line(s)", highlight=False)


@app.command()
def demo(
    db: DbOption = "hadath-demo.db",
    workers: Annotated[Optional[int], typer.Option(help="Worker processes.")] = None,
) -> None:
    """Ingest the shipped sample articles into a fresh store and show what hadath found."""
    from hadath.demo import run_demo

    try:
        run_demo(Path(db), console, workers)
    except HadathError as error:
        raise _fail(error) from None


@build_app.command("wordfreq")
def build_wordfreq(
    corpus: Annotated[Path, typer.Argument(help="JSONL(.gz) articles with a text field.")],
    out: Annotated[Optional[Path], typer.Option(help="Output table (default: the shipped one).")] = None,
) -> None:
    """Rebuild the word-frequency table the clitic splitter consults."""
    from hadath.corpus import iter_texts
    from hadath.text import wordfreq

    target = out or Path(__file__).parent / "text" / "data" / wordfreq.TABLE
    try:
        size = wordfreq.build(iter_texts(corpus), target)
    except HadathError as error:
        raise _fail(error) from None
    console.print(f"{target}: {size} forms")


cli_eval.register(app, train_app, eval_app)
cli_events.register(app)


def main() -> None:  # pragma: no cover - console entry point
    app()
