"""The ``timexes`` stage: publication date first, then every timex anchored to it."""

from __future__ import annotations

from typing import Any

from hadath.model import UNKNOWN_DATE, Article, DateValue
from hadath.pipeline import stage
from hadath.timex.published import infer_published
from hadath.timex.resolve import Anchor
from hadath.timex.tagger import parse, timexes


@stage("timexes", requires=["sentences"], provides=["timexes", "published"])
def timexes_stage(article: Article, state: dict[str, Any]) -> dict[str, Any]:
    """Metadata date if there is one, else the date the text proves; then tag.

    One parse serves both readings: without an anchor (evidence for a missing
    publication date) and anchored to the publication date.
    """
    parsed = parse(article.text)
    metadata: DateValue = state.get("published") or UNKNOWN_DATE
    if metadata.value is None:
        published = infer_published(article.text, state["sentences"], timexes(parsed, None), metadata)
    else:
        published = metadata
    anchor = Anchor.from_value(published.value)
    return {"timexes": tuple(timexes(parsed, anchor)), "published": published}
