"""CRF features for one chunk of tokens.

Every token is described by what it is (normalised form, clitic-stripped stem,
proclitics, affixes, shape, corpus frequency, word clusters) and by the same facts
about its neighbours within two tokens, plus gazetteer matches.  Arabic has no
capital letters, so the work that case does for English NER falls on stems,
clusters and cue words ("الرئيس", "وزارة", "مدينة") in the window.

Word-level features depend only on the token's form and are cached, which keeps
feature extraction fast enough for tens of thousands of tokens a second.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from hadath.entities import clusters
from hadath.entities.gazetteer import Gazetteer, default_gazetteer
from hadath.model import Token

_EDGE = {offset: f"w[{offset}]={'BOS' if offset < 0 else 'EOS'}" for offset in (-2, -1, 1, 2)}


class WordInfo(NamedTuple):
    """What is known about a token from its form alone, as feature strings."""

    stem: str
    own: tuple[str, ...]
    # The token's features as seen from a neighbour: at[offset + 2] for offset -2..2.
    at: tuple[tuple[str, ...], ...]


def _shape(surface: str) -> str:
    """Latin capitalisation pattern, collapsed: 'Reuters' → 'Xx', 'BBC' → 'X'."""
    out: list[str] = []
    for char in surface:
        mark = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not out or out[-1] != mark:
            out.append(mark)
    return "".join(out)[:6]


def _frequency_bucket(count: int) -> str:
    # Names are rare words; the log bucket lets the CRF learn that without word identity.
    return str(min(int(math.log2(count + 1)), 16))


@lru_cache(maxsize=300_000)
def word_info(kind: str, norm: str, stem: str, signature: str, shape: str) -> WordInfo:
    """Features of a token that depend only on its form (cached: words repeat)."""
    if kind == "number":
        stem = "<num>"
    ids = clusters.lookup(stem)
    cluster_ids = tuple(str(i) for i in ids) if ids else ("-",) * clusters.levels()
    own: list[str] = ["b", f"k={kind}", f"w={norm}"]
    if kind == "number":
        own.append(f"num={min(len(norm), 5)}")
    elif kind == "word":
        own += [
            f"s={stem}",
            f"sig={signature}",
            f"p1={stem[:1]}",
            f"p2={stem[:2]}",
            f"p3={stem[:3]}",
            f"p4={stem[:4]}",
            f"x1={stem[-1:]}",
            f"x2={stem[-2:]}",
            f"x3={stem[-3:]}",
            f"x4={stem[-4:]}",
            f"len={min(len(stem), 10)}",
            f"fq={_frequency_bucket(clusters.stem_count(stem))}",
        ]
    elif kind == "latin":
        own.append(f"sh={shape}")
    own += [f"c{level}={cid}" for level, cid in enumerate(cluster_ids)]
    suffix2 = stem[-2:] if kind == "word" else kind
    at: list[tuple[str, ...]] = []
    for offset in (-2, -1, 0, 1, 2):
        seen = [f"w[{offset}]={norm}", f"s[{offset}]={stem}"]
        if abs(offset) == 1:
            # The nearest neighbours carry most of the context: all cluster levels.
            seen += [f"c{level}[{offset}]={cid}" for level, cid in enumerate(cluster_ids)]
            seen += [f"sig[{offset}]={signature}", f"x2[{offset}]={suffix2}"]
        elif offset and cluster_ids:
            seen.append(f"cm[{offset}]={cluster_ids[len(cluster_ids) // 2]}")
        at.append(tuple(seen) if offset else ())
    return WordInfo(stem, tuple(own), tuple(at))


def info_of(token: Token, text: str) -> WordInfo:
    stem_piece = token.stem
    stem = stem_piece.norm if stem_piece is not None and stem_piece.norm else token.norm
    signature = "+".join(p.role for p in token.pieces if p.role not in ("stem", "mark"))
    shape = _shape(text[token.start : token.end]) if token.kind == "latin" else ""
    return word_info(token.kind, token.norm, stem, signature, shape)


def chunk_features(text: str, tokens: Sequence[Token], gazetteer: Gazetteer | None = None) -> list[list[str]]:
    """Feature strings for each token of one chunk (a sentence or part of one)."""
    infos = [info_of(token, text) for token in tokens]
    gaz = (gazetteer or default_gazetteer()).flags([info.stem for info in infos])
    n = len(infos)
    rows: list[list[str]] = []
    for i, info in enumerate(infos):
        row = list(info.own)
        row += [f"g={flag}" for flag in gaz[i]]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if j < 0 or j >= n:
                row.append(_EDGE[offset])
                continue
            row += infos[j].at[offset + 2]
            if abs(offset) == 1:
                row += [f"g[{offset}]={flag}" for flag in gaz[j]]
        if i > 0:
            row.append(f"s[-1]|s={infos[i - 1].stem}|{info.stem}")
        if i + 1 < n:
            row.append(f"s|s[1]={info.stem}|{infos[i + 1].stem}")
        rows.append(row)
    return rows
