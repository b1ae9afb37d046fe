"""The list's result set in other formats: an Atom feed, and CSV and JSON files that stream.

Any statement list's query string works on each of them (a search, its filters, its sort), so a
researcher downloads exactly the statements the page lists. Files stream a chunk of rows at a time
(constant memory however many rows); anonymous visitors get at most ANONYMOUS_ROWS rows, with a
pointer to the bulk download beyond; and at most `export_slots.SLOTS` exports stream at once.
"""

import csv
import json

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify

from archive import export_slots, records

from .params import clean_params
from .statements import _filtered, _sorted

FEED_SIZE = 50
ANONYMOUS_ROWS = 10_000
API_VERSION = "1"
# The OWASP list of cell openings a spreadsheet runs as a formula (or as DDE).
FORMULA_OPENINGS = ("=", "+", "-", "@", "\t", "\r")


def statement_feed(request):
    """An Atom feed of the newest statements matching the list's filters."""
    params = clean_params(request.GET)
    filterset, _ = _filtered(params)
    statements = filterset.qs.newest_first()[:FEED_SIZE]
    return render(
        request,
        "archive/statement_feed.xml",
        {
            "statements": statements,
            "query": params.urlencode(),
            "updated": max((s.updated for s in statements), default=None),
        },
        content_type="application/atom+xml; charset=utf-8",
    )


def statement_export(request):
    """The list's result set as CSV (UTF-8 with a BOM, so Excel reads ’ and é), every fact."""
    return _export(request, "csv", csv_lines)


def statement_export_json(request):
    """The list's result set as one JSON document, streamed."""
    return _export(request, "json", json_chunks)


def _export(request, extension, body):
    params = clean_params(request.GET)
    filterset, sort = _filtered(params)
    limit = None if request.user.is_authenticated else ANONYMOUS_ROWS
    statements = _sorted(filterset, sort)
    slot = export_slots.take()
    if slot is None:
        response = HttpResponse(
            "Other exports are being prepared; please try again in a few seconds.\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(export_slots.RETRY_AFTER)
        return response
    context = {
        "absolute": request.build_absolute_uri,
        "limit": limit,
        "query": params.urlencode(),
        "more": request.build_absolute_uri(reverse("archive:data")),
    }
    response = StreamingHttpResponse(
        export_slots.Released(body(statements, context), slot),
        content_type="text/csv; charset=utf-8"
        if extension == "csv"
        else "application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(params, extension)}"'
    if limit is not None:
        response["X-Row-Limit"] = str(limit)
        response["Link"] = f'<{context["more"]}>; rel="describedby"'
    return response


def export_filename(params, extension) -> str:
    """ "statements-q-bab-al-hawa-year-2016.csv": the file says which query made it."""
    words = [
        f"{key}-{value}"
        for key, values in sorted(params.lists())
        if key not in ("page", "more")
        for value in values
        if value.strip()
    ]
    name = slugify(" ".join(words))[:100].strip("-")
    return f"statements-{name}.{extension}" if name else f"statements-all.{extension}"


def _limited(statements, context):
    """The statements' records, at most `limit` of them, then None if more were left out."""
    limit = context["limit"]
    rows = statements if limit is None else statements[: limit + 1]
    for n, rec in enumerate(records.records(rows, context["absolute"])):
        if limit is not None and n >= limit:
            yield None
            return
        yield rec


class _Line:
    """A file-like object csv.writer writes one line into, which is then handed out."""

    def write(self, value):
        return value


def csv_lines(statements, context):
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(records.CSV_COLUMNS)
    for rec in _limited(statements, context):
        if rec is None:
            return
        yield writer.writerow([spreadsheet_safe(value) for value in records.csv_row(rec)])


def json_chunks(statements, context):
    head = {"version": API_VERSION, "query": context["query"]}
    yield json.dumps(head)[:-1] + ', "statements": ['
    truncated, first = False, True
    for rec in _limited(statements, context):
        if rec is None:
            truncated = True
            break
        item = json.dumps(rec, ensure_ascii=False)
        yield ("\n" if first else ",\n") + item
        first = False
    tail = {"truncated": truncated, "row_limit": context["limit"]}
    if truncated:
        tail["more"] = context["more"]
    yield "\n], " + json.dumps(tail)[1:]


def spreadsheet_safe(value):
    """A cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "-2+3", "@SUM") is
    quoted to stay text, also when spaces come before the formula's opening."""
    if not isinstance(value, str):
        return value
    if value[:1] in FORMULA_OPENINGS or value.lstrip()[:1] in FORMULA_OPENINGS:
        return "'" + value
    return value
