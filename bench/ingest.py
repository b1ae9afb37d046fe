"""Loading a synthetic corpus through the real loader, chunk by chunk, timing only the load."""

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archive.loader.load import load_releases

from .corpus import PER_FILE, write_corpus


@dataclass
class IngestReport:
    releases: int = 0
    created: int = 0
    seconds: float = 0.0  # time inside load_releases() only: parse, extract, store, index
    chunk_rates: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.releases / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (
            f"{self.created:,} created of {self.releases:,} releases in {self.seconds:.1f} s "
            f"({self.rate:,.0f} releases/s)"
        )


def load_synthetic(
    *,
    count: int,
    seed: int,
    per_chunk: int = PER_FILE,
    start: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Generate and load `count` releases, one chunk file at a time so memory stays flat.

    Each chunk is one `load_releases()` call and so one transaction, as a bulk import of many
    files would be run.
    """
    report = IngestReport()
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        for chunk_start in range(start, start + count, per_chunk):
            size = min(per_chunk, start + count - chunk_start)
            written = write_corpus(
                count=size, seed=seed, out=Path(tmp), per_file=size, start=chunk_start
            )
            began = time.perf_counter()
            loaded = load_releases(paths=written.files)
            elapsed = time.perf_counter() - began
            for path in written.files:
                path.unlink()
            report.releases += size
            report.created += loaded.created
            report.seconds += elapsed
            report.chunk_rates.append(size / elapsed if elapsed else 0.0)
            report.errors.extend(str(e) for e in loaded.errors[:20])
            if loaded.errors:
                break
            if progress:
                progress(report.releases, count)
    return report
