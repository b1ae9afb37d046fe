"""Every change to a statement and its facts, recorded with who made it and when.

django-simple-history keeps one history table per model, written on every `save()` and `delete()`
(the admin's, the review page's, a shell's), with the editor taken from the request. The loader's
bulk inserts of extracted rows are not recorded one by one: they are the extractor's, not an
editor's, and the statement's own record says when it was loaded. Every fact an editor reviews
keeps its history by being one (`Reviewed`, whichever its kind); the statement, the people, the
merge queue and the notes of corrections are registered here. Organizations, places and
resolutions (reference data, which the loader extends as it meets new names) keep the admin's own
log of changes instead, so that a load's new names cost it no extra writes.
"""

from simple_history import register

from .editorial import Correction
from .people import MergeSuggestion, Person
from .statements import Statement

# The change reason of the record a withdrawal leaves: a withdrawn statement's page says it is no
# longer published, where a draft that never was gives a plain "not found".
WITHDRAWN = "withdrawn"

# The search columns are derived from the text, which the record already holds.
register(
    Statement,
    app="archive",
    excluded_fields=[
        "search_document",
        "search_pairs",
        "search_title",
        "search_body",
        "content_hash",
    ],
)
for _model in (Person, MergeSuggestion, Correction):
    register(_model, app="archive")
