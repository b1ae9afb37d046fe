"""The entity of the archive an editor's words name: a person, an organization, a place, a
resolution, found by any name, spelling or citation form the archive knows it by.

The review page's forms take names as typed (with lists to pick from), so each lookup is forgiving
about case, spacing and form, and says plainly what to do when nothing matches.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db.models import Q

from archive.kinds import BY_NAME
from archive.loader.citations import find_citations
from archive.models import Organization, Person, PersonAlias, Place, Resolution, Review
from archive.text import name_key


class EditorError(ValidationError):
    """An editor's request that cannot be carried out as asked; nothing was changed."""


def name_of(entity) -> str:
    """What an entity is called where the words of a text are set beside it (a permalink, the
    review page's forms and lists): its name, or what it is shown as without one (a resolution's
    label)."""
    return getattr(entity, "name", None) or str(entity)


def person_named(name: str, *, create: bool = False) -> Person:
    """The person with this name or spelling; a new one only when `create` (else EditorError)."""
    name = " ".join(name.split())
    if not name:
        raise EditorError("Give the person's name.")
    key = name_key(name)
    found = (
        Person.objects.filter(Q(name__iexact=name) | Q(aliases__key=key))
        .exclude(aliases__key=key, aliases__review=Review.REMOVED)
        .order_by("pk")
        .first()
    ) or Person.objects.filter(name__iexact=name).first()
    if found:
        return found
    if not create:
        raise EditorError(f"No one named “{name}” is in the archive: add them as a missed person.")
    person = Person.objects.create(name=name[:200])
    PersonAlias.objects.create(person=person, name=name[:200], review=Review.CONFIRMED)
    return person


def entity_named(kind, name: str):
    """The entity of `kind` (archive.kinds) an editor's words name (EditorError if none): a
    resolution by a citation form, any other by its name, the other columns a search recognises
    (an organization's abbreviation) or a spelling."""
    if kind.entity is Resolution:
        return resolution_named(name)
    name = " ".join(name.split())
    named = Q(aliases__key=name_key(name))
    for column in kind.searched_columns:
        named |= Q(**{f"{column}__iexact": name})
    found = kind.entity.objects.filter(named).order_by("pk").first()
    if found is None:
        raise EditorError(
            f"No {kind.singular.lower()} “{name}” is in the archive: pick one from the list, "
            f"or add it under {kind.label} first."
        )
    return found


def organization_named(name: str) -> Organization:
    """The organization with this name, abbreviation or alias (EditorError if none)."""
    return entity_named(BY_NAME["organization"], name)


def place_named(name: str) -> Place:
    """The place with this name or alias (EditorError if none)."""
    return entity_named(BY_NAME["place"], name)


def resolution_named(name: str) -> Resolution:
    """The resolution a name cites: its label ("UNSC Resolution 2254 (2015)"), identifier
    ("UNSC 2254"), bare number ("2254"), any form the extractor reads ("UNSCR 2254", "S/RES/2254",
    "the Geneva Communique"), its symbol or its title (EditorError if none)."""
    name = " ".join(name.split())
    if not name:
        raise EditorError("Give the resolution.")
    found = _resolution_cited_by(name) or _resolution_titled(name)
    if found is None:
        raise EditorError(
            f"No resolution “{name}” is in the archive: pick one from the list, "
            "or add it under Resolutions first."
        )
    return found


_SHORT_CITATION = re.compile(r"(?:(UNSC|UNGA|HRC)\s+)?(\d{1,4}(?:/\d{1,4})?)", re.IGNORECASE)
_TITLE_AND_YEAR = re.compile(r"(.+?)\s*\((\d{4})\)")


def _resolution_cited_by(name: str) -> Resolution | None:
    """The one resolution `name` cites, read as the extractor reads a citation."""
    short = _SHORT_CITATION.fullmatch(name)
    if short:  # "UNSC 2254", "2254": a citation without its word "Resolution"
        name = f"{short[1] or ''} Resolution {short[2]}"
    cited = {(c.body, c.number, c.identifier) for c in find_citations(name)}
    if len(cited) != 1:
        return None
    [(body, number, identifier)] = cited
    if number:
        return Resolution.objects.filter(body=body, number=number).first()
    unnumbered = Resolution.objects.filter(number="")
    return next((r for r in unnumbered if r.identifier == identifier), None)


def _resolution_titled(name: str) -> Resolution | None:
    """The resolution with this symbol, slug or title (with its year in brackets, as labelled)."""
    titled = _TITLE_AND_YEAR.fullmatch(name)
    by_title = Q(title__iexact=titled[1], year=int(titled[2])) if titled else Q(title__iexact=name)
    return (
        Resolution.objects.filter(Q(symbol__iexact=name) | Q(slug=name.lower()) | by_title)
        .order_by("pk")
        .first()
    )
