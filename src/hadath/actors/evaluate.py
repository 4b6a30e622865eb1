"""Pairwise evaluation of the actor merge decision on labelled mention pairs.

A pair names two mentions ({"article": id, "text": name, "start"?: offset}) and says
whether they are the same person.  Each side is resolved inside its article exactly
as the linker does (resolve.py: grouping with the article's other names, then the
registry), and the two sides are merged when they reach the same registry actor or,
for names the registry does not know, when ``groups_match`` says so: the linker's own
decision, without a store.

The article's other names come from the NER model when one is installed
(``context="ner"``), or from a small stand-in (``context="names"``, the default, so
that the score does not move with the tagger): the registry's names and any given
name from the lexicon followed by one or two name words.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from hadath.actors.names import parse_name
from hadath.actors.registry import Registry, default_registry
from hadath.actors.resolve import Group, groups_match, resolve_article
from hadath.errors import ConfigError
from hadath.model import Article, Mention
from hadath.text.normalise import normalise
from hadath.text.segment import tokenize

KINDS = ("spelling", "partial", "reordered", "shared-first-name", "shared-surname", "different")
MAX_NAME_WORDS = 4
# Words spelled like a given name once folded (على → علي) or also common as words.
NOT_NAMES = frozenset({"على", "باسم", "الأمين", "أمين", "أمل", "نور", "سلامة", "جميل", "كريم", "سعيد", "عادل"})
DEFAULT_CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "ant" / "articles.jsonl.gz"


@dataclass(frozen=True, slots=True)
class Side:
    article: str
    text: str
    start: int | None = None


@dataclass(frozen=True, slots=True)
class Pair:
    a: Side
    b: Side
    same: bool
    kind: str


def read_pairs(path: str | Path) -> list[Pair]:
    pairs: list[Pair] = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                sides = [Side(r["article"], r["text"], r.get("start")) for r in (record["a"], record["b"])]
                pair = Pair(sides[0], sides[1], bool(record["same"]), record["kind"])
            except (ValueError, KeyError, TypeError) as error:
                raise ConfigError(f"{path}:{number}: not a labelled pair ({error})") from None
            if pair.kind not in KINDS:
                raise ConfigError(f"{path}:{number}: kind {pair.kind!r} is not one of {', '.join(KINDS)}")
            pairs.append(pair)
    return pairs


def load_articles(ids: Iterable[str], corpus: str | Path = DEFAULT_CORPUS) -> dict[str, Article]:
    """The ANT articles with these ids (the corpus is read once, line by line)."""
    wanted = set(ids)
    path = Path(corpus)
    if not path.is_file():
        raise ConfigError(f"{path}: the ANT corpus is needed to evaluate actor pairs")
    found: dict[str, Article] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                found[record["id"]] = Article(record["id"], record["text"], record.get("title") or "")
    missing = wanted - set(found)
    if missing:
        raise ConfigError(f"{path}: articles {sorted(missing)[:5]} are not in the corpus")
    return found


# --- the article's names ---------------------------------------------------------


@cache
def _registry_person_keys() -> frozenset[str]:
    registry = default_registry()
    return frozenset(n.key for a in registry.actors.values() if a.type == "PER" for n in registry.names_of(a.id))


def context_names(text: str) -> list[Mention]:
    """Person names of ``text`` found without the tagger (see module doc)."""
    words = [t for t in tokenize(text) if t.kind == "word"]
    mentions: list[Mention] = []
    i = 0
    while i < len(words):
        size = _name_at(text, words, i)
        if size:
            mentions.append(Mention(words[i].start, words[i + size - 1].end, "PER"))
            i += size
        else:
            i += 1
    return mentions


def _name_at(text: str, words: list[Any], i: int) -> int:
    known = _registry_person_keys()
    for size in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
        if not _adjacent(text, words[i : i + size]):
            continue
        name = parse_name(text[words[i].start : words[i + size - 1].end])
        if name and name.key in known:
            return size
    surface = text[words[i].start : words[i].end]
    first = parse_name(surface)
    if surface in NOT_NAMES or surface.startswith("ال") or not first:
        return 0  # الأمين, التركي: a word or an adjective, not a given name
    if not (first.core[0].given or _foreign_given(first.core[0].norm)):
        return 0
    size = 1
    while size < MAX_NAME_WORDS and i + size < len(words) and _adjacent(text, words[i : i + size + 1]):
        word = text[words[i + size].start : words[i + size].end]
        nxt = parse_name(word)
        if not nxt or _stop(words[i + size].norm) or word in NOT_NAMES:
            break
        size += 1
        # عبد, أبو and بن need the word after them; a given name may be followed by more.
        linked = not nxt.core or _head(word)
        if not linked and not nxt.core[0].given:
            break
    return size if size > 1 else 0


def _head(word: str) -> bool:
    return normalise(word) in ("عبد", "ابو", "بن", "ابن", "ال")


@cache
def _foreign_given_set() -> frozenset[str]:
    from hadath.actors.lexicon import given_names

    return frozenset(parse_name(g.arabic).core[0].norm for g in given_names() if g.origin == "fo")


def _foreign_given(norm: str) -> bool:
    return norm in _foreign_given_set()


@cache
def _stops() -> frozenset[str]:
    from hadath.entities.roles import title_lexicon

    return title_lexicon().stops | {"في", "من", "و", "او", "ثم", "قد", "لقد", "ان", "كما"}


def _stop(norm: str) -> bool:
    return norm in _stops()


def _adjacent(text: str, words: list[Any]) -> bool:
    """Words separated by spaces only (no punctuation, no line break)."""
    return all(not text[a.end : b.start].strip() and "\n" not in text[a.end : b.start]
               for a, b in pairwise(words))


# --- the decision ----------------------------------------------------------------


def side_group(article: Article, side: Side, context: str, registry: Registry) -> Group | None:
    """The group the labelled mention falls in, resolved with the article's other names."""
    text = article.text
    start = side.start if side.start is not None else text.find(side.text)
    if start < 0 or text[start : start + len(side.text)] != side.text:
        raise ConfigError(f"article {side.article}: name {side.text!r} not found at {side.start}")
    target = Mention(start, start + len(side.text), "PER")
    others = _ner_names(article) if context == "ner" else context_names(text)
    mentions = [m for m in others if m.end <= target.start or m.start >= target.end]
    mentions.append(target)
    mentions.sort(key=lambda m: m.start)
    index = mentions.index(target)
    for group in resolve_article(text, mentions, registry):
        if index in group.mentions:
            return group
    return None


def _ner_names(article: Article) -> list[Mention]:
    from hadath.pipeline import analyze

    analysis = analyze(article, ["sentences", "tokens", "entities"])
    return [m for m in analysis.mentions if m.type == "PER"]


def same_actor(a: Group | None, b: Group | None) -> bool:
    """The linker's decision for two resolved groups."""
    if a is None or b is None:
        return False
    if a.actor is not None or b.actor is not None:
        return a.actor is not None and b.actor is not None and a.actor.id == b.actor.id
    return groups_match(a.names, b.names, "PER") > 0


def decide(pairs: list[Pair], articles: dict[str, Article], context: str = "names",
           registry: Registry | None = None) -> Iterator[tuple[Pair, bool]]:
    registry = registry or default_registry()
    cache: dict[Side, Group | None] = {}
    for pair in pairs:
        for side in (pair.a, pair.b):
            if side not in cache:
                cache[side] = side_group(articles[side.article], side, context, registry)
        yield pair, same_actor(cache[pair.a], cache[pair.b])


def _scores(counts: Counter[str]) -> dict[str, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "pairs": sum(counts.values()), "positives": tp + fn}


def evaluate_pairs(path: str | Path, corpus: str | Path = DEFAULT_CORPUS, context: str = "names") -> dict[str, Any]:
    """Pairwise precision, recall and F1 of the merge decision, overall and per kind."""
    if context not in ("names", "ner"):
        raise ConfigError(f"context must be 'names' or 'ner', not {context!r}")
    pairs = read_pairs(path)
    articles = load_articles({s.article for p in pairs for s in (p.a, p.b)}, corpus)
    overall: Counter[str] = Counter()
    per_kind: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[dict[str, Any]] = []
    for pair, merged in decide(pairs, articles, context):
        outcome = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}
        result = outcome[(pair.same, merged)]
        overall[result] += 1
        per_kind[pair.kind][result] += 1
        if result in ("fp", "fn"):
            errors.append({"error": result, "kind": pair.kind, "a": pair.a.text, "b": pair.b.text,
                           "articles": [pair.a.article, pair.b.article]})
    return {
        "overall": _scores(overall),
        "per_kind": {kind: _scores(c) for kind, c in sorted(per_kind.items())},
        "context": context,
        "errors": errors,
    }
