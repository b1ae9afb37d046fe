"""The one error type of ingestion, so every problem reads `file:line: message`."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ReleaseError(Exception):
    path: Path | str
    line: int
    message: str

    def __str__(self) -> str:
        # A value quoted in the message may hold a lone surrogate, which no terminal can print.
        text = f"{self.path}:{self.line}: {self.message}"
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
