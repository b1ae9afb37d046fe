"""A statement's permalink page: its text by paragraph and the facts found in it; a paragraph's own
page (a link that previews with that paragraph); and the statement's citation files."""

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from archive import citations, editing, linked_data
from archive.kinds import AS_WRITTEN_KINDS
from archive.models import Correction, Mention, Review, Statement
from archive.naming import name_of
from archive.search import api as search

from .params import clean_params

CITATION_FILES = {
    "bib": ("application/x-bibtex; charset=utf-8", citations.bibtex),
    "ris": ("application/x-research-info-systems; charset=utf-8", citations.ris),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", citations.csl_json),
}


def _published(pk):
    return get_object_or_404(Statement.objects.published().select_related("meeting__place"), pk=pk)


def site_citation(request, statement, paragraph=None) -> citations.Cited:
    """The statement (or its paragraph `paragraph`) as cited from this site, today."""
    permalink = request.build_absolute_uri(statement.get_absolute_url())
    return citations.cite(statement, permalink, paragraph)


def can_preview(user) -> bool:
    """Editors see a draft at its permalink, as it will look once published."""
    return user.is_active and user.is_staff and user.has_perm("archive.view_statement")


def _statement_or_404(request, pk):
    """The published statement, or a draft for an editor; a withdrawn one's 404 says so."""
    statement = (
        Statement.objects.select_related("meeting__place")
        .annotate(corrected=Exists(Correction.objects.filter(statement=OuterRef("pk"))))
        .filter(pk=pk)
        .first()
    )
    if statement is None:
        raise Http404
    if statement.status != Statement.Status.PUBLISHED and not can_preview(request.user):
        if editing.was_withdrawn(statement):
            return None
        raise Http404
    return statement


def statement_detail(request, pk, slug=None):
    statement = _statement_or_404(request, pk)
    if statement is None:
        return render(request, "404.html", {"withdrawn": True}, status=404)
    if slug != statement.slug:
        url = statement.get_absolute_url()
        if request.GET:
            url = f"{url}?{request.GET.urlencode()}"
        return redirect(url, permanent=True)

    params = clean_params(request.GET)
    terms = (params.get("q") or params.get("highlight") or "").strip()
    texts = statement.paragraphs
    paragraphs = [
        (n, search.highlight_paragraph(text, terms) if terms else text)
        for n, text in enumerate(texts, start=1)
    ]
    meeting = getattr(statement, "meeting", None)
    if meeting is not None and meeting.review == Review.REMOVED:
        meeting = None
    mentions = list(statement.mentions.visible().select_related("person", "organization"))
    sides = {side: [] for side in Mention.Side.values}
    for mention in mentions:
        sides[mention.side].append(mention)
    named = {kind.name: _named_facts(statement, kind) for kind in AS_WRITTEN_KINDS}
    cited = site_citation(request, statement)
    canonical = cited.permalink
    draft = statement.status != Statement.Status.PUBLISHED
    response = render(
        request,
        "archive/statement_detail.html",
        {
            "statement": statement,
            "paragraphs": paragraphs,
            "lead": texts[0] if texts else "",
            "terms": terms,
            "meeting": meeting,
            "sides": [
                (Mention.Side(side).label, people) for side, people in sides.items() if people
            ],
            "named": [(kind, named[kind.name]) for kind in AS_WRITTEN_KINDS],
            "canonical_url": canonical,
            "cited": cited,
            "formatted": citations.formatted(cited),
            "citation_files": _citation_files(statement),
            "json_ld": linked_data.statement(
                statement,
                canonical,
                request.build_absolute_uri,
                people=[m.person for m in mentions],
                organizations=[target for _, target, _ in named["organization"]],
                places=[target for _, target, _ in named["place"]],
            ),
            "synthetic": linked_data.is_synthetic(statement),
            "draft": draft,
            "corrections": statement.corrections.all() if statement.corrected else (),
        },
    )
    if draft:  # a preview: for the editor's eyes only, never indexed or cached
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
    return response


def _named_facts(statement, kind) -> list[tuple]:
    """(fact, entity, words) of the statement's visible facts of a kind that only names entities
    (archive.kinds: `AS_WRITTEN_KINDS`); the words the text wrote are given where they differ from
    the entity's name."""
    listed = []
    for fact in getattr(statement, kind.facts_relation).visible().select_related(kind.column):
        target = getattr(fact, kind.column)
        listed.append((fact, target, fact.as_written if fact.as_written != name_of(target) else ""))
    return listed


def statement_paragraph(request, pk, slug, n):
    """One paragraph on a page of its own: shared, it previews with the paragraph's text, and it
    gives the paragraph's citation; the reader goes on to the statement at `#p<n>`."""
    statement = _published(pk)
    texts = statement.paragraphs
    if not 1 <= n <= len(texts):
        raise Http404("No such paragraph.")
    if slug != statement.slug:
        return redirect(
            "archive:statement-paragraph", pk=pk, slug=statement.slug, n=n, permanent=True
        )
    cited = site_citation(request, statement, paragraph=n)
    url = request.build_absolute_uri(
        reverse("archive:statement-paragraph", kwargs={"pk": pk, "slug": statement.slug, "n": n})
    )
    return render(
        request,
        "archive/statement_paragraph.html",
        {
            "statement": statement,
            "n": n,
            "text": texts[n - 1],
            "canonical_url": url,
            "cited": cited,
            "formatted": citations.formatted(cited),
            "citation_files": _citation_files(statement, n),
            "json_ld": linked_data.paragraph(statement, cited.url, texts[n - 1], n),
            "synthetic": linked_data.is_synthetic(statement),
        },
    )


def _citation_files(statement, n=None):
    """(label, address) of each citation download of the statement, or of its paragraph `n`."""
    labels = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}
    kwargs = {"pk": statement.pk, "slug": statement.slug}
    name = "statement-citation"
    if n:
        kwargs["n"], name = n, "statement-paragraph-citation"
    return [
        (label, reverse(f"archive:{name}", kwargs={**kwargs, "fmt": fmt}))
        for fmt, label in labels.items()
    ]


def statement_citation(request, pk, slug, fmt, n=None):
    """The statement's (or its paragraph's) citation as a file for a reference manager."""
    if fmt not in CITATION_FILES:
        raise Http404("No such citation format.")
    statement = _published(pk)
    if n is not None and not 1 <= n <= len(statement.paragraphs):
        raise Http404("No such paragraph.")
    content_type, render_file = CITATION_FILES[fmt]
    cited = site_citation(request, statement, paragraph=n)
    response = HttpResponse(render_file(cited), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{cited.key}.{fmt}"'
    return response
