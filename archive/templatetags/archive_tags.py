"""Template helpers the built-in tags lack: absolute URLs for sharing, and an elided page range."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """The full address of `path` on this site, for canonical links and Open Graph tags."""
    return context["request"].build_absolute_uri(path)


@register.simple_tag
def page_range(page):
    """Page numbers around the current one, with "…" for the gaps: 1 … 4 5 6 … 20."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
