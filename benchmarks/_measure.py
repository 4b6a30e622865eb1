"""Shared helpers for benchmarks: run a command and sample the whole process tree's memory."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
ANT = SHARED_DATA / "ant" / "articles.jsonl.gz"


@dataclass
class Run:
    seconds: float
    peak_rss: int
    returncode: int
    stdout: str
    stderr: str


def run_measured(command: list[str], interval: float = 0.1) -> Run:
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.Error:
            pass
        time.sleep(interval)
    out, err = process.communicate()
    return Run(time.perf_counter() - started, peak, process.returncode, out, err)
