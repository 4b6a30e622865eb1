"""BCubed precision, recall and F1 of the stored episodes against labelled episodes.

The gold file has one episode a line: ``{episode, family, label_en, date, articles[]}``.
Scores are over the gold articles found in the store (an article's predicted cluster
is its episode restricted to gold articles), overall and per family; gold articles
missing from the store, or stored but in no episode, are reported.  An article in no
episode counts as a cluster of its own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rich.table import Table

from hadath.errors import HadathError
from hadath.link.episodes import episode_store
from hadath.store.base import Store


def read_gold(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(episode by article id, family by article id)."""
    episodes: dict[str, str] = {}
    families: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise HadathError(f"{path}: {error.strerror or error}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            for article in record["articles"]:
                episodes[article] = str(record["episode"])
                families[article] = str(record.get("family") or record["episode"])
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise HadathError(f"{path}:{number}: not a gold episode ({error})") from None
    return episodes, families


def bcubed(predicted: Mapping[str, object], gold: Mapping[str, str]) -> dict[str, float]:
    """BCubed precision, recall and F1 over the articles in both mappings."""
    articles = [a for a in gold if a in predicted]
    if not articles:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "articles": 0}
    by_predicted: dict[object, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        by_predicted[predicted[article]].add(article)
        by_gold[gold[article]].add(article)
    precision = recall = 0.0
    for article in articles:
        cluster, truth = by_predicted[predicted[article]], by_gold[gold[article]]
        shared = len(cluster & truth)
        precision += shared / len(cluster)
        recall += shared / len(truth)
    precision /= len(articles)
    recall /= len(articles)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "articles": len(articles)}


def evaluate_episodes(store: Store, gold_path: Path) -> dict[str, Any]:
    """``{"overall": {precision, recall, f1, articles}, "per_family": {...}, "missing": [...], ...}``."""
    gold, families = read_gold(gold_path)
    links = episode_store(store).article_episodes()
    stored = episode_store(store).article_rowids(sorted(gold))
    missing = sorted(a for a in gold if a not in stored)
    unlinked = sorted(a for a in gold if a in stored and a not in links)
    predicted: dict[str, object] = {a: links[a][0] for a in gold if a in links}
    predicted.update({a: ("alone", a) for a in unlinked})
    per_family: dict[str, dict[str, float]] = {}
    for family in sorted(set(families.values())):
        members = {a: e for a, e in gold.items() if families[a] == family}
        per_family[family] = bcubed(predicted, members)
    return {
        "overall": bcubed(predicted, gold),
        "per_family": per_family,
        "gold_articles": len(gold),
        "gold_episodes": len(set(gold.values())),
        "missing": missing,
        "unlinked": unlinked,
    }


def format_episodes_table(report: Mapping[str, Any]) -> Table:
    table = Table(title="Episodes, BCubed over the gold articles")
    for name in ("family", "articles", "precision", "recall", "F1"):
        table.add_column(name, justify="left" if name == "family" else "right")
    for family, scores in report["per_family"].items():
        table.add_row(family, str(scores["articles"]), f"{scores['precision']:.3f}", f"{scores['recall']:.3f}",
                      f"{scores['f1']:.3f}")
    overall = report["overall"]
    table.add_row("[bold]overall[/bold]", str(overall["articles"]), f"{overall['precision']:.3f}",
                  f"{overall['recall']:.3f}", f"[bold]{overall['f1']:.3f}[/bold]")
    missing = len(report["missing"])
    table.caption = (f"{report['gold_articles']} gold articles in {report['gold_episodes']} episodes; "
                     f"{missing} not in the store, {len(report['unlinked'])} in no episode")
    return table
