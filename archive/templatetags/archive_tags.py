"""Template helpers the built-in tags lack: absolute URLs for sharing, an elided page range,
stored addresses made safe to link, and the index pages every page links to."""

from django import template
from django.urls import reverse

from archive.validation import is_link
from archive.views.indexes import INDEXES

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """The full address of `path` on this site, for canonical links and Open Graph tags."""
    return context["request"].build_absolute_uri(path)


@register.simple_tag
def index_pages():
    """(address, title) of each index page (archive.views.indexes), for the footer's links."""
    return [(reverse(f"archive:{name}-index"), index.title) for name, index in INDEXES.items()]


@register.simple_tag
def page_range(page):
    """Page numbers around the current one, with "…" for the gaps: 1 … 4 5 6 … 20."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)


@register.filter
def link_url(value):
    """A stored address if it may be a link (absolute http or https), else "".

    Every stored URL goes through this before it becomes an `href`: a `javascript:` or `data:`
    address that reached the database without the loader or a form (a fixture, a restore, SQL)
    must not become a link that runs code when clicked.
    """
    value = str(value or "")
    return value.strip() if is_link(value) else ""
