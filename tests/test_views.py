"""The public pages render what they promise: list, permalink, entity pages, meetings, home."""

import csv
import datetime
import io
import re
from html import unescape

import pytest
from django.urls import reverse

from archive.models import Meeting, Mention, Review, Statement
from archive.views import entities
from tests.factories import (
    CitationFactory,
    MeetingFactory,
    MembershipFactory,
    MentionFactory,
    OrganizationFactory,
    OrganizationMentionFactory,
    PersonAliasFactory,
    PersonFactory,
    PlaceFactory,
    PlaceMentionFactory,
    ResolutionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("archive:statement-list")


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# ---- Home ----


def test_home_shows_search_latest_statements_top_entities_and_years(client):
    person = PersonFactory(name="Hadi al-Bahra")
    place = PlaceFactory(name="Idlib")
    resolution = ResolutionFactory(number="2254")
    statement = StatementFactory(title="Al-Bahra meets envoy", date=datetime.date(2021, 5, 1))
    MentionFactory(statement=statement, person=person)
    PlaceMentionFactory(statement=statement, place=place)
    CitationFactory(statement=statement, resolution=resolution)
    StatementFactory(date=datetime.date(2015, 1, 1))
    page = html(client.get("/"))
    assert 'name="q"' in page
    assert "Al-Bahra meets envoy" in page
    assert person.get_absolute_url() in page
    assert place.get_absolute_url() in page
    assert resolution.get_absolute_url() in page
    assert f"{LIST}?year=2021" in page


def test_home_leaves_out_drafts(client):
    StatementFactory(title="Not yet public", status=Statement.Status.DRAFT)
    assert "Not yet public" not in html(client.get("/"))


# ---- List ----


def test_list_is_newest_first_with_undated_last(client):
    StatementFactory(title="Older", date=datetime.date(2019, 1, 1))
    StatementFactory(title="Undated one", date=None)
    StatementFactory(title="Newer", date=datetime.date(2022, 1, 1))
    titles = [s.title for s in client.get(LIST).context["page"]]
    assert titles == ["Newer", "Older", "Undated one"]


def test_list_sorts_oldest_first_on_request(client):
    StatementFactory(title="Older", date=datetime.date(2019, 1, 1))
    StatementFactory(title="Newer", date=datetime.date(2022, 1, 1))
    titles = [s.title for s in client.get(LIST, {"sort": "oldest"}).context["page"]]
    assert titles == ["Older", "Newer"]


def test_list_search_ranks_and_highlights_hits(client):
    StatementFactory(title="About detainees", body="The fate of detainees was discussed.")
    StatementFactory(title="Other", body="Nothing relevant here.")
    response = client.get(LIST, {"q": "detainees"})
    assert [s.title for s in response.context["page"]] == ["About detainees"]
    assert response.context["sort"] == "relevance"
    assert "<mark>detainees</mark>" in html(response)


def test_list_undated_and_derived_titles_are_shown_honestly(client):
    StatementFactory(title="Taken from the first sentence", title_derived=True, date=None)
    page = html(client.get(LIST))
    assert "Undated" in page
    assert "derived title" in page


def test_list_result_shows_people_and_links_to_permalink(client):
    statement = StatementFactory()
    mention = MentionFactory(statement=statement, person=PersonFactory(name="Maryam Shalabi"))
    page = html(client.get(LIST))
    assert statement.get_absolute_url() in page
    assert mention.person.get_absolute_url() in page


def test_list_link_to_permalink_carries_the_query_for_highlighting(client):
    statement = StatementFactory(body="The ceasefire holds.")
    page = html(client.get(LIST, {"q": "ceasefire"}))
    assert f"{statement.get_absolute_url()}?q=ceasefire" in page


def test_pagination_links_keep_every_filter(client):
    person = PersonFactory()
    for _ in range(25):
        MentionFactory(person=person, statement=StatementFactory(date=datetime.date(2020, 3, 3)))
    page = html(client.get(LIST, {"person": person.slug, "year": "2020", "q": "coalition"}))
    links = re.findall(r'href="(\?[^"]*page=2[^"]*)"', page)
    assert links
    for link in links:
        assert f"person={person.slug}" in link and "year=2020" in link and "q=coalition" in link


def test_page_beyond_the_end_shows_the_last_page(client):
    StatementFactory.create_batch(3)
    response = client.get(LIST, {"page": "999999"})
    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_active_filters_show_as_removable_chips(client):
    person = PersonFactory(name="Geir Pedersen")
    MentionFactory(person=person)
    response = client.get(LIST, {"person": person.slug, "q": "coalition"})
    chips = response.context["chips"]
    assert [(c.label, c.value) for c in chips] == [
        ("Search", "“coalition”"),
        ("Person", "Geir Pedersen"),
    ]
    page = html(response)
    assert "Remove person Geir Pedersen" in page
    # Removing the person keeps the search, and the other way round.
    assert chips[1].params == {"person": []}
    assert chips[0].params == {"q": None}


def test_chip_removal_link_drops_only_its_value(client):
    a, b = PersonFactory(), PersonFactory()
    MentionFactory(person=a)
    MentionFactory(person=b)
    page = html(client.get(LIST, {"person": [a.slug, b.slug]}))
    assert f'href="?person={b.slug}"' in page
    assert f'href="?person={a.slug}"' in page


def test_invalid_parameters_give_a_normal_page_with_a_notice(client):
    StatementFactory(title="Still listed")
    response = client.get(
        LIST,
        {
            "year": "abc",
            "person": "nobody-at-all",
            "date_from": "garbage",
            "date_to": "2020-13-45",
            "sort": "sideways",
            "language": "xx",
            "kind": "picnic",
            "page": "-3",
            "more": "everything",
        },
    )
    page = html(response)
    assert "Still listed" in page
    assert "were not understood" in page


def test_repeated_and_huge_parameters_give_a_normal_page(client):
    StatementFactory(title="Still listed")
    query = "&".join(["year=2020"] * 300 + ["person=" + "x" * 20_000, "q=" + "y" * 20_000])
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert "is not one of the available choices" in response.content.decode()


def test_facet_values_link_to_entity_pages(client):
    mention = MentionFactory(person=PersonFactory(name="Nasr Al-Hariri"))
    page = html(client.get(LIST))
    assert f'class="facet-entity" href="{mention.person.get_absolute_url()}"' in page


def test_long_facets_show_top_values_then_more(client):
    statement = StatementFactory()
    for n in range(12):
        MentionFactory(statement=statement, person=PersonFactory(name=f"Person {n:02}"))
    response = client.get(LIST)
    people = next(f for f in response.context["facets"] if f.name == "person")
    assert len(people.values) == 8 and people.has_more
    expanded = client.get(LIST, {"more": "person"})
    people = next(f for f in expanded.context["facets"] if f.name == "person")
    assert len(people.values) == 12 and not people.has_more and people.expanded


def test_histogram_is_per_year_over_a_wide_range_and_per_month_when_narrow(client):
    StatementFactory(date=datetime.date(2015, 6, 1))
    StatementFactory(date=datetime.date(2021, 6, 1))
    wide = client.get(LIST).context["histogram"]
    assert not wide.by_month
    assert [b.label for b in wide.bars] == [str(y) for y in range(2015, 2022)]
    narrow = client.get(LIST, {"year": "2021"}).context["histogram"]
    assert narrow.by_month
    assert [(b.label, b.count) for b in narrow.bars] == [("Jun 2021", 1)]


def test_histogram_bars_link_to_the_narrowed_list(client):
    StatementFactory(date=datetime.date(2015, 6, 1))
    StatementFactory(date=datetime.date(2021, 6, 1))
    page = html(client.get(LIST, {"q": "coalition"}))
    assert f'href="{LIST}?q=coalition&amp;year=2015"' in page
    month = html(client.get(LIST, {"year": "2021"}))
    assert f'href="{LIST}?year=2021&amp;date_from=2021-06-01&amp;date_to=2021-06-30"' in month


def test_csv_export_has_every_matching_row_with_absolute_permalinks(client):
    resolution = ResolutionFactory(number="2254")
    place = PlaceFactory(name="Idlib")
    for n in range(25):
        statement = StatementFactory(title=f"Statement {n}", date=datetime.date(2020, 1, 1 + n))
        CitationFactory(statement=statement, resolution=resolution)
        PlaceMentionFactory(statement=statement, place=place)
        MentionFactory(statement=statement, person=PersonFactory(name=f"Speaker {n}"))
    StatementFactory(title="Elsewhere", body="Unrelated.")
    response = client.get(reverse("archive:statement-export"), {"resolution": resolution.slug})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert len(rows) == 25
    first = rows[0]
    assert first["date"] == "2020-01-25" and first["title"] == "Statement 24"
    assert first["permalink"].startswith("http://testserver/statements/")
    assert first["coalition_delegation"] == "Speaker 24"
    assert (first["resolutions"], first["places"]) == ("UNSC 2254", "Idlib")


def test_csv_export_keeps_spreadsheet_formulas_as_text(client):
    StatementFactory(title='=HYPERLINK("http://evil")')
    response = client.get(reverse("archive:statement-export"))
    assert "'=HYPERLINK" in b"".join(response.streaming_content).decode()


def test_atom_feed_lists_statements_matching_the_filters(client):
    from xml.etree import ElementTree

    StatementFactory(title="Ceasefire <b>news</b>", body="ceasefire")
    StatementFactory(title="Other", body="nothing")
    response = client.get(reverse("archive:statement-feed"), {"q": "ceasefire"})
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)] == [
        "Ceasefire <b>news</b>"
    ]


# ---- Permalink ----


def test_permalink_has_an_anchor_and_a_link_per_paragraph(client):
    statement = StatementFactory(body="First.\n\nSecond.\nThird.")
    page = html(client.get(statement.get_absolute_url()))
    permalink = f"http://testserver{statement.get_absolute_url()}"
    for n in (1, 2, 3):
        assert f'<p id="p{n}" class="para"><a class="para-link" href="{permalink}#p{n}"' in page
    assert 'id="p4"' not in page


def test_outdated_or_missing_slug_redirects_permanently_to_the_canonical_url(client):
    statement = StatementFactory(title="Current title")
    old = reverse("archive:statement-detail", kwargs={"pk": statement.pk, "slug": "old-title"})
    bare = reverse("archive:statement-detail-noslug", kwargs={"pk": statement.pk})
    for url in (old, bare):
        response = client.get(url)
        assert response.status_code == 301
        assert response["Location"] == statement.get_absolute_url()
    kept = client.get(old, {"q": "x"})
    assert kept["Location"] == f"{statement.get_absolute_url()}?q=x"


def test_drafts_have_no_permalink(client):
    draft = StatementFactory(status=Statement.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_permalink_shares_well_with_open_graph_and_canonical(client):
    statement = StatementFactory(title="Envoy visit", body="The lead paragraph.\nMore.")
    page = html(client.get(statement.get_absolute_url(), {"q": "lead"}))
    canonical = f"http://testserver{statement.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert f'<meta property="og:url" content="{canonical}">' in page
    assert '<meta property="og:title" content="Envoy visit">' in page
    assert '<meta property="og:description" content="The lead paragraph.">' in page


def test_permalink_shows_people_meeting_places_and_citations_beside_the_text(client):
    statement = StatementFactory(body="Al-Bahra met Pedersen in Geneva.\nThey cited 2254.")
    soc = OrganizationFactory(name="Syrian Opposition Coalition", abbreviation="SOC")
    MentionFactory(
        statement=statement,
        person=PersonFactory(name="Hadi al-Bahra"),
        name_as_written="Al-Bahra",
        role="President",
        organization=soc,
        side=Mention.Side.SOC,
        spoke=True,
    )
    MentionFactory(
        statement=statement,
        person=PersonFactory(name="Geir Pedersen"),
        role="UN Special Envoy",
        side=Mention.Side.COUNTERPART,
    )
    geneva = PlaceFactory(name="Geneva")
    PlaceMentionFactory(statement=statement, place=geneva)
    MeetingFactory(
        statement=statement,
        kind=Meeting.Kind.MEETING,
        format=Meeting.Format.VIRTUAL,
        date_as_written="last Tuesday",
        place=geneva,
    )
    resolution = ResolutionFactory(number="2254", year=2015)
    CitationFactory(statement=statement, resolution=resolution, as_written="2254", paragraph=2)
    page = html(client.get(statement.get_absolute_url()))
    for text in [
        "Coalition delegation",
        "Counterpart",
        "Hadi al-Bahra",
        "as “Al-Bahra”",
        "President",
        "UN Special Envoy",
        "Virtual",
        "“last Tuesday”",
        geneva.get_absolute_url(),
        resolution.get_absolute_url(),
        "“2254”",
        'href="#p2"',
    ]:
        assert text in page, text


def test_permalink_hides_what_editors_removed(client):
    statement = StatementFactory()
    removed = MentionFactory(statement=statement, person=PersonFactory(name="Wrongly Found"))
    removed.review = Review.REMOVED
    removed.save()
    meeting = MeetingFactory(statement=statement, date_as_written="a removed date")
    meeting.review = Review.REMOVED
    meeting.save()
    page = html(client.get(statement.get_absolute_url()))
    assert "Wrongly Found" not in page
    assert "a removed date" not in page


def test_permalink_says_when_title_is_derived_and_date_unknown(client):
    statement = StatementFactory(title_derived=True, date=None)
    page = html(client.get(statement.get_absolute_url()))
    assert "This release had no title" in page
    assert "does not say when it was published" in page


def test_permalink_has_a_cite_this_block(client):
    statement = StatementFactory(
        title="Envoy visit", date=datetime.date(2021, 3, 4), source_name="SOC's Media Department"
    )
    page = html(client.get(statement.get_absolute_url()))
    assert "Cite this statement" in page
    assert (
        "Syrian Opposition Coalition. 2021. “Envoy Visit”. Press release by SOC's Media"
        in unescape(page)
    )
    assert f"http://testserver{statement.get_absolute_url()}" in page
    assert "Accessed" in page


@pytest.mark.parametrize("param", ["q", "highlight"])
def test_arriving_from_a_search_highlights_the_terms(client, param):
    statement = StatementFactory(body="The normalization of relations was rejected.")
    page = html(client.get(statement.get_absolute_url(), {param: "normalize"}))
    assert "<mark>normalization</mark>" in page


# ---- Entity pages ----


def test_person_page_shows_aliases_roles_statements_people_met_and_citations(client):
    person = PersonFactory(name="Abdullah Kaddo")
    PersonAliasFactory(person=person, name="Kado")
    removed = PersonAliasFactory(person=person, name="Kaddo-wrong")
    removed.review = Review.REMOVED
    removed.save()
    soc = OrganizationFactory(name="Syrian Opposition Coalition", abbreviation="SOC")
    MembershipFactory(
        person=person,
        organization=soc,
        role="Member of the Political Committee",
        first_seen=datetime.date(2020, 1, 1),
        last_seen=datetime.date(2021, 6, 1),
    )
    envoy = PersonFactory(name="Joel Rayburn")
    colleague = PersonFactory(name="Same Side Colleague")
    resolution = ResolutionFactory(number="2254", year=2015)
    statement = StatementFactory(title="Kaddo meets Rayburn")
    MentionFactory(
        statement=statement, person=person, side=Mention.Side.SOC, spoke=True, role="Member"
    )
    MentionFactory(statement=statement, person=envoy, side=Mention.Side.COUNTERPART)
    MentionFactory(statement=statement, person=colleague, side=Mention.Side.SOC)
    CitationFactory(statement=statement, resolution=resolution)
    page = html(client.get(person.get_absolute_url()))
    assert "Kado" in page and "Kaddo-wrong" not in page
    assert "Member of the Political Committee" in page and "Jan 2020 – Jun 2021" in page
    assert "Kaddo meets Rayburn" in page
    met = client.get(person.get_absolute_url()).context["met"]
    assert [row.name for row in met] == ["Joel Rayburn"]
    cited = client.get(person.get_absolute_url()).context["cited"]
    assert [(r["url"], r["n"]) for r in cited] == [(resolution.get_absolute_url(), 1)]


def test_organization_page_shows_members_and_statements(client):
    organization = OrganizationFactory(name="Syrian Interim Government", abbreviation="SIG")
    MembershipFactory(
        person=PersonFactory(name="Abdurrahman Mustafa"),
        organization=organization,
        role="Prime Minister",
    )
    mention = OrganizationMentionFactory(organization=organization)
    page = html(client.get(organization.get_absolute_url()))
    assert "Abdurrahman Mustafa" in page and "Prime Minister" in page
    assert mention.statement.get_absolute_url() in page


def test_a_body_with_many_roles_shows_the_latest_and_links_to_all(client, monkeypatch):
    monkeypatch.setattr(entities, "MEMBERS_SHOWN", 2)
    organization = OrganizationFactory(name="Syrian Interim Government")
    for year, name in [
        (2014, "Early Minister"),
        (2020, "Later Minister"),
        (2023, "Latest Minister"),
    ]:
        MembershipFactory(
            person=PersonFactory(name=name),
            organization=organization,
            role="Minister",
            last_seen=datetime.date(year, 1, 1),
        )
    page = html(client.get(organization.get_absolute_url()))
    assert "Latest Minister" in page and "Later Minister" in page
    assert "Early Minister" not in page
    assert "All 3 members and roles" in page
    everyone = html(client.get(organization.get_absolute_url(), {"members": "all"}))
    assert all(name in everyone for name in ("Early Minister", "Later Minister", "Latest Minister"))
    assert "All 3 members and roles" not in everyone


def test_resolution_page_shows_symbol_adoption_link_and_words_used(client):
    resolution = ResolutionFactory(
        number="2254",
        year=2015,
        symbol="S/RES/2254 (2015)",
        adopted=datetime.date(2015, 12, 18),
        url="https://undocs.org/S/RES/2254(2015)",
    )
    citation = CitationFactory(resolution=resolution, as_written="UNSCR 2254 (2015)", paragraph=3)
    CitationFactory(
        statement=StatementFactory(status=Statement.Status.DRAFT), resolution=resolution
    )
    response = client.get(resolution.get_absolute_url())
    page = html(response)
    assert "S/RES/2254 (2015)" in page
    assert "18 December 2015" in page
    assert "https://undocs.org/S/RES/2254(2015)" in page
    assert "“UNSCR 2254 (2015)”" in page
    assert f"{citation.statement.get_absolute_url()}#p3" in page
    assert response.context["page"].paginator.count == 1


def test_place_page_lists_statements_naming_it(client):
    place = PlaceFactory(name="Bab al-Hawa")
    mention = PlaceMentionFactory(place=place, as_written="Bab al-Hawa crossing")
    page = html(client.get(place.get_absolute_url()))
    assert mention.statement.get_absolute_url() in page
    assert "“Bab al-Hawa crossing”" in page


def test_meetings_page_shows_who_met_whom_when_and_where(client):
    statement = StatementFactory(title="Talks in Geneva", date=datetime.date(2022, 2, 2))
    MentionFactory(
        statement=statement, person=PersonFactory(name="Salem al-Meslet"), side=Mention.Side.SOC
    )
    MentionFactory(
        statement=statement,
        person=PersonFactory(name="Geir Pedersen"),
        side=Mention.Side.COUNTERPART,
    )
    MeetingFactory(statement=statement, place=PlaceFactory(name="Geneva"))
    page = html(client.get(reverse("archive:meeting-list")))
    for text in ["Talks in Geneva", "Salem al-Meslet", "Geir Pedersen", "Geneva", "2 Feb 2022"]:
        assert text in page


def test_meetings_are_listed_by_their_release_newest_first_and_undated_last(client):
    for year in (2016, None, 2024, 2019):
        date = datetime.date(year, 5, 1) if year else None
        MeetingFactory(statement=StatementFactory(title=f"Talks of {year}", date=date))
    page = html(client.get(reverse("archive:meeting-list")))
    shown = [page.index(f"Talks of {year}") for year in (2024, 2019, 2016, None)]
    assert shown == sorted(shown)


def test_unknown_entities_are_404(client):
    for name in ("person-detail", "organization-detail", "resolution-detail", "place-detail"):
        assert client.get(reverse(f"archive:{name}", kwargs={"slug": "nobody"})).status_code == 404


def test_list_offers_csv_and_feed_of_the_current_results(client):
    person = PersonFactory()
    MentionFactory(person=person)
    page = html(client.get(LIST, {"person": person.slug, "q": "coalition", "page": "1"}))
    export = reverse("archive:statement-export")
    feed = reverse("archive:statement-feed")
    assert f'href="{export}?person={person.slug}&amp;q=coalition&amp;sort=relevance"' in page
    assert f'href="{feed}?person={person.slug}&amp;q=coalition"' in page
