"""Temporal expressions: tagging, publication dates, dates for events."""

from hadath.timex.attach import attach_date
from hadath.timex.published import infer_published, parse_published_option
from hadath.timex.tagger import tag

__all__ = ["attach_date", "infer_published", "parse_published_option", "tag"]
