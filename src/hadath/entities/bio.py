"""BIO labels read as spans: the one decoder the taggers, the consistency pass and the scorer share."""

from __future__ import annotations

from collections.abc import Sequence

Span = tuple[str, int, int]  # type, first token, last token


def label_spans(labels: Sequence[str]) -> list[Span]:
    """(type, first, last) of each labelled span; a stray I- opens one, as in conlleval."""
    spans: list[Span] = []
    open_type: str | None = None
    first = 0
    for i, label in enumerate([*labels, "O"]):
        prefix, _, kind = label.partition("-")
        if open_type is not None and not (prefix == "I" and kind == open_type):
            spans.append((open_type, first, i - 1))
            open_type = None
        if prefix in ("B", "I") and open_type is None:
            open_type, first = kind, i
    return spans
