"""Importing built-in modules that register stages or linkers, where they are installed."""

from __future__ import annotations

import importlib
from collections.abc import Iterable


def import_available(modules: Iterable[str]) -> None:
    """Import each module; skip one whose package is absent, re-raise any other failure."""
    for module in modules:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name is None or not (module == error.name or module.startswith(error.name + ".")):
                raise  # a module that exists but fails to import is a bug
