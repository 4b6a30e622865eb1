"""Stable article ids and content hashes."""

from __future__ import annotations

import hashlib

from hadath.text.normalise import normalise


def content_hash(text: str) -> str:
    """Hash of the matching form: the same article with other alef forms hashes the same."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def hashed_id(*parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"h{digest[:16]}"
