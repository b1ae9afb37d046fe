"""What a permalink tells machines: schema.org JSON-LD for link previews and search engines, and
whether a statement is synthetic (made by `generate_corpus` for demonstrations and benchmarks)."""

from django.templatetags.static import static

from archive.citations import ARCHIVE, ISSUER
from archive.records import is_synthetic

__all__ = ["entity", "is_synthetic", "paragraph", "statement"]
SHARE_IMAGE = "img/share-card.png"


def statement(statement, url, absolute, *, people=(), organizations=(), places=()) -> dict:
    """A `NewsArticle` (genre: press release) issued by the coalition, naming its people,
    organizations and places as `mentions`."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "genre": "Press release",
        "headline": statement.title,
        "name": statement.title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": statement.language,
        "author": {"@type": "Organization", "name": ISSUER},
        "publisher": {"@type": "Organization", "name": ARCHIVE},
        "isPartOf": {"@type": "WebSite", "name": ARCHIVE, "url": absolute("/")},
        "image": absolute(static(SHARE_IMAGE)),
        "mentions": [
            *({"@type": "Person", "name": p.name, "url": absolute(p.get_absolute_url())}
              for p in dict.fromkeys(people)),
            *({"@type": "Organization", "name": o.name, "url": absolute(o.get_absolute_url())}
              for o in dict.fromkeys(organizations)),
            *({"@type": "Place", "name": p.name, "url": absolute(p.get_absolute_url())}
              for p in dict.fromkeys(places)),
        ],
    }  # fmt: skip
    if statement.source_name:
        data["contributor"] = {"@type": "Organization", "name": statement.source_name}
    if statement.date:
        data["datePublished"] = statement.date.isoformat()
    if statement.source_url.startswith(("http://", "https://")):
        data["isBasedOn"] = statement.source_url
    return data


def paragraph(statement, url, text, n) -> dict:
    """One paragraph: a `Quotation` that is part of the statement."""
    return {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "name": f"{statement.title}, paragraph {n}",
        "text": text,
        "url": url,
        "inLanguage": statement.language,
        "creator": {"@type": "Organization", "name": ISSUER},
        "isPartOf": {"@type": "NewsArticle", "headline": statement.title, "url": url.split("#")[0]},
    }


def entity(kind, name, url) -> dict:
    """An entity page: the person, organization or place itself."""
    return {"@context": "https://schema.org", "@type": kind, "name": name, "url": url}
