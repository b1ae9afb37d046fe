"""Query strings of links that change a few parameters of the page's own, built in Python.

A list page has a hundred such links (facet values, their checkboxes, chips): the template tag
`{% querystring %}` copies the page's parameters for each one, which cost more than counting the
facets. The rules are the tag's: a list sets a parameter's values, None removes it.
"""

from urllib.parse import urlencode


class Links:
    def __init__(self, params, **changes):
        """`params`: the page's QueryDict; `changes`: applied to every link (page=None)."""
        self.pairs = [(key, values) for key, values in params.lists()]
        self.base = changes

    def to(self, changes: dict) -> str:
        """ "?..." for the page's parameters with `changes` (and the base changes) applied."""
        changes = {**self.base, **changes}
        pairs = [
            (key, value) for key, values in self.pairs if key not in changes for value in values
        ]
        for key, value in changes.items():
            if isinstance(value, list):
                pairs.extend((key, item) for item in value)
            elif value is not None:
                pairs.append((key, value))
        return "?" + urlencode(pairs)
