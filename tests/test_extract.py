"""The extractor on strings: people and their roles, organizations, places, the event, dates."""

import datetime

import pytest

from archive.loader.evaluation import evaluate
from archive.loader.extract import extract, paragraphs_of
from tests.conftest import SHARED_CORPUS


def people(text, **kwargs):
    return {p.name: p for p in extract(text, **kwargs).people}


@pytest.mark.skipif(
    not SHARED_CORPUS.is_dir(), reason=f"the shared corpus is not at {SHARED_CORPUS}"
)
def test_scores_on_the_shared_corpus_meet_the_bar():
    scores = evaluate(
        gold_dir=SHARED_CORPUS / "gold", releases_dir=SHARED_CORPUS / "releases"
    ).scores
    assert scores["people"].f1 == 1.0
    assert scores["resolutions"].f1 == 1.0
    assert scores["organizations"].f1 == 1.0
    assert scores["places"].f1 == 1.0
    assert scores["roles"].f1 >= 0.90
    assert scores["event kind"].fp == scores["event kind"].fn == 0
    assert scores["side"].f1 == 1.0
    assert scores["person organization"].f1 >= 0.98


@pytest.mark.parametrize(
    ("text", "name", "role", "organization"),
    [
        (
            "The President of the Syrian Opposition Coalition (SOC), Salem Al-Meslet, held talks.",
            "Salem Al-Meslet",
            "President",
            "Syrian Opposition Coalition",
        ),
        (
            "The meeting brought together SOC's President Nasr Al-Hariri and others.",
            "Nasr Al-Hariri",
            "President",
            "Syrian Opposition Coalition",
        ),
        (
            "The meeting was attended by Vice President Abdul Majid Barakat.",  # a coalition office
            "Abdul Majid Barakat",
            "Vice President",
            "Syrian Opposition Coalition",
        ),
        (
            "He welcomed the statement of UN Secretary-General Ban Ki-moon.",
            "Ban Ki-moon",
            "Secretary-General",
            "United Nations",
        ),
        (
            "He received a phone call from Turkish Foreign Minister Mevlüt Çavuşoğlu on Monday.",
            "Mevlüt Çavuşoğlu",
            "Foreign Minister",
            "Turkey",
        ),
        (
            "He met the Deputy Head of the German Embassy in Turkey, Mr. Michael Ohnmacht.",
            "Michael Ohnmacht",
            "Deputy Head",
            "German Embassy in Turkey",
        ),
        (
            "The political committee met, chaired by the head of the committee, Hadi al-Bahra.",
            "Hadi al-Bahra",
            "Head",
            "Political Committee",
        ),
        (
            "He met France's Special Envoy to Syria, Jean-François Guillaume, in Paris.",
            "Jean-François Guillaume",
            "Special Envoy to Syria",
            "France",
        ),
        (
            "Also present was Chairman of the Syrian American Council, Zaki Lababidi.",
            "Zaki Lababidi",
            "Chairman",
            "Syrian American Council",
        ),
        (
            "The SOC met Dan Stoenescu, Head of EU Delegation to Syria.",
            "Dan Stoenescu",
            "Head",
            "EU Delegation to Syria",
        ),
        (
            "We met Amal Bin Hakouk, Political Affairs Officer at the French Consulate in Istanbul",
            "Amal Bin Hakouk",
            "Political Affairs Officer",
            "French Consulate in Istanbul",
        ),
        (
            "The French government is working with UN envoy Geir Pedersen on this.",
            "Geir Pedersen",
            "UN envoy",
            "United Nations",
        ),
        (
            "Syrian Negotiations Commission President Badr Jamous gave an overview.",
            "Badr Jamous",
            "President",
            "Syrian Negotiations Commission",
        ),
        (
            "The SOC's representative to the United Nations, Maryam Shalabi, spoke.",
            "Maryam Shalabi",
            "Representative to the United Nations",
            "Syrian Opposition Coalition",
        ),
    ],
)
def test_people_with_role_and_organization(text, name, role, organization):
    person = people(text)[name]
    assert (person.role, person.organization) == (role, organization)


def test_list_after_a_plural_title_shares_it_and_short_references_resolve():
    text = (
        "The SOC held a meeting attended by members of the political committee, Abdullah Kaddo and "
        "Abdel-Majid Barakat.\nKado pointed to the need for unity. Barakat gave an overview."
    )
    found = people(text)
    assert set(found) == {"Abdullah Kaddo", "Abdel-Majid Barakat"}
    assert found["Abdullah Kaddo"].spellings == ("Abdullah Kaddo", "Kado")
    assert found["Abdel-Majid Barakat"].spellings == ("Abdel-Majid Barakat", "Barakat")
    for person in found.values():
        assert person.role == "Member of the political committee"
        assert (person.organization, person.side, person.spoke) == (
            "Syrian Opposition Coalition",
            "soc",
            True,
        )


def test_sides_and_speech():
    text = (
        "The President of the SOC, Hadi al-Bahra, held a meeting with France's Special Envoy to "
        "Syria, "
        "Jean-François Guillaume.\n"
        "Al-Bahra urged action.\n"
        "Guillaume noted that France is working with UN envoy Geir Pedersen."
    )
    found = people(text)
    assert [(p.side, p.spoke) for p in found.values()] == [
        ("soc", True),
        ("counterpart", True),
        ("mentioned", False),
    ]
    assert found["Hadi al-Bahra"].paragraph == 1 and found["Geir Pedersen"].paragraph == 3


def test_speech_after_a_title_written_after_the_name():
    found = people(
        "Dr. Nasr al-Hariri, head of the Syrian Negotiations Commission, said it failed."
    )
    assert found["Nasr al-Hariri"].spoke


def test_coalition_before_a_title_is_the_coalition():
    found = people("Coalition President Hadi al-Bahra met the envoy.")
    assert found["Hadi al-Bahra"].organization == "Syrian Opposition Coalition"


def test_the_coalition_opening_a_sentence_is_the_coalition():
    found = people("The Coalition's President Moaz al-Khatib will attend the conference.")
    assert found["Moaz al-Khatib"].organization == "Syrian Opposition Coalition"


def test_pronoun_speaks_for_the_last_subject():
    found = people(
        "The SOC's President Salem Al-Meslet sent a letter to the Arab League.\nHe stressed unity."
    )
    assert found["Salem Al-Meslet"].spoke


def test_titles_belong_to_the_name_the_list_style_gives_them():
    text = (
        "In attendance were Chairman of MedGlobal Organization, Zahir Sahloul, Chairman of the "
        "Citizens for Peace group, Muhammad Bakr Ghubais, and Chair of the Americans for a Free "
        "Syria group, Ismail Pasha. The French delegation included Amal Bin Hakouk, Political "
        "Affairs Officer at the French Consulate in Istanbul, Antoine de Samp, and Seth Bodgina."
    )
    found = people(text)
    assert {n: (p.role, p.organization) for n, p in found.items()} == {
        "Zahir Sahloul": ("Chairman", "MedGlobal"),
        "Muhammad Bakr Ghubais": ("Chairman", "Citizens for Peace"),
        "Ismail Pasha": ("Chair", "Americans for a Free Syria"),
        "Amal Bin Hakouk": ("Political Affairs Officer", "French Consulate in Istanbul"),
        "Antoine de Samp": ("", "France"),
        "Seth Bodgina": ("", "France"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "The SOC condemned the Assad regime's attacks.",
        "It called for using the Early Recovery Fund in Aleppo.",
        "Moreover, the Syrian Kurds returned. Highlighting the situation, it stressed unity.",
        "The General Secretariat and Olive Branch areas were discussed on Monday.",
        "Al-Hariri stressed the need for unity.",  # a surname alone, no full name to resolve to
    ],
)
def test_no_person_without_evidence(text):
    assert extract(text).people == ()


def test_a_surname_shared_by_two_people_of_a_release_names_neither():
    text = (
        "SOC President Nasr Al-Hariri met Hussein Al-Hariri, Head of the Free Syrian Army office.\n"
        "Al-Hariri said the talks were useful."
    )
    found = people(text)
    assert set(found) == {"Nasr Al-Hariri", "Hussein Al-Hariri"}
    assert all(p.spellings == (p.name,) for p in found.values())


def test_spellings_of_one_name_in_a_release_are_one_person():
    found = people(
        "Vice President Abdul Majid Barakat said so.\nVice-President Abdel-Majid Barakat added."
    )
    assert list(found) == ["Abdul Majid Barakat"]
    assert found["Abdul Majid Barakat"].spellings == ("Abdul Majid Barakat", "Abdel-Majid Barakat")


def organizations(text):
    return [o.name for o in extract(text).organizations]


def test_coalition_names_and_abbreviations_are_one_organization():
    text = (
        "The National Coalition of Syrian Revolution and Opposition Forces (SOC) said the Syrian "
        "Coalition and the Coalition's bodies agree. Syrian National Coalition members too."
    )
    assert organizations(text) == ["Syrian Opposition Coalition"]


def test_ambiguous_alias_is_resolved_from_context_not_guessed():
    coalition = (
        "The Syrian Opposition Coalition's (SOC) General Assembly met. The General Assembly agreed."
    )
    # The coalition's own General Assembly: the coalition acting, not the UN's.
    assert organizations(coalition) == ["Syrian Opposition Coalition"]
    un = "The UN General Assembly voted. The General Assembly adopted it."
    assert organizations(un) == ["UN General Assembly"]
    assert organizations("The General Assembly met.") == []


def test_un_qualifying_other_things_is_not_the_un():
    assert (
        organizations("It called to implement UN resolutions and pressed UN organizations.") == []
    )
    assert organizations("It called on the UN to act.") == ["United Nations"]


def test_the_source_line_names_no_organization():
    text = "The SOC welcomed the decision.\n(Source: SOC's Media Department)"
    assert organizations(text) == ["Syrian Opposition Coalition"]


def places(text):
    return [p.name for p in extract(text).places]


def test_places_regions_and_crossings():
    text = (
        "The delegation discussed rural Aleppo, the Euphrates Shield and Olive Branch areas, aid "
        "through Bab al-Hawa and Bab al-Salamah, Iran's militias and France's role, in Washington."
    )
    assert places(text) == [
        "Aleppo",
        "Euphrates Shield area",
        "Olive Branch area",
        "Bab al-Hawa",
        "Bab al-Salamah",
        "Iran",
        "France",
        "Washington",
    ]
    assert [p.as_written for p in extract(text).places][0] == "rural Aleppo"


def test_places_inside_organization_names_are_not_places():
    assert places("The Syrian Interim Government and the UN Human Rights Council met.") == []


@pytest.mark.parametrize(
    ("text", "kind", "fmt"),
    [
        ("The SOC held a meeting with the French envoy.", "meeting", "unknown"),
        ("The SOC held a virtual meeting with US-based groups.", "meeting", "virtual"),
        (
            "The President of the SOC has sent letters to Arab foreign ministers.",
            "letter",
            "written",
        ),
        (
            "The SOC's General Assembly concluded its 64th session.",
            "general assembly session",
            "unknown",
        ),
        (
            "SOC President received a phone call from the Turkish Foreign Minister.",
            "phone call",
            "virtual",
        ),
        ("The SOC President visited Gaziantep on Monday.", "visit", "in person"),
        ("The SOC held a press conference in Istanbul.", "press conference", "unknown"),
        ("The SOC took part in a workshop on transitional justice.", "workshop", "unknown"),
        ("The SOC condemned the shelling of Idlib.", "statement", "unknown"),
        ("Civilians suffer in the camps.", "statement", "unknown"),
    ],
)
def test_event_kind_and_format(text, kind, fmt):
    event = extract(text).event
    assert (event.kind, event.format) == (kind, fmt)


def test_event_number_date_and_place():
    text = (
        "The SOC's General Assembly concluded its 64 session, which was held on October 17-18 "
        "in Istanbul."
    )
    event = extract(text, release_date=datetime.date(2023, 2, 1)).event
    assert (event.number, event.date_as_written, event.date) == (
        64,
        "October 17-18",
        datetime.date(2022, 10, 17),
    )
    assert extract(text, release_date=datetime.date(2022, 10, 20)).event.date == datetime.date(
        2022, 10, 17
    )
    assert extract(text).event.date is None
    assert extract("The SOC held a meeting in Istanbul with the envoy.").event.place == "Istanbul"
    assert extract("The SOC held a meeting on the situation in Aleppo.").event.place is None


def test_weekday_resolves_against_the_release_date():
    event = extract(
        "The SOC President visited Gaziantep on Monday.", release_date=datetime.date(2024, 5, 9)
    ).event
    assert (event.date_as_written, event.date) == ("Monday", datetime.date(2024, 5, 6))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Press release\nSyrian Opposition Coalition\nDepartment of Media and Communications\n"
            "March 20, 2013\nThe SOC condemned the attack.",
            datetime.date(2013, 3, 20),
        ),
        ("Istanbul, 20 March 2013 - The SOC condemned the attack.", datetime.date(2013, 3, 20)),
        (
            "The SOC condemned the attack.\n(Source: SOC's Media Department, 12/04/2016)",
            datetime.date(2016, 4, 12),
        ),
        (
            "The SOC condemned the attack.\nSource: Media Department - 2019-01-31",
            datetime.date(2019, 1, 31),
        ),
        ("بيان صحفي\n٢٠ March ٢٠١٣\nThe SOC condemned the attack.", datetime.date(2013, 3, 20)),
        (
            "The SOC recalled the massacre of August 21, 2013 in Eastern Ghouta, which killed "
            "hundreds of "
            "civilians with sarin gas, and demanded accountability.",
            None,
        ),
        ("The SOC condemned the attack.", None),
    ],
)
def test_release_date_found_in_the_text(text, date):
    assert extract(text).release_date == date


def test_publisher_lines_of_a_header_name_nothing_but_the_body_does():
    text = (
        "Press release\nSyrian Opposition Coalition\nDepartment of Media and Communications\n"
        "March 20, 2013\nThe SOC condemned the shelling of Douma."
    )
    found = extract(text)
    assert [o.name for o in found.organizations] == ["Syrian Opposition Coalition"]
    assert [p.name for p in found.places] == ["Douma"]


def test_paragraphs_are_the_non_empty_lines():
    assert paragraphs_of("  One.\n\n Two. \n") == ["One.", "Two."]


def test_an_empty_text_is_an_empty_statement():
    found = extract("  \n\n ")
    assert (found.people, found.organizations, found.places, found.citations) == ((), (), (), ())
    assert (found.event.kind, found.release_date) == ("statement", None)


def test_an_unclosed_appositive_names_the_organization_not_the_rest_of_the_sentence():
    found = people(
        "Ibrahim Astepho, Coordinator of the Office of Syrian Communities Abroad of the Syrian "
        "Opposition Coalition took part in a conference in the Netherlands devoted to the future "
        "of Syria and the role of the diaspora."
    )
    person = found["Ibrahim Astepho"]
    assert person.role == "Coordinator"
    assert person.organization.startswith("Office of Syrian Communities Abroad")
    assert "took part" not in person.organization


def test_names_keep_their_inner_articles_and_connectors():
    found = people(
        "Chair of the Americans for a Free Syria group, Ismail Pasha, said the talks failed."
    )
    assert found["Ismail Pasha"].organization == "Americans for a Free Syria"
