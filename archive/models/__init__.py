"""The archive's domain model (Popolo-inspired): statements and the facts found in them."""

from . import history  # noqa: F401 (registers the history of the models)
from .corpus import CorpusChange, CorpusVersion
from .editorial import Correction, FormerSlug
from .known_people import KnownPerson, KnownPersonName, Post
from .loads import LoadRun
from .meetings import Meeting
from .organizations import Organization, OrganizationAlias, OrganizationMention
from .people import Membership, Mention, MergeSuggestion, Person, PersonAlias
from .places import Demonym, Place, PlaceAlias, PlaceMention
from .resolutions import Citation, Resolution
from .review import Review
from .statements import Statement

__all__ = [
    "Citation",
    "CorpusChange",
    "CorpusVersion",
    "Correction",
    "Demonym",
    "FormerSlug",
    "KnownPerson",
    "KnownPersonName",
    "LoadRun",
    "Meeting",
    "Membership",
    "Mention",
    "MergeSuggestion",
    "Organization",
    "OrganizationAlias",
    "OrganizationMention",
    "Person",
    "PersonAlias",
    "Place",
    "PlaceAlias",
    "PlaceMention",
    "Post",
    "Resolution",
    "Review",
    "Statement",
]
