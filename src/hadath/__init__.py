"""hadath: Arabic news to event data, every fact linked to the sentence it came from."""

from hadath.errors import ConfigError, HadathError, IngestError, ModelError, StoreError
from hadath.model import Analysis, Article, DateValue, EventMention, Mention, Sentence, Timex, Token
from hadath.pipeline import analyze, available_stages
from hadath.text.normalise import normalise

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "ConfigError",
    "DateValue",
    "EventMention",
    "HadathError",
    "IngestError",
    "Mention",
    "ModelError",
    "Sentence",
    "StoreError",
    "Timex",
    "Token",
    "__version__",
    "analyze",
    "available_stages",
    "normalise",
]
