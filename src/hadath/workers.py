"""Running the per-article step on local worker processes, in input order."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType
from typing import Generic, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class LocalPool(Generic[In, Out]):
    """``map`` over worker processes (or inline for one worker), results in input order."""

    def __init__(self, fn: Callable[[In], Out], workers: int | None = None) -> None:
        self.fn = fn
        self.workers = workers or default_workers()
        self._executor: ProcessPoolExecutor | None = None
        if self.workers > 1:
            context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context)

    def map(self, items: Sequence[In]) -> list[Out]:
        if self._executor is None or len(items) < 2:
            return [self.fn(item) for item in items]
        chunk = max(1, len(items) // (self.workers * 4))
        return list(self._executor.map(self.fn, items, chunksize=chunk))

    def close(self, cancel: bool = False) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=not cancel, cancel_futures=cancel)
            self._executor = None

    def __enter__(self) -> LocalPool[In, Out]:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close(cancel=kind is not None)
