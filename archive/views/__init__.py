"""Server-rendered pages of the archive: statements (list, permalink, export) and entity pages."""

from .discovery import data
from .entities import entity_detail
from .exports import statement_export, statement_export_json, statement_feed
from .home import home
from .indexes import entity_index
from .meetings import meeting_list
from .permalink import statement_citation, statement_detail, statement_paragraph
from .statements import statement_list

__all__ = [
    "data",
    "entity_detail",
    "entity_index",
    "statement_citation",
    "statement_export_json",
    "statement_paragraph",
    "home",
    "meeting_list",
    "statement_detail",
    "statement_export",
    "statement_feed",
    "statement_list",
]
