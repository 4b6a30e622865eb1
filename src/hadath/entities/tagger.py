"""Which NER model runs: the neural one where it beat the CRF on dev, the CRF otherwise.

Both kinds ship their dev scores beside the model (``ner.json`` for the CRF,
``ner.neural.json`` for the network); the choice is made once per process from those
figures, so retraining either model moves the pipeline without a code change.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

from hadath.entities import crf, neural
from hadath.model import Mention, Token


class Tagger(Protocol):
    def tag_tokens(self, text: str, tokens: Sequence[Token]) -> list[Mention]: ...


def _dev_f1(meta: Path) -> float:
    try:
        return float(json.loads(meta.read_text(encoding="utf-8"))["dev"]["micro"]["f1"])
    except (OSError, ValueError, KeyError, TypeError):
        return -1.0  # no usable figure: never preferred


@cache
def shipped_kind() -> str:
    """``neural`` if its model is present and scored higher on dev than the CRF, else ``crf``."""
    onnx = neural.default_model_path()
    if not onnx.is_file():
        return "crf"
    crf_f1 = _dev_f1(crf.default_model_path().with_suffix(".json"))
    return "neural" if _dev_f1(neural.meta_path(onnx)) > crf_f1 else "crf"


def default_model_path() -> Path:
    """The model file the pipeline uses."""
    return neural.default_model_path() if shipped_kind() == "neural" else crf.default_model_path()


@cache
def _load(path: Path) -> Tagger:
    if path.suffix == ".onnx":
        return neural.load_neural(path)
    return crf.load_tagger(path)


def load_tagger(model_path: Path | None = None) -> Tagger:
    """The tagger for ``model_path`` (``.onnx`` neural, else CRF; default: the shipped choice), once per process."""
    return _load(model_path or default_model_path())


def tag_tokens(text: str, tokens: Sequence[Token]) -> list[Mention]:
    """Mentions in ``text`` found by the shipped model over the tokenizer's ``tokens``."""
    return load_tagger().tag_tokens(text, tokens)
