"""The archive's domain model (Popolo-inspired): statements and the facts found in them."""

from .corpus import CorpusVersion
from .meetings import Meeting
from .organizations import Organization, OrganizationAlias, OrganizationMention
from .people import Membership, Mention, MergeSuggestion, Person, PersonAlias
from .places import Place, PlaceAlias, PlaceMention
from .resolutions import Citation, Resolution
from .review import Review
from .statements import Statement

__all__ = [
    "Citation",
    "CorpusVersion",
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
    "Resolution",
    "Review",
    "Statement",
]
