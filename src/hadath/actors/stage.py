"""The ``actors`` stage: mentions that name a registry actor get its id (pure, no store).

Names the registry does not know stay unresolved here; the corpus-level actors linker
(hadath.link.actors) merges them across articles when articles are stored.
"""

from __future__ import annotations

from typing import Any

from hadath.actors.resolve import resolve_mentions
from hadath.model import Article
from hadath.pipeline import stage


@stage("actors", requires=["mentions"], provides=["mentions"])
def actors_stage(article: Article, state: dict[str, Any]) -> dict[str, Any]:
    return {"mentions": tuple(resolve_mentions(article.text, state["mentions"]))}
