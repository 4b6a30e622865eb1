"""The worker's job: one article in, everything the store needs out."""

from __future__ import annotations

from collections.abc import Sequence

from hadath.ingest import dedup
from hadath.ingest.ids import content_hash
from hadath.model import Article
from hadath.pipeline import analyze
from hadath.store.base import Processed
from hadath.text.segment import match_forms


def prepare(article: Article, stages: Sequence[str] | None = None) -> Processed:
    """Analyse ``article`` and compute its search forms, content hash and MinHash bands."""
    analysis = analyze(article, stages)
    body_forms = match_forms(article.text)
    signature = dedup.signature(body_forms)
    return Processed(
        article=Article(
            article.id, article.text, article.title, article.url, article.outlet,
            analysis.published, article.source,
        ),
        content_hash=content_hash(article.text),
        signature=dedup.to_bytes(signature),
        bands=tuple(dedup.bands(signature)),
        title_forms=" ".join(match_forms(article.title)),
        body_forms=" ".join(body_forms),
        sentences=analysis.sentences,
        mentions=analysis.mentions,
        timexes=analysis.timexes,
        stages=analysis.stages,
        event_mentions=analysis.event_mentions,
    )
