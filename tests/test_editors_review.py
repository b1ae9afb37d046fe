"""The review page's resolutions and event: an editor corrects, removes and adds what a statement
cites and the event it reports, and the public pages (the statement, the resolution's page, the
facets, the meetings page) show it at once; extracting again keeps what the editor decided."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from archive import editing
from archive.cache import corpus_version
from archive.models import Citation, Meeting, Resolution, Review
from archive.naming import resolution_named
from tests.factories import CitationFactory, MeetingFactory, PlaceFactory, StatementFactory

pytestmark = pytest.mark.django_db
LIST = reverse("archive:statement-list")
MEETINGS = reverse("archive:meeting-list")
BODY = (
    "The Coalition called on the Security Council to enforce Resolution 2118 at once.\n"
    "It said the talks in Geneva must resume.\n"
    "It thanked its partners."
)


def act(client, statement, action, fact="", **fields):
    url = reverse("admin:archive_statement_review", args=[statement.pk])
    return client.post(url, {"action": action, "fact": fact, **fields})


def resolution(number: str) -> Resolution:
    return Resolution.objects.get(number=number)


def facet_labels(client, facet: str) -> list[str]:
    page = client.get(LIST, {"more": facet}).content.decode()
    section = re.search(rf'aria-labelledby="facet-{facet}">(.*?)</section>', page, re.S).group(1)
    return re.findall(r'<span class="facet-label">(.*?)</span>', section)


def resolutions_cited(client, statement) -> list[str]:
    page = client.get(statement.get_absolute_url()).content.decode()
    section = re.search(r"<h2>Resolutions cited</h2>(.*?)</section>", page, re.S)
    return re.findall(
        r'<a href="/resolutions/[^"]+">([^<]+)</a>', section.group(1) if section else ""
    )


# Resolutions
# ----------------------------------------------------------------------------------------------


def test_correcting_a_cited_resolution_reaches_the_statement_its_pages_and_the_facets(
    editor, reference
):
    statement = StatementFactory(body=BODY, date=datetime.date(2024, 3, 1))
    citation = CitationFactory(
        statement=statement, resolution=resolution("2118"), as_written="Resolution 2118"
    )
    public = Client()
    assert resolutions_cited(public, statement) == ["UNSC Resolution 2118 (2013)"]
    assert "UNSC 2118" in facet_labels(public, "resolution")  # counted, and cached, before
    before = corpus_version()

    response = act(
        editor,
        statement,
        "correct",
        f"citation-{citation.pk}",
        name="UNSC Resolution 2254 (2015)",
        paragraph="1",
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#fact-citation-{citation.pk}")
    citation.refresh_from_db()
    assert (citation.resolution.number, citation.review) == ("2254", Review.CONFIRMED)
    assert corpus_version() != before
    assert resolutions_cited(public, statement) == ["UNSC Resolution 2254 (2015)"]
    assert statement.title in public.get("/resolutions/unsc-2254/").content.decode()
    assert public.get("/resolutions/unsc-2118/").status_code == 404  # no statement cites it now
    labels = facet_labels(public, "resolution")
    assert "UNSC 2254" in labels and "UNSC 2118" not in labels
    record = citation.history.latest()
    assert (record.history_user, record.prev_record.resolution.number) == (editor.user, "2118")

    # The text still says "Resolution 2118": extracting again keeps the editor's reading.
    editing.extract_again(statement)
    assert resolutions_cited(public, statement) == ["UNSC Resolution 2254 (2015)"]
    page = editor.get(reverse("admin:archive_statement_review", args=[statement.pk]))
    assert "Removed by an editor" in page.content.decode()  # 2118, corrected away


def test_removing_a_cited_resolution_hides_it_everywhere_and_for_good(editor, reference):
    statement = StatementFactory(body=BODY)
    editing.extract_again(statement)
    citation = Citation.objects.get(statement=statement)
    assert citation.resolution.number == "2118"

    assert act(editor, statement, "remove", f"citation-{citation.pk}").status_code == 302
    public = Client()
    assert resolutions_cited(public, statement) == []
    assert public.get("/resolutions/unsc-2118/").status_code == 404
    editing.extract_again(statement)
    assert resolutions_cited(public, statement) == []


def test_adding_a_missed_resolution_cites_it_confirmed_in_its_paragraph(editor, reference):
    statement = StatementFactory(body=BODY)
    response = act(
        editor, statement, "add-citation", "new-citation", name="UNSCR 2254", paragraph="2"
    )
    assert response.status_code == 302
    citation = Citation.objects.get(statement=statement)
    assert (citation.resolution.number, citation.paragraph, citation.review) == (
        "2254",
        2,
        Review.CONFIRMED,
    )
    public = Client()
    assert resolutions_cited(public, statement) == ["UNSC Resolution 2254 (2015)"]
    assert statement.title in public.get("/resolutions/unsc-2254/").content.decode()

    again = act(editor, statement, "add-citation", "new-citation", name="2254", paragraph="2")
    assert again.status_code == 400
    assert "UNSC Resolution 2254 (2015) is already cited in paragraph 2" in again.content.decode()
    assert Citation.objects.filter(statement=statement).count() == 1


def test_a_removed_resolution_added_again_comes_back(editor, reference):
    statement = StatementFactory(body=BODY)
    citation = CitationFactory(
        statement=statement, resolution=resolution("2118"), review=Review.REMOVED
    )
    response = act(
        editor, statement, "add-citation", "new-citation", name="S/RES/2118", paragraph="1"
    )
    assert response.status_code == 302
    citation.refresh_from_db()
    assert citation.review == Review.CONFIRMED
    assert Citation.objects.filter(statement=statement).count() == 1


def test_an_unknown_resolution_changes_nothing_and_keeps_what_the_editor_typed(editor, reference):
    statement = StatementFactory(body=BODY)
    citation = CitationFactory(statement=statement, resolution=resolution("2118"))
    response = act(
        editor,
        statement,
        "correct",
        f"citation-{citation.pk}",
        name="Resolution 9999",
        paragraph="1",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "No resolution “Resolution 9999” is in the archive" in page
    assert 'value="Resolution 9999"' in page
    citation.refresh_from_db()
    assert (citation.resolution.number, citation.review) == ("2118", Review.EXTRACTED)


def test_the_review_page_offers_labelled_forms_to_correct_and_add_resolutions(editor, reference):
    statement = StatementFactory(body=BODY)
    citation = CitationFactory(
        statement=statement, resolution=resolution("2118"), as_written="Resolution 2118"
    )
    page = editor.get(reverse("admin:archive_statement_review", args=[statement.pk]))
    html = page.content.decode()
    key = f"citation-{citation.pk}"
    assert f'<label for="name-{key}">Resolution</label>' in html
    assert f'id="name-{key}" name="name" list="resolution-names"' in html
    assert 'value="UNSC Resolution 2118 (2013)"' in html  # the correction starts from it
    assert '<label for="new-citation-name">Resolution</label>' in html
    assert '<option value="UNGA Resolution 67/262">' in html
    assert f'<mark class="fact-mark fact-citation" id="at-{key}"' in html


@pytest.mark.parametrize(
    "typed, number",
    [
        ("UNSC Resolution 2254 (2015)", "2254"),
        ("unsc 2254", "2254"),
        ("2254", "2254"),
        ("UNSCR 2254", "2254"),
        ("S/RES/2254 (2015)", "2254"),
        ("Security Council Resolution 2254", "2254"),
        ("Roadmap for a political settlement in Syria", "2254"),
        ("unsc-2118", "2118"),
        ("UNGA Resolution 67/262", "67/262"),
        ("A/RES/67/262", "67/262"),
        ("Geneva Communique (2012)", ""),
        ("the Geneva Communiqué", ""),
    ],
)
def test_a_resolution_is_found_by_any_form_an_editor_types(reference, typed, number):
    found = resolution_named(typed)
    assert found.number == number
    if not number:
        assert found.title == "Geneva Communique"


@pytest.mark.parametrize("typed", ["", "Resolution 9999", "2118 and 2254", "a treaty"])
def test_words_naming_no_one_resolution_are_refused(reference, typed):
    with pytest.raises(editing.EditorError):
        resolution_named(typed)


# The event
# ----------------------------------------------------------------------------------------------


def test_an_editor_sets_the_events_kind_date_and_place_and_the_meetings_page_follows(editor):
    statement = StatementFactory(
        title="Coalition delegation meets envoy", body="The delegation met the envoy.\nMore."
    )
    meeting = MeetingFactory(statement=statement, kind=Meeting.Kind.STATEMENT)
    geneva = PlaceFactory(name="Geneva", kind="city")
    public = Client()
    assert "Geneva" not in public.get(MEETINGS, {"kind": "meeting"}).content.decode()
    before = corpus_version()

    response = act(
        editor,
        statement,
        "correct-meeting",
        f"meeting-{meeting.pk}",
        kind="meeting",
        format="in person",
        date="2024-12-05",
        place="geneva",
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.kind, meeting.format, meeting.date, meeting.place, meeting.review) == (
        "meeting",
        "in person",
        datetime.date(2024, 12, 5),
        geneva,
        Review.CONFIRMED,
    )
    assert corpus_version() != before
    meetings = public.get(MEETINGS, {"kind": "meeting"}).content.decode()
    assert "Coalition delegation meets envoy" in meetings
    assert '<time datetime="2024-12-05">5 Dec 2024</time>' in meetings
    assert f'href="{geneva.get_absolute_url()}">Geneva</a>' in meetings
    page = public.get(statement.get_absolute_url()).content.decode()
    assert "<dt>Kind</dt><dd>Meeting</dd>" in page
    assert f'<dt>Where</dt><dd><a href="{geneva.get_absolute_url()}">Geneva</a></dd>' in page
    assert public.get(LIST, {"kind": "meeting"}).context["page"].paginator.count == 1
    assert meeting.history.latest().history_user == editor.user

    editing.extract_again(statement)
    meeting = Meeting.objects.get(statement=statement)
    assert (meeting.kind, meeting.place, meeting.review) == ("meeting", geneva, Review.CONFIRMED)


def test_an_editor_adds_the_event_a_statement_lacks(editor):
    statement = StatementFactory(body="The President spoke to the Foreign Minister.\nMore.")
    istanbul = PlaceFactory(name="Istanbul", kind="city")
    review_url = reverse("admin:archive_statement_review", args=[statement.pk])
    html = editor.get(review_url).content.decode()
    assert "Add the event" in html and '<label for="kind-new-meeting">Kind</label>' in html

    response = act(
        editor,
        statement,
        "add-meeting",
        "new-meeting",
        kind="phone call",
        format="unknown",
        date="",
        place="Istanbul",
    )

    assert response.status_code == 302
    meeting = Meeting.objects.get(statement=statement)
    assert (meeting.kind, meeting.date, meeting.place, meeting.review) == (
        "phone call",
        None,
        istanbul,
        Review.CONFIRMED,
    )
    assert statement.title in Client().get(MEETINGS, {"kind": "phone call"}).content.decode()
    assert "Add the event" not in editor.get(review_url).content.decode()
    again = act(editor, statement, "add-meeting", "new-meeting", kind="meeting", format="unknown")
    assert again.status_code == 400
    assert "This statement has its event already" in again.content.decode()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"kind": "banquet"}, "Choose a kind from the list."),
        ({"date": "5 December"}, "The date is a day like 2024-12-05."),
        ({"place": "Atlantis"}, "No place “Atlantis” is in the archive"),
    ],
)
def test_a_wrong_event_changes_nothing_and_keeps_what_the_editor_typed(editor, fields, message):
    meeting = MeetingFactory(kind=Meeting.Kind.MEETING)
    posted = {"kind": "visit", "format": "unknown", "date": "2024-01-02", "place": "", **fields}
    response = act(editor, meeting.statement, "correct-meeting", f"meeting-{meeting.pk}", **posted)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'id="date-meeting-{meeting.pk}" name="date" value="{posted["date"]}"' in page
    meeting.refresh_from_db()
    assert (meeting.kind, meeting.review) == ("meeting", Review.EXTRACTED)


def test_an_event_correction_posted_for_another_fact_changes_nothing(editor, reference):
    citation = CitationFactory(resolution=resolution("2254"))
    posted = {"kind": "visit", "format": "unknown", "date": "", "place": ""}
    fact = f"citation-{citation.pk}"
    response = act(editor, citation.statement, "correct-meeting", fact, **posted)
    assert response.status_code == 400
    assert "Only the event is corrected this way." in response.content.decode()
    citation.refresh_from_db()
    assert citation.review == Review.EXTRACTED
