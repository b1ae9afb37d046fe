"""Extraction beside the loader: releases extracted in worker processes while the loader writes.

Extraction is pure Python and the costliest step of a load (about 2 ms a release), so a large load
hands it to a small pool of processes while the main process writes earlier releases: results come
back in input order, so a load gives the same rows whichever way it ran. Small loads (tests, the
fixtures) extract in the main process, where starting processes would cost more than it saves.

The workers never touch the database: each gets the run's gazetteer once, when it starts, and
then only (body, date) pairs in and extractions out. They are started with "spawn", so they
inherit no open database connection, no thread and no lock from the loader; as always with
"spawn", a script that loads releases must guard its entry point with `if __name__ == "__main__"`
(manage.py and pytest do), since each worker imports the main module again.

A worker dies with the loader: if the loader is killed (`kill -9` gives it no chance to stop its
pool), each worker gets SIGKILL from the kernel (Linux's parent-death signal), and the
multiprocessing resource tracker, which runs until the last process holding its pipe is gone,
ends after them.
"""

from __future__ import annotations

import ctypes
import datetime
import multiprocessing
import os
import signal
import sys
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .extract import Extraction, Gazetteer, extract

CHUNK = 32  # releases per task: large enough to amortize the pickling, small enough to balance

Work = tuple[str, datetime.date | None]  # a release's body and its header date

_gazetteer: Gazetteer | None = None  # a worker's own copy, set once by _start


def default_workers(size: int, *, parallel_from: int) -> int:
    """Worker processes for a load of `size` bytes: none below `parallel_from`, else one a CPU.

    At most four: the main process writes one release while a worker extracts another, and past
    a few workers the writing (and the database) is what limits a load.
    """
    if size < parallel_from:
        return 0
    return max(1, min(os.cpu_count() or 1, 4))


class Extracted:
    """The extractions of a list of releases, in its order, available once they are done."""

    def __init__(
        self, parts: list[Future] | None = None, work: list[Work] | None = None, *, gazetteer=None
    ):
        self._parts, self._work, self._gazetteer = parts, work, gazetteer

    def result(self) -> list[Extraction]:
        if self._parts is None:  # in process: extracted now, when the loader needs them
            return [_extract(work, self._gazetteer) for work in self._work or []]
        return [extraction for part in self._parts for extraction in part.result()]


class Extractor:
    """Extracts releases in `workers` processes (0: in this process); use as a context manager."""

    def __init__(self, *, gazetteer: Gazetteer, workers: int = 0, chunk: int = CHUNK) -> None:
        self.gazetteer, self.workers, self.chunk = gazetteer, workers, chunk
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Extractor:
        if self.workers:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start,
                initargs=(self.gazetteer, os.getpid()),
            )
        return self

    def __exit__(self, *exc_info) -> None:
        if self._pool is not None:
            # Work still queued (after an error, or a check that found problems) is dropped.
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def submit(self, work: Sequence[Work]) -> Extracted:
        """Start extracting `work`; the result keeps its order."""
        if self._pool is None:
            return Extracted(work=list(work), gazetteer=self.gazetteer)
        return Extracted(
            [
                self._pool.submit(_extract_chunk, list(work[start : start + self.chunk]))
                for start in range(0, len(work), self.chunk)
            ]
        )


def _start(gazetteer: Gazetteer, loader_pid: int) -> None:
    global _gazetteer
    _die_with_parent(loader_pid)
    _gazetteer = gazetteer


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies; exit now if it already has
    (it may have died before the request was made). Other systems keep the default."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)


def _extract_chunk(work: list[Work]) -> list[Extraction]:
    return [_extract(item, _gazetteer) for item in work]


def _extract(work: Work, gazetteer: Gazetteer | None) -> Extraction:
    body, date = work
    return extract(body, release_date=date, gazetteer=gazetteer)
