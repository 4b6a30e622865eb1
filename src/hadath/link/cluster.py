"""Average-link agglomerative clustering over a sparse similarity graph.

Average link (the mean similarity over all cross pairs, a missing edge counting as
zero) keeps an episode from growing by a chain of loosely related reports, which
single link does, and from being torn apart by one off-topic paragraph, which
complete link does.  It is run on the few hundred articles around a batch, so a heap
with lazy deletion is fast enough.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence


def average_link(
    size: int,
    edges: Mapping[tuple[int, int], float],
    threshold: float,
    groups: Sequence[Sequence[int]] = (),
) -> list[int]:
    """A cluster label (the index of one member) for each of ``size`` nodes.

    ``edges`` maps (i, j), i < j, to a similarity; clusters merge while the best average
    similarity is at least ``threshold``.  ``groups`` are must-link sets (an article and
    its near-duplicates).
    """
    parent = list(range(size))
    members = [1] * size
    links: list[dict[int, float]] = [{} for _ in range(size)]
    for (i, j), sim in edges.items():
        links[i][j] = links[i].get(j, 0.0) + sim
        links[j][i] = links[j].get(i, 0.0) + sim

    def merge(a: int, b: int) -> int:
        if members[b] > members[a]:
            a, b = b, a
        parent[b] = a
        members[a] += members[b]
        links[a].pop(b, None)
        for c, total in links[b].items():
            if c == a:
                continue
            links[c].pop(b, None)
            links[c][a] = links[c].get(a, 0.0) + total
            links[a][c] = links[a].get(c, 0.0) + total
        links[b] = {}
        return a

    # Must-link groups are joined with union-find first, and their links summed once.
    for group in groups:
        for other in group[1:]:
            a, b = _find(parent, group[0]), _find(parent, other)
            if a != b:
                if members[b] > members[a]:
                    a, b = b, a
                parent[b] = a
                members[a] += members[b]
    if groups:
        merged: list[dict[int, float]] = [{} for _ in range(size)]
        for i in range(size):
            root = _find(parent, i)
            for j, total in links[i].items():
                other = _find(parent, j)
                if other != root:
                    merged[root][other] = merged[root].get(other, 0.0) + total
        links = merged

    version = [0] * size
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int) -> None:
        for c, total in links[a].items():
            score = total / (members[a] * members[c])
            if score >= threshold:
                heapq.heappush(heap, (-score, a, c, version[a], version[c]))

    for a in range(size):
        if parent[a] == a:
            heap.extend((-total / (members[a] * members[c]), a, c, 0, 0) for c, total in links[a].items()
                        if a < c and total / (members[a] * members[c]) >= threshold)
    heapq.heapify(heap)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if va != version[a] or vb != version[b] or parent[a] != a or parent[b] != b:
            continue
        root = merge(a, b)
        version[root] += 1
        push(root)
    return [_find(parent, i) for i in range(size)]


def _find(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node
