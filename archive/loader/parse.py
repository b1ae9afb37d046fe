"""Release files -> `Release` records, with no database.

Three shapes are read:
- a bare body (the seed corpus): no title, no date; the source named in a last "(Source: ...)" line;
- a header block of `key: value` lines (title, date, url, language, source), a blank line, the body;
- JSON Lines (`*.jsonl`), one object per line with the same fields plus `body`.

Every problem becomes a `ReleaseError` carrying the file and line, and parsing goes on so that one
run reports every bad file at once.
"""

import datetime
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from archive.models.statements import Language, body_hash
from archive.validation import describe_character, forbidden_character_at, statement_field_problems

from .errors import ReleaseError

HEADER_KEYS = ("title", "date", "url", "language", "source")
JSON_KEYS = frozenset(HEADER_KEYS) | {"body"}
RELEASE_SUFFIXES = (".txt", ".jsonl")

# A press release is a few kilobytes; anything far larger is a wrong file, not a release.
MAX_TEXT_FILE_BYTES = 1024 * 1024
MAX_JSONL_FILE_BYTES = 256 * 1024 * 1024  # read whole; split bigger bulk loads into files
MAX_RECORD_BYTES = 1024 * 1024

DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y")
_HEADER_LINE = re.compile(r"^([A-Za-z][\w-]{0,29})[ \t]*:[ \t]*(.*)$")
_SOURCE_LINE = re.compile(r"\(\s*Source\s*:\s*([^()]{1,200}?)\s*\)\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Dr|St|No|Mt))[.!?](?=\s|$)")
_LANGUAGE_NAMES = {label.lower(): code for code, label in Language.choices}
_url_validator = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class Release:
    """One release as read from a file, before extraction."""

    path: Path
    line: int
    body: str
    title: str = ""
    date: datetime.date | None = None
    url: str = ""
    language: str = Language.ENGLISH
    source: str = ""
    title_derived: bool = field(default=False)

    @property
    def origin(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def content_hash(self) -> str:
        return body_hash(self.body)


def find_release_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and every *.txt / *.jsonl below the directories named, in stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in RELEASE_SUFFIXES)
            )
        else:
            found.append(path)
    return found


def parse_file(path: Path) -> Iterator[Release | ReleaseError]:
    """Yield each release of a file, or an error for each problem found in it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield ReleaseError(path, 0, f"cannot read file: {exc.strerror or exc}")
        return
    limit = MAX_JSONL_FILE_BYTES if path.suffix == ".jsonl" else MAX_TEXT_FILE_BYTES
    if size > limit:
        yield ReleaseError(path, 1, f"file is {size:,} bytes, over the limit of {limit:,}")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReleaseError(path, 0, f"cannot read file: {exc.strerror or exc}")
        return
    text = _decode(path, data)
    if isinstance(text, ReleaseError):
        yield text
        return
    if path.suffix == ".jsonl":
        yield from _parse_jsonl(path, text)
    else:
        yield from _parse_text(path, text)


def _decode(path: Path, data: bytes) -> str | ReleaseError:
    if b"\x00" in data[:8192]:
        return ReleaseError(path, 1, "binary file (NUL bytes), not a text release")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return ReleaseError(
            path, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parse_text(path: Path, text: str) -> list[Release | ReleaseError]:
    lines = text.split("\n")
    header, body_start = _header_block(lines)
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    for number, key, value in header:
        if key.lower() not in HEADER_KEYS:
            known = ", ".join(HEADER_KEYS)
            return [ReleaseError(path, number, f"unknown header key '{key}' (known: {known})")]
        if key.lower() in fields:
            return [ReleaseError(path, number, f"header key '{key}' given twice")]
        fields[key.lower()] = value.strip()
        field_lines[key.lower()] = number
    body = "\n".join(lines[body_start:]).strip()
    body_line = _first_content_line(lines, body_start)
    return _build(path, 1, fields, body, body_line=body_line, field_lines=field_lines)


def _header_block(lines: list[str]) -> tuple[list[tuple[int, str, str]], int]:
    """The leading `key: value` lines and the index where the body starts.

    A block counts as a header only when it is followed by a blank line and names at least one
    known key, so a body that opens with a dateline ("Istanbul: The Coalition ...") stays a body.
    """
    header: list[tuple[int, str, str]] = []
    for index, line in enumerate(lines):
        if not line.strip():
            if header and any(key.lower() in HEADER_KEYS for _, key, _ in header):
                return header, index + 1
            break
        match = _HEADER_LINE.match(line)
        if not match:
            break
        header.append((index + 1, match.group(1), match.group(2)))
    return [], 0


def _first_content_line(lines: list[str], start: int) -> int:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index + 1
    return start + 1


def _parse_jsonl(path: Path, text: str) -> Iterator[Release | ReleaseError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if len(line.encode("utf-8")) > MAX_RECORD_BYTES:
            yield ReleaseError(path, number, f"record over the limit of {MAX_RECORD_BYTES:,} bytes")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReleaseError(path, number, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield ReleaseError(path, number, "each line must be a JSON object")
            continue
        unknown = sorted(set(record) - JSON_KEYS)
        if unknown:
            yield ReleaseError(path, number, f"unknown field(s) {', '.join(unknown)}")
            continue
        bad = [k for k, v in record.items() if v is not None and not isinstance(v, str)]
        if bad:
            yield ReleaseError(path, number, f"field(s) {', '.join(sorted(bad))} must be strings")
            continue
        fields = {k: (v or "").strip() for k, v in record.items() if k != "body"}
        body = (record.get("body") or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        yield from _build(path, number, fields, body, body_line=number, body_lines=False)


def _build(
    path: Path,
    line: int,
    fields: dict[str, str],
    body: str,
    *,
    body_line: int,
    field_lines: dict[str, int] | None = None,
    body_lines: bool = True,
) -> list[Release | ReleaseError]:
    """Check the fields of one release: the release, or an error for each field at fault, at the
    line of that field (in a text file, the body's problems at their own line)."""

    def at(key: str) -> int:
        return (field_lines or {}).get(key, line)

    if not body:
        return [ReleaseError(path, body_line, "empty body: the release has no text")]
    date_text = fields.get("date", "")
    date = parse_date(date_text) if date_text else None
    if date_text and date is None:
        return [
            ReleaseError(path, at("date"), f"date '{date_text}' is not a date (use YYYY-MM-DD)")
        ]
    url = fields.get("url", "")
    if url and forbidden_character_at(url) is None:
        try:
            _url_validator(url)
        except ValidationError:
            return [ReleaseError(path, at("url"), f"url '{url[:200]}' is not an http(s) address")]
    language = _language(fields.get("language", ""))
    if language is None:
        codes = ", ".join(code for code, _ in Language.choices)
        return [
            ReleaseError(
                path, at("language"), f"unknown language '{fields['language']}' (use {codes})"
            )
        ]
    title = " ".join(fields.get("title", "").split())
    release = Release(
        path=path,
        line=line,
        body=body,
        title=title or derive_title(body),
        title_derived=not title,
        date=date,
        url=url,
        language=language,
        source=fields.get("source", "") or source_from_body(body),
    )
    problems = statement_field_problems(
        title=title, body=body, source_name=release.source, source_url=url, date=date
    )
    if not problems:
        return [release]
    errors = []
    for name, messages in problems.items():
        key = _HEADER_KEY_OF.get(name, name)
        for message in messages:
            number = at(key)
            if name == "body":
                number, message = _body_problem(body, body_line if body_lines else None, message)
            errors.append(ReleaseError(path, number or line, f"{key} {message}"))
    return sorted(errors, key=lambda error: error.line)


_HEADER_KEY_OF = {"source_name": "source", "source_url": "url"}


def _body_problem(body: str, first_line: int | None, message: str) -> tuple[int | None, str]:
    """A body's first forbidden character, at its own line of the file when the body has lines
    there (a text file), else at the record's line."""
    index = forbidden_character_at(body)
    if index is None:
        return first_line, message
    what = describe_character(body[index])
    if first_line is None:
        return None, f"contains {what} at character {index + 1}"
    newline = body.rfind("\n", 0, index)
    return first_line + body.count("\n", 0, index), f"contains {what} at column {index - newline}"


def parse_date(text: str) -> datetime.date | None:
    """A calendar date from the common written forms, or None: never a guess."""
    cleaned = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def _language(value: str) -> str | None:
    if not value:
        return Language.ENGLISH
    value = value.strip().lower()
    if value in Language.values:
        return value
    return _LANGUAGE_NAMES.get(value)


def derive_title(body: str, *, max_chars: int = 140) -> str:
    """A title from the body's first sentence, shortened at a word boundary if long."""
    first = body.strip().split("\n", 1)[0]
    match = _SENTENCE_END.search(first)
    sentence = first[: match.start()] if match else first
    sentence = " ".join(sentence.split())
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence[: max_chars - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return f"{cut}…"


def source_from_body(body: str) -> str:
    """The source a bare release names in its last line: "(Source: SOC's Media Department)"."""
    tail = body.strip().rsplit("\n", 1)[-1]
    match = _SOURCE_LINE.search(tail)
    return " ".join(match.group(1).replace("\u2019", "'").split()) if match else ""
