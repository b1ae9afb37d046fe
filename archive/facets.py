"""Facet counts of the statement list, counted on the corpus index's bitmaps.

Facets are disjunctive: each one counts over the results of every active filter but its own.
A value's count is the size of its bitmap's intersection with that base: exactly the number of
results its link gives, whatever the number of results, and without a query.

Each value offers two links: its label selects that value alone within its facet (or, when
selected, removes it), and its checkbox toggles it within the facet's selection (the values of
one facet are ORed).
"""

import heapq
from dataclasses import dataclass, field

from pyroaring import BitMap

from archive.corpus_index import CorpusIndex
from archive.kinds import FACETS, UNDATED, YEAR

SHOWN = 8  # values a facet shows before "more"
EXPANDED = 200  # values a facet shows once expanded


@dataclass
class FacetValue:
    key: str  # the URL parameter's value
    label: str
    count: int
    selected: bool
    params: dict  # the label's link: only this value (or, when selected, without it)
    toggle: dict  # the checkbox's link: with or without it, the others kept
    url: str = ""  # the entity page, when the value is an entity
    href: str = ""  # the query strings of `params` and `toggle`
    toggle_href: str = ""


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]
    expanded: bool  # showing up to EXPANDED values ("fewer" link) rather than SHOWN
    has_more: bool  # values beyond those shown ("more" link)
    params: dict  # toggling expanded
    href: str = ""  # its query string


@dataclass
class Selection:
    """What a page's filters keep, as bitmaps of the corpus index."""

    rest: BitMap  # every published statement the words and dates keep
    matches: int  # how many statements the words match (of any status)
    chosen: dict[str, BitMap] = field(default_factory=dict)  # facet -> its selected values' union
    keys: dict[str, list[str]] = field(default_factory=dict)  # facet -> its selected keys
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # for values not in the index

    def without(self, name: str | None) -> BitMap:
        """The results under every filter but facet `name`'s own."""
        results = self.rest
        for other, statements in self.chosen.items():
            if other != name:
                results = results & statements
        return results

    @property
    def results(self) -> BitMap:
        return self.without(None)


def statement_facets(index: CorpusIndex, selection: Selection, expanded: str | None, links):
    """Every facet of the list page, in display order, linked with `links` (querystrings)."""
    everything = len(selection.rest) == len(index.ids)
    facets = [
        _facet(index, selection, name, label, expanded == name, everything)
        for name, label in FACETS.items()
    ]
    for facet in facets:
        facet.href = links.to(facet.params)
        for value in facet.values:
            value.href, value.toggle_href = links.to(value.params), links.to(value.toggle)
    return facets


def _facet(index, selection, name, label, expanded, everything) -> Facet:
    base = selection.without(name)
    if everything and not (selection.chosen.keys() - {name}):
        counts = _archive_wide(index, name)
    else:
        counts = index.counts(name, base)
    selected = selection.keys.get(name, [])
    for key in selected:
        counts.setdefault(key, 0)  # matching nothing, it still shows so it can be removed
    shown = _shown(name, counts, selected, EXPANDED if expanded else SHOWN)
    known, labels = index.shown[name], selection.labels.get(name, {})
    values = [
        FacetValue(
            key=key,
            label=known[key].label if key in known else labels.get(key, key),
            count=counts[key],
            selected=key in selected,
            params=_click(name, selected, key),
            toggle=_toggle(name, selected, key),
            url=known[key].url if key in known else "",
        )
        for key in shown
    ]
    return Facet(
        name=name,
        label=label,
        values=values,
        expanded=expanded,
        has_more=len(counts) > len(shown),
        params={"more": None if expanded else name},
    )


def _shown(name: str, counts: dict[str, int], selected: list[str], limit: int) -> list[str]:
    """The values a facet shows: years in time order; other values selected first, then the
    most frequent (only the first `limit` are ranked, not every value). A selected value
    beyond the limit still shows, so it can be removed."""
    if name == YEAR.name:
        order = _year_order
    else:

        def order(key):
            return (key not in selected, -counts[key], key)

    first = heapq.nsmallest(limit, counts, key=order)
    chosen = set(first)
    return first + sorted((key for key in selected if key not in chosen), key=order)


def _archive_wide(index: CorpusIndex, name: str) -> dict[str, int]:
    return dict(index.sizes(name))


def _year_order(key: str):
    """Newest year first, undated last."""
    return (key == UNDATED, -int(key) if key != UNDATED else 0)


def _click(name: str, selected: list[str], key: str) -> dict:
    """The label: a selected value is removed, any other replaces the selection.

    Replacing (rather than adding) keeps the promise of disjunctive counts: the number shown
    next to a value is exactly the number of results its link leads to.
    """
    if key in selected:
        return {name: [k for k in selected if k != key]}
    return {name: [key]}


def _toggle(name: str, selected: list[str], key: str) -> dict:
    """The checkbox: the value joins or leaves the facet's selection, the others stay."""
    if key in selected:
        return {name: [k for k in selected if k != key]}
    return {name: [*selected, key]}
