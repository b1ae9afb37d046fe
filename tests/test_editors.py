"""The editors' desk: corrections reach every page, merges keep old URLs, the queue remembers its
answers, history records who changed what, and only editors get in (with a lockout)."""

import datetime
import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse

from archive import editing
from archive.models import (
    Membership,
    Mention,
    MergeSuggestion,
    Person,
    Place,
    Review,
    Statement,
)
from tests.conftest import EDITOR_PASSWORD as PASSWORD
from tests.factories import (
    MeetingFactory,
    MentionFactory,
    OrganizationFactory,
    OrganizationMentionFactory,
    PersonFactory,
    PlaceFactory,
    PlaceMentionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def review(client, statement, action, fact=None, **fields):
    url = reverse("admin:archive_statement_review", args=[statement.pk])
    data = {"action": action, **fields}
    if fact is not None:
        data["fact"] = f"{type(fact).__name__.lower()}-{fact.pk}"
    return client.post(url, data)


# Corrections reach every page
# ----------------------------------------------------------------------------------------------


def test_a_corrected_role_organization_and_side_reach_roles_members_and_pages(editor):
    turkey, syria = OrganizationFactory(name="Turkey"), OrganizationFactory(name="Syrian Regime")
    fidan = PersonFactory(name="Hakan Fidan")
    statement = StatementFactory(date=datetime.date(2024, 5, 2))
    mention = MentionFactory(
        statement=statement, person=fidan, role="Foreign Minister", organization=syria
    )
    MentionFactory(statement=statement, person=PersonFactory(name="Hadi al-Bahra"))
    editing.rebuild_memberships([fidan.pk])

    response = review(
        editor,
        statement,
        "correct",
        mention,
        name="Hakan Fidan",
        role="Minister of Foreign Affairs",
        organization="Turkey",
        side="counterpart",
        paragraph="1",
    )
    assert response.status_code == 302

    mention.refresh_from_db()
    assert (mention.role, mention.organization, mention.side, mention.review) == (
        "Minister of Foreign Affairs",
        turkey,
        "counterpart",
        Review.CONFIRMED,
    )
    assert list(fidan.memberships.values_list("role", "organization__name", "first_seen")) == [
        ("Minister of Foreign Affairs", "Turkey", datetime.date(2024, 5, 2))
    ]
    public = Client()
    person_page = public.get(fidan.get_absolute_url()).content.decode()
    assert "Minister of Foreign Affairs" in person_page
    assert "Foreign Minister" not in person_page
    assert "Hakan Fidan" in public.get(turkey.get_absolute_url()).content.decode()
    assert "Hakan Fidan" not in public.get(syria.get_absolute_url()).content.decode()
    counterparts = public.get(reverse("archive:statement-list"), {"side": "counterpart"})
    assert counterparts.status_code == 200


def test_a_mention_corrected_into_another_person_stays_so_when_extracted_again(editor, reference):
    statement = StatementFactory(
        body="SOC President Hadi al-Bahra met the envoy in Geneva.\nThe talks went on."
    )
    editing.extract_again(statement)
    mention = Mention.objects.get(statement=statement, person__name="Hadi al-Bahra")
    other = PersonFactory(name="Badr Jamous")
    response = review(
        editor,
        statement,
        "correct",
        mention,
        name="Badr Jamous",
        role="President",
        organization="",
        side="soc",
        paragraph="1",
    )
    assert response.status_code == 302

    editing.extract_again(statement)
    shown = Mention.objects.visible().filter(statement=statement)
    assert list(shown.values_list("person__name", flat=True)) == ["Badr Jamous"]
    assert shown.get().pk == mention.pk and other.memberships.get().role == "President"
    page = Client().get(statement.get_absolute_url()).content.decode()
    hadi = Person.objects.get(name="Hadi al-Bahra")
    assert other.get_absolute_url() in page and hadi.get_absolute_url() not in page


def test_a_correction_naming_an_unknown_organization_changes_nothing_and_keeps_the_input(editor):
    mention = MentionFactory(role="Envoy")
    response = review(
        editor,
        mention.statement,
        "correct",
        mention,
        name=mention.person.name,
        role="Special Envoy",
        organization="No Such Body",
        side="soc",
        paragraph="1",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "No organization “No Such Body”" in page
    assert 'value="Special Envoy"' in page  # what the editor typed is still there
    mention.refresh_from_db()
    assert (mention.role, mention.review) == ("Envoy", Review.EXTRACTED)


def test_adding_a_missed_person_creates_them_confirmed_with_their_role(editor, reference):
    statement = StatementFactory(body="Dima Moussa spoke.\nShe called for a political solution.")
    response = review(
        editor,
        statement,
        "add-person",
        name="Dima Moussa",
        role="Vice-President",
        organization="SOC",
        side="soc",
        spoke="on",
        paragraph="1",
    )
    assert response.status_code == 302
    mention = Mention.objects.get(statement=statement)
    assert (mention.person.name, mention.review, mention.spoke) == (
        "Dima Moussa",
        Review.CONFIRMED,
        True,
    )
    assert mention.person.memberships.get().role == "Vice-President"
    again = review(editor, statement, "add-person", name="Dima Moussa", side="soc", paragraph="1")
    assert again.status_code == 400
    assert "Dima Moussa is already in this statement" in again.content.decode()
    assert Mention.objects.filter(statement=statement).count() == 1


def test_the_review_page_marks_each_fact_where_it_was_found_and_escapes_the_text(editor):
    statement = StatementFactory(body="<b>Talks</b> in Idlib with Geir Pedersen.\nNothing more.")
    MentionFactory(statement=statement, person=PersonFactory(name="Geir Pedersen"), paragraph=1)
    place = PlaceMentionFactory(statement=statement, place=PlaceFactory(name="Idlib"))
    page = editor.get(reverse("admin:archive_statement_review", args=[statement.pk]))
    html = page.content.decode()
    assert "&lt;b&gt;Talks&lt;/b&gt;" in html
    assert f'id="at-placemention-{place.pk}"' not in html  # keys are the page's own names
    assert f'id="at-place-{place.pk}" data-fact="place-{place.pk}">Idlib</mark>' in html
    assert ">Geir Pedersen</mark>" in html


def test_saving_a_changed_text_of_a_published_statement_shows_a_dated_correction_note(editor):
    statement = StatementFactory(body="The Coalition met in Geneva.\nIt called for talks.")
    url = reverse("admin:archive_statement_change", args=[statement.pk])
    response = editor.post(
        url,
        {
            "body": "The Coalition met in Geneva on Monday.\nIt called for talks.",
            "title": statement.title,
            "slug": statement.slug,
            "date": statement.date.isoformat(),
            "status": "published",
            "language": "en",
            "source_name": statement.source_name,
            "source_url": "",
            "correction_note": "The day of the meeting was added.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Client().get(statement.get_absolute_url()).content.decode()
    today = datetime.date.today()
    assert f'Corrected on <time datetime="{today:%Y-%m-%d}">' in page
    assert "The day of the meeting was added." in page


def test_pasting_only_the_body_derives_title_slug_source_and_starts_a_draft(editor, reference):
    body = (
        "The Syrian Opposition Coalition welcomed the vote in Geneva on 5 December 2024. It "
        "called for more.\n(Source: SOC's Media Department)"
    )
    response = editor.post(
        reverse("admin:archive_statement_add"),
        {"body": body, "status": "draft", "language": "en"},
    )
    assert response.status_code == 302
    statement = Statement.objects.get()
    assert response["Location"] == reverse("admin:archive_statement_review", args=[statement.pk])
    assert (
        statement.title
        == "The Syrian Opposition Coalition welcomed the vote in Geneva on 5 December 2024"
    )
    assert (statement.title_derived, statement.status) == (True, Statement.Status.DRAFT)
    assert statement.slug.startswith("the-syrian-opposition-coalition-welcomed")
    assert statement.source_name == "SOC's Media Department"


def test_an_empty_paste_is_refused_with_a_clear_error(editor):
    response = editor.post(
        reverse("admin:archive_statement_add"), {"body": "  ", "status": "draft"}
    )
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Statement.objects.exists()


# Merges and the queue
# ----------------------------------------------------------------------------------------------


def test_a_merged_persons_old_url_answers_301_to_the_survivor(editor):
    kept, other = PersonFactory(name="Abdullah Kaddo"), PersonFactory(name="Abdulla Kado")
    MentionFactory(person=kept)
    MentionFactory(person=other)
    old_url = other.get_absolute_url()
    selected = {"action": "merge_selected", "_selected_action": [kept.pk, other.pk]}
    editor.post(reverse("admin:archive_person_changelist"), {**selected, "survivor": kept.pk})

    response = Client().get(old_url)
    assert response.status_code == 301
    assert response["Location"] == kept.get_absolute_url()
    assert kept.mentions.count() == 2
    assert "Abdulla Kado" in set(kept.aliases.values_list("name", flat=True))


def test_merging_twice_keeps_the_first_url_working(editor):
    first, second, third = (PersonFactory(name=f"Name Number{n}") for n in range(3))
    for person in (first, second, third):
        MentionFactory(person=person)
    editing.merge(second, [first])
    editing.merge(third, [second])
    response = Client().get(first.get_absolute_url())
    assert (response.status_code, response["Location"]) == (301, third.get_absolute_url())


def test_merging_organizations_and_places_moves_their_facts_and_keeps_old_urls():
    soc, coalition = OrganizationFactory(name="SOC"), OrganizationFactory(name="The Coalition")
    mention = MentionFactory(organization=coalition, role="President")
    editing.rebuild_memberships([mention.person_id])
    editing.merge(soc, [coalition])
    assert Membership.objects.get(person=mention.person).organization == soc
    assert (
        Client().get(reverse("archive:organization-detail", args=[coalition.slug])).status_code
        == 301
    )

    aleppo, halab = PlaceFactory(name="Aleppo"), PlaceFactory(name="Halab")
    meeting = MeetingFactory(place=halab)
    PlaceMentionFactory(place=halab, statement=meeting.statement)
    editing.merge(aleppo, [halab])
    meeting.refresh_from_db()
    assert meeting.place == aleppo
    assert not Place.objects.filter(name="Halab").exists()
    response = Client().get(reverse("archive:place-detail", args=[halab.slug]))
    assert (response.status_code, response["Location"]) == (301, aleppo.get_absolute_url())


def test_the_queue_remembers_different_people_and_never_suggests_them_again(editor, reference):
    first = StatementFactory(body="SOC President Salem Al-Meslet stressed the need for a solution.")
    second = StatementFactory(body="Salim al-Meslet, the Ambassador of Nowhere, said it was time.")
    editing.extract_again(first)
    editing.extract_again(second)
    suggestion = MergeSuggestion.objects.get(status=MergeSuggestion.Status.OPEN)
    response = editor.post(
        reverse("admin:archive_mergesuggestion_changelist"),
        {"action": "different_people", "_selected_action": [suggestion.pk]},
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == MergeSuggestion.Status.REJECTED

    editing.extract_again(second)
    editing.extract_again(StatementFactory(body=second.body))
    assert not MergeSuggestion.objects.filter(status=MergeSuggestion.Status.OPEN).exists()
    assert Person.objects.filter(name__icontains="Meslet").count() == 2


def test_accepting_a_suggestion_merges_into_the_candidate_with_a_redirect(editor):
    kept, other = PersonFactory(name="Abdulahad Astepho"), PersonFactory(name="Abdulahad Asepho")
    MentionFactory(person=other)
    suggestion = MergeSuggestion.objects.create(person=other, candidate=kept, score=0.9, reason="")
    editor.post(
        reverse("admin:archive_mergesuggestion_changelist"),
        {"action": "accept", "_selected_action": [suggestion.pk]},
    )
    assert Client().get(reverse("archive:person-detail", args=[other.slug])).status_code == 301


# History
# ----------------------------------------------------------------------------------------------


def test_history_records_who_corrected_a_fact_and_when(editor):
    mention = MentionFactory(role="Envoy")
    review(
        editor,
        mention.statement,
        "correct",
        mention,
        name=mention.person.name,
        role="Special Envoy",
        organization="",
        side="counterpart",
        paragraph="1",
    )
    record = mention.history.latest()
    assert (record.history_user, record.role, record.prev_record.role) == (
        editor.user,
        "Special Envoy",
        "Envoy",
    )
    page = editor.get(reverse("admin:archive_mention_history", args=[mention.pk]))
    assert page.status_code == 200
    assert "editor" in page.content.decode()


# Accounts
# ----------------------------------------------------------------------------------------------


def _admin_urls(patterns, prefix="/admin/"):
    """Every admin URL, with 1 for each argument (and "archive" for an app's label)."""
    for pattern in patterns:
        route = str(pattern.pattern).replace("^", "").replace("$", "")
        route = re.sub(r"\(\?P<app_label>[^)]*\)", "archive", route)
        route = re.sub(r"<[^>]+>", "1", route)
        if isinstance(pattern, URLResolver):
            yield from _admin_urls(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern) and "(?P" not in route:
            yield prefix + route


def test_a_non_editor_gets_the_login_page_for_every_admin_url(django_user_model):
    urls = [u for u in _admin_urls(admin.site.urls[0]) if not u.endswith(("login/", "logout/"))]
    assert len(urls) > 60
    reader = django_user_model.objects.create_user("reader", password=PASSWORD)
    visitors = {"anonymous": Client(), "logged-in reader": Client()}
    visitors["logged-in reader"].force_login(reader)
    for who, client in visitors.items():
        for url in urls:
            response = client.get(url, follow=True)
            assert response.redirect_chain, (who, url)
            assert response.redirect_chain[0][0].startswith("/admin/login/"), (who, url)
            assert b'id="login-form"' in response.content, (who, url)


def test_editors_cannot_manage_users_or_groups(editor):
    for url in ("/admin/auth/user/", "/admin/auth/group/", "/admin/axes/accessattempt/"):
        assert editor.get(url).status_code == 403, url


def test_the_editors_group_has_exactly_the_editing_permissions():
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert {"change_statement", "change_mention", "change_person", "view_membership"} <= codenames
    assert "change_membership" not in codenames and "add_mergesuggestion" not in codenames
    assert not any(c.endswith(("_user", "_group", "_permission")) for c in codenames)


def test_add_editor_creates_a_staff_account_in_the_editors_group(monkeypatch, django_user_model):
    monkeypatch.setenv("EDITOR_PASSWORD", PASSWORD)
    call_command("add_editor", "amira", "--email", "amira@example.org", "--no-input")
    user = django_user_model.objects.get(username="amira")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    client = Client()
    client.post("/admin/login/", {"username": "amira", "password": PASSWORD})
    assert client.get("/admin/archive/statement/").status_code == 200


def test_the_login_locks_after_repeated_wrong_passwords_and_can_be_unlocked(django_user_model):
    django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    client = Client()
    for _ in range(5):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    locked = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "_auth_user_id" not in client.session

    call_command("axes_reset_username", "editor")
    client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert "_auth_user_id" in client.session


# Error pages and branding
# ----------------------------------------------------------------------------------------------


def test_a_missing_page_is_a_404_in_the_sites_layout_with_search_and_a_way_home():
    response = Client().get("/no/such/page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in page and 'class="site-header"' in page
    assert 'role="search"' in page and 'href="/"' in page


def test_the_500_page_renders_without_a_request_in_the_sites_layout():
    page = render_to_string("500.html")
    assert "Something went wrong" in page and 'role="search"' in page and 'href="/"' in page


def test_the_admin_is_branded_and_its_sidebar_groups_what_editors_use(editor):
    page = editor.get("/admin/").content.decode()
    assert "Statement Archive · editors’ desk" in page
    assert "Django administration" not in page
    assert "Mentions" not in page and "Place aliases" not in page
    for section in ("Statements", "People and places", "Merge suggestions"):
        assert section in page


def test_correcting_an_organization_mention_names_another_organization(editor):
    named = OrganizationFactory(name="UN Security Council")
    right = OrganizationFactory(name="UN General Assembly", abbreviation="UNGA")
    statement = StatementFactory(body="The Coalition wrote to the General Assembly.\nAgain.")
    fact = OrganizationMentionFactory(statement=statement, organization=named, as_written="x")
    key = {"fact": f"organization-{fact.pk}"}
    url = reverse("admin:archive_statement_review", args=[statement.pk])
    page = editor.get(url).content.decode()
    assert f'id="name-organization-{fact.pk}"' in page
    response = editor.post(url, {"action": "correct", "name": "UNGA", "paragraph": "2", **key})
    assert response.status_code == 302
    fact.refresh_from_db()
    assert (fact.organization, fact.paragraph, fact.review) == (right, 2, Review.CONFIRMED)
    assert Client().get(right.get_absolute_url()).status_code == 200


def test_editors_extend_the_reference_data(editor, reference):
    """The gazetteer is the editors' to extend: a known person's spellings and posts."""
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert {"add_knownperson", "change_post", "add_knownpersonname", "add_demonym"} <= codenames
    page = editor.get(reverse("admin:archive_knownperson_changelist"), {"q": "Khoja"})
    assert page.status_code == 200
    assert "Khaled Khoja" in page.content.decode()
    index = editor.get(reverse("admin:index")).content.decode()
    assert "Reference data" in index
