"""Server-rendered pages of the archive: statements (list, permalink, export) and entity pages."""

from .entities import (
    organization_detail,
    person_detail,
    place_detail,
    resolution_detail,
)
from .exports import statement_export, statement_feed
from .home import home
from .meetings import meeting_list
from .permalink import statement_detail
from .statements import statement_list

__all__ = [
    "home",
    "meeting_list",
    "organization_detail",
    "person_detail",
    "place_detail",
    "resolution_detail",
    "statement_detail",
    "statement_export",
    "statement_feed",
    "statement_list",
]
