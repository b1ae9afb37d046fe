"""The Jinja2 environment of the public pages: addresses, static files, filters and the
helpers Django's built-in template tags lack.

The public pages are Jinja2 templates because, once the corpus index counts the facets,
rendering is most of a page's time, and Jinja2 renders the same page two to three times faster
than Django's engine (README "Templates"). The admin keeps Django's engine and its templates.
"""

import json

from django.conf import settings
from django.template import defaultfilters
from django.template.defaulttags import querystring as django_querystring
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from jinja2 import ChainableUndefined, Environment, Undefined

from archive import linked_data
from archive.records import xml_text
from archive.validation import is_link
from archive.views.indexes import INDEXES

# The same escapes as Django's json_script: no "</script>" or "<!--" can end the block early.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def environment(**options) -> Environment:
    """The environment Django's Jinja2 backend renders the pages with.

    A missing value renders as nothing, as in Django's templates, however deep the lookup
    (`meeting.place.name` of a meeting without a place).
    """
    env = Environment(**{**options, "undefined": ChainableUndefined})
    env.globals.update(
        url=url,
        static=static,
        querystring=querystring,
        index_pages=index_pages,
        page_range=page_range,
        is_demo_archive=is_demo_archive,
        entity_json_ld=entity_json_ld,
    )
    env.filters.update(
        capfirst=defaultfilters.capfirst,
        date=date,
        pluralize=defaultfilters.pluralize,
        truncatechars=defaultfilters.truncatechars,
        truncatewords=defaultfilters.truncatewords,
        urlencode=defaultfilters.urlencode,
        link_url=link_url,
        json_ld=json_ld,
        xml_safe=xml_safe,
    )
    return env


def url(name: str, *args) -> str:
    """The address of the view named `name` (`url('archive:person-detail', slug)`)."""
    return reverse(name, args=args)


def querystring(*mappings, **changes) -> str:
    """`?` and the parameters of `mappings`, changed by `changes` (`none` removes a key): links
    that keep the page's other parameters, as Django's `{% querystring %}` builds them."""
    return django_querystring(None, *mappings, **changes)


def date(value, format: str | None = None) -> str:
    """Django's `date` filter; nothing for a missing value, as in Django's templates."""
    return "" if isinstance(value, Undefined) else defaultfilters.date(value, format)


def index_pages() -> list[tuple[str, str]]:
    """(address, title) of each index page (archive.views.indexes), for the footer's links."""
    return [(reverse(f"archive:{name}-index"), index.title) for name, index in INDEXES.items()]


def page_range(page):
    """Page numbers around the current one, with "…" for the gaps: 1 … 4 5 6 … 20."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)


def is_demo_archive() -> bool:
    """Whether this site runs on the demo database of synthetic releases (`make demo`)."""
    return settings.ARCHIVE_DEMO


def link_url(value) -> str:
    """A stored address if it may be a link (absolute http or https), else "".

    Every stored URL goes through this before it becomes an `href`: a `javascript:` or `data:`
    address that reached the database without the loader or a form (a fixture, a restore, SQL)
    must not become a link that runs code when clicked.
    """
    value = str(value or "")
    return value.strip() if is_link(value) else ""


def json_ld(data):
    """`data` as a `<script type="application/ld+json">` block (data, never run as a script)."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def entity_json_ld(request, kind: str, entity):
    """The JSON-LD block of an entity page: a schema.org `kind` with its name and address."""
    url = request.build_absolute_uri(entity.get_absolute_url())
    return json_ld(linked_data.entity(kind, str(entity), url))


def xml_safe(value) -> str:
    """Text without the characters XML 1.0 forbids (a U+0007 in a title would break the feed)."""
    return xml_text(value)
