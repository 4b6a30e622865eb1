"""How many event mentions collapse into events in a store (issue 5, "report how many").

Usage: python benchmarks/events_dedup.py --db STORE
STORE is a store ingested with all stages (e.g. the whole ANT corpus:
``hadath ingest ../shared/data/ant/articles.jsonl.gz --db ant-full.db``).  Prints a
markdown table per PLOVER type: event mentions, events, events reported more than
once, events reported by more than one article, and mentions per event; happened and
not-happened (negated, future, hypothetical) reports apart.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hadath.store import open_store

QUERY = """
SELECT e.type, e.happened, count(DISTINCT e.rowid), count(m.rowid),
       count(DISTINCT CASE WHEN e.mentions > 1 THEN e.rowid END),
       count(DISTINCT m.event || ':' || m.article)
FROM events e JOIN event_mentions m ON m.event = e.rowid
GROUP BY e.type, e.happened ORDER BY e.type, e.happened DESC
"""
MULTI_ARTICLE = """
SELECT e.type, e.happened, count(*) FROM events e
WHERE (SELECT count(DISTINCT article) FROM event_mentions m WHERE m.event = e.rowid) > 1
GROUP BY e.type, e.happened
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    with open_store(args.db, readonly=True) as store:
        db = store.db  # type: ignore[attr-defined]
        rows = db.execute(QUERY).fetchall()
        multi = {(t, h): n for t, h, n in db.execute(MULTI_ARTICLE)}
        unlinked = db.execute("SELECT count(*) FROM event_mentions WHERE event IS NULL").fetchone()[0]
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"{articles} articles; {unlinked} event mentions not linked\n")
    print("| type | happened | event mentions | events | mentions / event | events reported twice or more "
          "| events reported by 2+ articles |")
    print("|---|---|---|---|---|---|---|")
    total_mentions = total_events = 0
    for kind, happened, events, mentions, repeated, _ in rows:
        total_mentions += mentions
        total_events += events
        print(f"| {kind} | {'yes' if happened else 'no'} | {mentions} | {events} | {mentions / events:.2f} "
              f"| {repeated} | {multi.get((kind, happened), 0)} |")
    if total_events:
        print(f"| **all** | | **{total_mentions}** | **{total_events}** | **{total_mentions / total_events:.2f}** "
              f"| | {sum(multi.values())} |")


if __name__ == "__main__":
    main()
