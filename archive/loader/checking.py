"""The check pass of a load: every file parsed, every problem kept, repeats found."""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import ReleaseError
from .parse import Release, parse_file


class CheckedReleases:
    """The release files of a load, checked: what the check pass learned about them."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.stamps = [_stamp(path) for path in files]  # (size, mtime) per file
        self.size = sum(stamp[0] for stamp in self.stamps if stamp)
        self.count = 0
        self.repeats: set[tuple[int, int]] = set()  # (file index, line) to skip

    @property
    def fingerprint(self) -> str:
        """The files' names, sizes and modification times, hashed: which files a run loaded."""
        digest = hashlib.sha256()
        for path, stamp in zip(self.files, self.stamps, strict=True):
            digest.update(f"{path.resolve()}\0{stamp}\n".encode("utf-8", "backslashreplace"))
        return digest.hexdigest()

    def check(self, errors: list[ReleaseError]) -> Iterator[Release]:
        """Parse every file; yield each release to load; append every problem to `errors`.

        A release with the URL of an earlier one is a repeat when the text is the same, an error
        when it is not; a release without URL whose text was seen already is a repeat.
        """
        first_of_url: dict[str, tuple[bytes, int, int]] = {}  # url -> (hash, file index, line)
        hashes: set[bytes] = set()
        for index, path in enumerate(self.files):
            for item in parse_file(path):
                if isinstance(item, ReleaseError):
                    errors.append(item)
                    continue
                digest = bytes.fromhex(item.content_hash)  # half the memory of the hex string
                if item.url and item.url in first_of_url:
                    first_hash, first_file, first_line = first_of_url[item.url]
                    if first_hash != digest:
                        errors.append(
                            ReleaseError(
                                item.path,
                                item.line,
                                f"same release (url {item.url}) as "
                                f"{self.files[first_file]}:{first_line}, with different text",
                            )
                        )
                    self.repeats.add((index, item.line))
                    continue
                if not item.url and digest in hashes:
                    self.repeats.add((index, item.line))  # the very same text twice: load it once
                    continue
                if item.url:
                    first_of_url[item.url] = (digest, index, item.line)
                hashes.add(digest)
                self.count += 1
                yield item


class Spool:
    """Checked releases kept in a temporary file, for loads too large to hold in memory."""

    def __enter__(self) -> Spool:
        self._file = tempfile.TemporaryFile()
        return self

    def __exit__(self, *exc_info) -> None:
        self._file.close()

    def write(self, releases: Iterable[Release]) -> None:
        for release in releases:
            pickle.dump(release, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def read(self, skip: int = 0) -> Iterator[Release]:
        self._file.seek(0)
        count = 0
        while True:
            try:
                release = pickle.load(self._file)
            except EOFError:
                return
            count += 1
            if count > skip:
                yield release


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns
