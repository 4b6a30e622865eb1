"""``hadath train …``, ``hadath eval …`` and ``hadath actors``: thin maps onto the modules."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from hadath import service
from hadath.cli_events import Format, FormatOption, emit, flat_row
from hadath.errors import HadathError

console = Console()
err = Console(stderr=True, soft_wrap=True)
SHARED_DATA = Path("..") / "shared" / "data"
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")]


def _fail(error: Exception) -> typer.Exit:
    err.print(f"[red]error:[/red] {error}", highlight=False)
    return typer.Exit(2)


def _report(report: dict[str, Any], table: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        console.print(table)


ANT_CORPUS = SHARED_DATA / "ant" / "articles.jsonl.gz"
AntOption = Annotated[Path, typer.Option(help="Corpus (JSONL, gzipped or not, with title/text).")]
TableOption = Annotated[Optional[Path], typer.Option(help="Table file (default: the shipped one).")]


def _build_table(build: Callable[[Path, Path], dict[str, Any]], ant: Path, out: Path) -> None:
    """Run a table build over the corpus at ``ant`` and print its summary."""
    try:
        summary = build(_need(ant, "file"), out)
    except HadathError as error:
        raise _fail(error) from None
    console.print_json(json.dumps(summary, ensure_ascii=False))


def _need(path: Path, what: str) -> Path:
    if not path.exists():
        raise _fail(HadathError(f"{path}: no such {what}"))
    return path


def _prf_table(title: str, overall: dict[str, Any], rows: dict[str, dict[str, Any]]) -> Any:
    """A precision/recall/F1 table: one row per group, then overall."""
    from rich.table import Table

    table = Table(title=title)
    for column in ("", "precision", "recall", "f1", "n"):
        table.add_column(column, justify="right")

    def cells(scores: dict[str, Any]) -> list[str]:
        values = [scores.get(k) for k in ("precision", "recall", "f1")]
        n = scores.get("n", scores.get("support", scores.get("pairs", "")))
        return [f"{v:.3f}" if isinstance(v, float) else str(v if v is not None else "—") for v in values] + [str(n)]

    for name, scores in rows.items():
        table.add_row(name, *cells(scores))
    table.add_row("[bold]overall[/bold]", *cells(overall))
    return table


def _list_rows(db: str, rows_of: Callable[[Any], Iterable[dict[str, Any]]],
               table_of: Callable[[list[dict[str, Any]]], Any], fmt: Format) -> None:
    """Read rows from the store, then print them as a table, JSON lines or CSV."""
    from hadath.store import open_store

    try:
        with open_store(db, readonly=True) as store:
            rows = list(rows_of(store))
    except HadathError as error:
        raise _fail(error) from None
    emit(rows, fmt, lambda: table_of(rows), flat_row)


def register(app: typer.Typer, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    @train_app.command("ner")
    def train_ner(
        data: Annotated[Path, typer.Option("--data", help="Folder with train.txt (CoNLL: token TAG).")] = SHARED_DATA
        / "anercorp",
        out: Annotated[Optional[Path], typer.Option(help="Model file (default: the shipped one).")] = None,
        kind: Annotated[str, typer.Option("--kind", help="neural (BiLSTM-CRF; train extra) or crf.")] = "neural",
        tune: Annotated[bool, typer.Option(help="CRF: pick c1/c2 on a held-out tenth of train first.")] = False,
        select_on_dev: Annotated[bool, typer.Option(
            "--select-on-dev", help="Neural: one network, best epoch on the held-out tenth (no refit).")] = False,
        jobs: Annotated[int, typer.Option(help="Neural: networks trained at once, a process each.")] = 1,
        ant: Annotated[Path, typer.Option(help="Corpus for the word vectors (built when missing).")] = SHARED_DATA
        / "ant"
        / "articles.jsonl.gz",
    ) -> None:
        """Rebuild the NER model (neural or CRF) reproducibly from CoNLL training data."""
        from hadath.entities import crf, neural, vectors
        from hadath.entities.train import train_ner as run

        if kind not in ("neural", "crf"):
            raise _fail(HadathError(f"--kind must be neural or crf, not {kind!r}"))
        try:
            if kind == "crf":
                summary = run(_need(data, "folder"), out or crf.DEFAULT_MODEL, tune=tune)
            else:
                from hadath.entities.neural_train import train_neural

                target = out or neural.default_model_path()
                table = neural.vectors_path(target)
                if not table.is_file():
                    err.print(f"building word vectors from {ant} …", highlight=False)
                    vectors.build_vectors(_need(ant, "file"), table)
                progress = lambda record: err.print(record, highlight=False)  # noqa: E731
                summary = train_neural(_need(data, "folder"), target, table, log=progress,
                                       select_on_dev=select_on_dev, jobs=jobs)
        except HadathError as error:
            raise _fail(error) from None
        console.print_json(json.dumps(summary, ensure_ascii=False))

    @train_app.command("vectors")
    def train_vectors(ant: AntOption = ANT_CORPUS, out: TableOption = None) -> None:
        """Rebuild the word vectors of the neural NER model and the event detector (train extra; retrain both after)."""
        from hadath.entities import vectors

        _build_table(vectors.build_vectors, ant, out or vectors.default_path())

    @train_app.command("clusters")
    def train_clusters(ant: AntOption = ANT_CORPUS, out: TableOption = None) -> None:
        """Rebuild the word clusters of the NER taggers and the event detector (retrain both after)."""
        from hadath.entities import clusters

        _build_table(clusters.build_clusters, ant, out or clusters.default_path())

    @eval_app.command("ner")
    def eval_ner(
        conll: Annotated[Path, typer.Option("--conll", help="CoNLL file (token TAG a line).")],
        model: Annotated[Optional[Path], typer.Option(help="Model file: .onnx (neural) or .crfsuite.")] = None,
        block: Annotated[
            int,
            typer.Option(
                min=1,
                help="Sentences in a row tagged as one text, as an article's are (ANERcorp marks no articles; "
                "its 316 average about 16 sentences). 1: each sentence alone.",
            ),
        ] = 1,
        as_json: JsonOption = False,
    ) -> None:
        """Entity-level (CoNLL exact match) precision, recall and F1, micro and per type."""
        from hadath.entities.evaluate import evaluate_ner, format_ner_table

        try:
            report = evaluate_ner(_need(conll, "file"), _need(model, "file") if model else None, block=block)
        except HadathError as error:
            raise _fail(error) from None
        _report(report, format_ner_table(report), as_json)

    @eval_app.command("dates")
    def eval_dates(
        specs: Annotated[Optional[Path], typer.Option(help="Folder of datetime spec JSON files.")] = None,
        sentences: Annotated[Optional[Path], typer.Option(help="JSONL of news sentences with expected values.")] = None,
        published_sample: Annotated[int, typer.Option(help="ANT articles whose date is hidden and inferred.")] = 0,
        ant: Annotated[Path, typer.Option(help="ANT corpus for --published-sample.")] = SHARED_DATA
        / "ant"
        / "articles.jsonl.gz",
        as_json: JsonOption = False,
    ) -> None:
        """Temporal tagging: span F1 and value accuracy; publication-date inference."""
        from hadath.timex import evaluate as dates

        if specs is None and sentences is None and not published_sample:
            specs = SHARED_DATA / "datetime_ar"
        try:
            report = dates.evaluate_dates(
                _need(specs, "folder") if specs else None,
                _need(sentences, "file") if sentences else None,
                _need(ant, "file") if published_sample else None,
                published_sample,
            )
        except HadathError as error:
            raise _fail(error) from None
        _report(report, dates.format_dates_table(report), as_json)

    @eval_app.command("actors")
    def eval_actors(
        pairs: Annotated[Path, typer.Option("--pairs", help="Labelled mention pairs (JSONL).")],
        as_json: JsonOption = False,
    ) -> None:
        """Pairwise precision and recall of the actor merge decision."""
        from hadath.actors.evaluate import evaluate_pairs

        try:
            report = evaluate_pairs(_need(pairs, "file"))
        except HadathError as error:
            raise _fail(error) from None
        _report(report, _prf_table("actor merge decisions", report["overall"], report.get("per_kind", {})), as_json)

    @train_app.command("events")
    def train_events(
        data: Annotated[Path, typer.Option("--data", help="Folder with the GSR CSV and span files.")] = SHARED_DATA
        / "arabic_event_gsr",
    ) -> None:
        """Rebuild the ASSAULT/PROTEST sentence classifier from labelled sentences."""
        from hadath.events.detector import default_model_path
        from hadath.events.train import train_event_classifier

        try:
            summary = train_event_classifier(_need(data, "folder"), default_model_path())
        except HadathError as error:
            raise _fail(error) from None
        console.print_json(json.dumps(summary, ensure_ascii=False, default=str))

    @eval_app.command("events")
    def eval_events(
        gsr: Annotated[Optional[Path], typer.Option(help="Folder of GSR sentences (ASSAULT, PROTEST).")] = None,
        sentences: Annotated[Optional[Path], typer.Option(help="JSONL of labelled sentences.")] = None,
        splits: Annotated[int, typer.Option(min=1, help="Repeat the GSR cross-validation over seeds 0..N-1 and "
                                                        "report means, per-split F1 and their sd.")] = 1,
        as_json: JsonOption = False,
    ) -> None:
        """Event detection precision, recall and F1 (GSR types, own labelled sentences, arguments)."""
        from hadath.events.evaluate import evaluate_events, format_events_table

        if gsr is None and sentences is None:
            gsr = SHARED_DATA / "arabic_event_gsr"
        try:
            report = evaluate_events(_need(gsr, "folder") if gsr else None,
                                     _need(sentences, "file") if sentences else None, splits=splits)
        except HadathError as error:
            raise _fail(error) from None
        _report(report, format_events_table(report), as_json)

    @eval_app.command("episodes")
    def eval_episodes(
        db: Annotated[str, typer.Option("--db")] = service.DEFAULT_DB,
        gold: Annotated[Path, typer.Option(help="Labelled episodes (JSONL).")] = SHARED_DATA / "episodes_dev.jsonl",
        as_json: JsonOption = False,
    ) -> None:
        """BCubed precision, recall and F1 of episodes over the labelled articles."""
        from hadath.link.evaluate import evaluate_episodes, format_episodes_table
        from hadath.store import open_store

        try:
            with open_store(db, readonly=True) as store:
                report = evaluate_episodes(store, _need(gold, "file"))
        except HadathError as error:
            raise _fail(error) from None
        _report(report, format_episodes_table(report), as_json)

    @app.command()
    def link(
        db: Annotated[str, typer.Option("--db")] = service.DEFAULT_DB,
        rebuild: Annotated[bool, typer.Option("--rebuild", help="Recompute episodes and storylines.")] = False,
    ) -> None:
        """Corpus-level linking; --rebuild recomputes events, episodes and storylines from the stored articles."""
        from hadath.link.episodes import relink_episodes
        from hadath.link.events import relink_events
        from hadath.store import open_store

        if not rebuild:
            raise _fail(HadathError("linking runs during ingest; use --rebuild to recompute events and episodes"))
        try:
            with open_store(db) as store:
                events = relink_events(store)
                stats = relink_episodes(store)
        except HadathError as error:
            raise _fail(error) from None
        console.print(f"events: {events}\nepisodes: {stats}", highlight=False)

    @app.command()
    def episodes(
        db: Annotated[str, typer.Option("--db")] = service.DEFAULT_DB,
        latin: Annotated[bool, typer.Option("--latin", help="Labels in Latin script.")] = False,
        as_json: JsonOption = False,
        fmt: FormatOption = Format.table,
    ) -> None:
        """Episodes: articles and events about one happening."""
        from hadath.link.query import format_episodes_table, iter_episode_json

        _list_rows(db, iter_episode_json, lambda rows: format_episodes_table(rows, latin),
                   Format.json if as_json else fmt)

    @app.command()
    def storylines(
        db: Annotated[str, typer.Option("--db")] = service.DEFAULT_DB,
        latin: Annotated[bool, typer.Option("--latin", help="Labels in Latin script.")] = False,
        as_json: JsonOption = False,
        fmt: FormatOption = Format.table,
    ) -> None:
        """Storylines: chains of episodes on one long-running topic."""
        from hadath.link.query import format_storylines_table, iter_storyline_json

        _list_rows(db, iter_storyline_json, lambda rows: format_storylines_table(rows, latin),
                   Format.json if as_json else fmt)

    @app.command()
    def actors(
        query: Annotated[Optional[str], typer.Argument(help="A name in Arabic or Latin script.")] = None,
        db: Annotated[str, typer.Option("--db")] = service.DEFAULT_DB,
        limit: Annotated[int, typer.Option(help="Most actors shown.")] = 20,
        as_json: JsonOption = False,
    ) -> None:
        """Actors with aliases, roles and mention counts (Shoigu, شويجو and "Sergei Shoigu" alike)."""
        from hadath.actors.query import find_actors, format_actors_table
        from hadath.store import open_store

        try:
            with open_store(db, readonly=True) as store:
                rows = find_actors(store, query, limit)  # type: ignore[arg-type]
        except HadathError as error:
            raise _fail(error) from None
        if as_json:
            for row in rows:
                print(json.dumps(row, ensure_ascii=False))
        else:
            console.print(format_actors_table(rows))
