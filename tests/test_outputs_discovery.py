"""Link previews and discovery: canonical links, Open Graph, JSON-LD, sitemap, robots.txt,
OpenSearch, favicon; and the clean ¶ links."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from django.urls import reverse

from archive.models import Statement
from tests.factories import PersonFactory, StatementFactory
from tests.outputs_data import hostile_statement, rich_statement
from tests.test_outputs_citations import MetaTags

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def json_ld(page):
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(block)


def test_a_permalink_previews_with_title_lead_image_and_canonical_address(client):
    statement = rich_statement()
    page = client.get(statement.get_absolute_url(), {"q": "envoy"}).content.decode()
    tags = MetaTags(page).tags
    url = f"http://testserver{statement.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in page
    assert tags["og:url"] == [url]
    assert tags["og:title"] == [statement.title]
    assert tags["og:description"] == [statement.paragraphs[0]]
    assert tags["og:image"] == ["http://testserver/static/img/share-card.png"]
    assert tags["twitter:card"] == ["summary_large_image"]


def test_json_ld_names_the_issuer_the_people_mentioned_and_the_date(client):
    statement = rich_statement()
    data = json_ld(client.get(statement.get_absolute_url()).content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == statement.title
    assert data["author"] == {"@type": "Organization", "name": "Syrian Opposition Coalition"}
    assert data["datePublished"] == "2021-05-04"
    assert data["isBasedOn"] == statement.source_url
    people = [m["name"] for m in data["mentions"] if m["@type"] == "Person"]
    assert people == ["Hadi al-Bahra", "Geir Pedersen"]


def test_json_ld_cannot_be_closed_by_release_text(client):
    statement = hostile_statement()
    page = client.get(statement.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    assert "<script>" not in block and "\\u003Cscript\\u003E" in block
    assert json.loads(block)["headline"] == statement.title


def test_a_paragraph_link_previews_with_that_paragraphs_text(client):
    statement = rich_statement()
    url = reverse(
        "archive:statement-paragraph", kwargs={"pk": statement.pk, "slug": statement.slug, "n": 2}
    )
    tags = MetaTags(client.get(url).content.decode()).tags
    assert tags["og:description"] == [statement.paragraphs[1]]
    assert tags["og:url"] == [f"http://testserver{url}"]


def test_paragraph_links_are_the_clean_permalink_with_an_anchor(client):
    statement = rich_statement()
    page = client.get(statement.get_absolute_url(), {"q": "Bab"}).content.decode()
    links = re.findall(r'class="para-link" href="([^"]+)"', page)
    clean = f"http://testserver{statement.get_absolute_url()}"
    assert links == [f"{clean}#p1", f"{clean}#p2", f"{clean}#p3"]


def test_the_sitemap_lists_published_statements_and_entities_only(client):
    statement = rich_statement()
    draft = StatementFactory(status=Statement.Status.DRAFT)
    PersonFactory(name="Only In Reference Data")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    urls = []
    for section in sections:
        tree = ET.fromstring(client.get(section.replace("http://testserver", "")).content)
        urls += [loc.text for loc in tree.iter(f"{SITEMAP}loc")]
    assert f"http://testserver{statement.get_absolute_url()}" in urls
    assert f"http://testserver{draft.get_absolute_url()}" not in urls
    assert "http://testserver/people/hadi-al-bahra/" in urls
    assert not any("only-in-reference-data" in u for u in urls)
    assert "http://testserver/people/" in urls


def test_robots_opensearch_and_favicon_answer(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Disallow: /admin/" in robots
    opensearch = ET.fromstring(client.get("/opensearch.xml").content)
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    templates = [u.get("template") for u in opensearch.iter(f"{ns}Url")]
    assert "http://testserver/statements/?q={searchTerms}" in templates
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 301 and favicon["Location"].endswith("favicon.svg")
    home = client.get("/").content.decode()
    assert 'rel="icon"' in home and 'rel="search"' in home


def test_synthetic_releases_are_marked_on_their_pages_and_in_their_data(client):
    synthetic = StatementFactory(source_url="https://synthetic.invalid/bench/1/7")
    page = client.get(synthetic.get_absolute_url()).content.decode()
    assert "Synthetic release." in page
    real = StatementFactory()
    assert "Synthetic release." not in client.get(real.get_absolute_url()).content.decode()
    item = client.get(f"/api/v1/statements/{synthetic.pk}").json()
    assert item["synthetic"] is True


def test_generate_corpus_addresses_are_the_ones_marked_synthetic():
    from archive.records import SYNTHETIC_PREFIX
    from bench.corpus import URL

    assert URL.format(seed=1, index=2).startswith(SYNTHETIC_PREFIX)


def test_the_demo_archive_says_so_on_every_page(client):
    statement = StatementFactory()
    with override_settings(ARCHIVE_DEMO=True):
        for url in ("/", "/statements/", statement.get_absolute_url(), "/people/", "/data/"):
            assert "Demo archive." in client.get(url).content.decode(), url
    assert "Demo archive." not in client.get("/").content.decode()


def test_entity_pages_preview_and_link_their_list_in_every_format(client):
    rich_statement()
    page = client.get("/people/hadi-al-bahra/").content.decode()
    assert json_ld(page) == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Hadi al-Bahra",
        "url": "http://testserver/people/hadi-al-bahra/",
    }
    assert MetaTags(page).tags["og:image"] == ["http://testserver/static/img/share-card.png"]
    for export in ("export.csv", "export.json", "feed.atom"):
        assert f'href="/statements/{export}?person=hadi-al-bahra"' in page
    place = client.get("/places/geneva/").content.decode()
    assert json_ld(place)["@type"] == "Place"
    assert 'href="/statements/export.csv?place=geneva"' in place


def test_the_list_links_every_format_with_its_own_query(client):
    rich_statement()
    page = client.get("/statements/", {"place": "geneva", "page": "1", "sort": "oldest"})
    html = page.content.decode()
    assert 'href="/statements/export.csv?place=geneva&amp;sort=oldest"' in html
    assert 'href="/statements/export.json?place=geneva&amp;sort=oldest"' in html
    assert 'href="/statements/feed.atom?place=geneva"' in html


def test_a_paragraph_page_with_an_old_slug_redirects_permanently(client):
    statement = rich_statement()
    url = f"/statements/{statement.pk}/old-slug/p2/"
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == f"{statement.get_absolute_url()}p2/"
