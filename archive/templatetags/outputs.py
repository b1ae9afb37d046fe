"""Template helpers of the archive's outputs: JSON-LD in a page, text an XML feed accepts."""

import json

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from archive import linked_data
from archive.records import xml_text

register = template.Library()

# The same escapes as Django's json_script: no "</script>" or "<!--" can end the block early.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`data` as a `<script type="application/ld+json">` block (data, never run as a script)."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def xml_safe(value):
    """Text without the characters XML 1.0 forbids (a U+0007 in a title would break the feed)."""
    return xml_text(value)


@register.simple_tag
def is_demo_archive():
    """Whether this site runs on the demo database of synthetic releases (`make demo`)."""
    return settings.ARCHIVE_DEMO


@register.simple_tag(takes_context=True)
def entity_json_ld(context, kind, entity):
    """The JSON-LD block of an entity page: a schema.org `kind` with its name and address."""
    url = context["request"].build_absolute_uri(entity.get_absolute_url())
    return json_ld(linked_data.entity(kind, str(entity), url))
