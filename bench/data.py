"""Reference data of the synthetic corpus: names, bodies, places, instruments and the genre's words.

The lists are the generator's own, so a corpus depends on its seed alone; they use real names the
extractor's gazetteer knows (resolutions, organizations, places) so extraction does real work.
"""


def _words(text: str) -> list[str]:
    return text.split()


# fmt: off
# (body, number, year): cited by number in the releases, most often 2254.
RESOLUTIONS = [
    ("UNSC", "2254", 2015), ("UNSC", "2118", 2013), ("UNSC", "2139", 2014), ("UNSC", "2165", 2014),
    ("UNSC", "2042", 2012), ("UNSC", "2043", 2012), ("UNSC", "2209", 2015), ("UNSC", "2235", 2015),
    ("UNSC", "2268", 2016), ("UNSC", "2336", 2016), ("UNSC", "2401", 2018), ("UNSC", "2533", 2020),
    ("UNSC", "2585", 2021), ("UNSC", "2642", 2022), ("UNSC", "2672", 2023), ("UNSC", "2191", 2014),
    ("UNGA", "67/262", 2013), ("UNGA", "71/248", 2016), ("UNGA", "77/301", 2023),
    ("HRC", "19/22", 2012), ("HRC", "S-17/1", 2011),
]

# Unnumbered instruments, with the ways releases write them.
INSTRUMENTS = [
    ["the Geneva Communique", "the Geneva Communiqué of 2012", "the 2012 Geneva Communique",
     "the Geneva I Communique"],
    ["the Riyadh Declaration", "the Riyadh II Declaration"],
]

# (name, abbreviation or "", kind)
ORGANIZATIONS = [
    ("Syrian Opposition Coalition", "SOC", "coalition"),
    ("Syrian Interim Government", "SIG", "opposition"),
    ("Syrian Negotiation Commission", "SNC", "opposition"),
    ("Constitutional Committee", "", "opposition"), ("Syrian National Army", "SNA", "armed"),
    ("Syrian Civil Defence", "", "ngo"), ("Assistance Coordination Unit", "ACU", "opposition"),
    ("Office of Syrian Communities Abroad", "", "coalition"),
    ("Political Committee", "", "coalition"),
    ("General Assembly of the Coalition", "", "coalition"), ("Legal Committee", "", "coalition"),
    ("Foreign Relations Department", "", "coalition"), ("United Nations", "UN", "un"),
    ("UN Security Council", "UNSC", "un"), ("UN General Assembly", "UNGA", "un"),
    ("UN Human Rights Council", "HRC", "un"),
    ("Office of the UN Special Envoy for Syria", "", "un"), ("UNICEF", "", "un"),
    ("UNHCR", "", "un"), ("World Food Programme", "WFP", "un"),
    ("Organisation for the Prohibition of Chemical Weapons", "OPCW", "igo"),
    ("European Union", "EU", "igo"), ("European External Action Service", "EEAS", "igo"),
    ("European Parliament", "", "igo"), ("Arab League", "", "igo"),
    ("Gulf Cooperation Council", "GCC", "igo"),
    ("Organization of Islamic Cooperation", "OIC", "igo"), ("NATO", "", "igo"),
    ("International Committee of the Red Cross", "ICRC", "ngo"),
    ("Human Rights Watch", "HRW", "ngo"), ("Amnesty International", "", "ngo"),
    ("Syrian Network for Human Rights", "SNHR", "ngo"), ("Syrian American Council", "SAC", "ngo"),
    ("MedGlobal", "", "ngo"), ("White Helmets", "", "ngo"),
    ("US State Department", "", "government"), ("French Foreign Ministry", "", "government"),
    ("British Foreign Office", "", "government"), ("German Foreign Office", "", "government"),
    ("Turkish Foreign Ministry", "", "government"), ("Qatari Foreign Ministry", "", "government"),
    ("Dutch Foreign Ministry", "", "government"), ("Hay'at Tahrir al-Sham", "HTS", "armed"),
    ("ISIS", "", "armed"), ("PKK", "", "armed"),
    ("Iranian Revolutionary Guard Corps", "IRGC", "armed"), ("Hezbollah", "", "armed"),
    ("Wagner Group", "", "armed"), ("Caesar Act Follow-up Team", "", "ngo"),
    ("Syrian Emergency Task Force", "SETF", "ngo"),
]

# The ways the coalition names itself, weighted by how often they occur.
COALITION_NAMES = [
    ("the Syrian Opposition Coalition (SOC)", 6), ("the SOC", 8), ("the Syrian Coalition", 2),
    ("the National Coalition of Syrian Revolution and Opposition Forces", 1),
    ("the Syrian National Coalition", 1), ("the Coalition", 3),
]

# (name, kind)
PLACES = [
    ("Syria", "country"), ("Turkey", "country"), ("Lebanon", "country"), ("Jordan", "country"),
    ("Iraq", "country"), ("Iran", "country"), ("Russia", "country"), ("United States", "country"),
    ("France", "country"), ("United Kingdom", "country"), ("Germany", "country"),
    ("Netherlands", "country"), ("Qatar", "country"), ("Saudi Arabia", "country"),
    ("Egypt", "country"), ("Italy", "country"), ("Belgium", "country"), ("Switzerland", "country"),
    ("Norway", "country"), ("Sweden", "country"), ("Denmark", "country"), ("Canada", "country"),
    ("Japan", "country"), ("Kuwait", "country"), ("United Arab Emirates", "country"),
    ("Aleppo", "city"), ("Idlib", "city"), ("Damascus", "city"), ("Homs", "city"), ("Hama", "city"),
    ("Deir ez-Zor", "city"), ("Raqqa", "city"), ("Daraa", "city"), ("Latakia", "city"),
    ("Tartus", "city"), ("Qamishli", "city"), ("Hasakah", "city"), ("Suwayda", "city"),
    ("Azaz", "town"), ("Afrin", "town"), ("Al-Bab", "town"), ("Jarablus", "town"),
    ("Douma", "town"), ("Saraqib", "town"), ("Al-Lataminah", "town"), ("Khan Shaykhun", "town"),
    ("Maarat al-Numan", "town"), ("Ariha", "town"), ("Jisr al-Shughur", "town"), ("Atarib", "town"),
    ("Ras al-Ain", "town"), ("Tal Abyad", "town"), ("Manbij", "town"), ("Istanbul", "city"),
    ("Ankara", "city"), ("Gaziantep", "city"), ("Geneva", "city"), ("Brussels", "city"),
    ("Paris", "city"), ("London", "city"), ("Berlin", "city"), ("Washington", "city"),
    ("New York", "city"), ("Doha", "city"), ("Riyadh", "city"), ("Amman", "city"),
    ("Beirut", "city"), ("Astana", "city"), ("Sochi", "city"), ("The Hague", "city"),
    ("Bab al-Hawa", "crossing"), ("Bab al-Salamah", "crossing"), ("Al-Rai", "crossing"),
    ("Al-Yarubiyah", "crossing"), ("Nasib", "crossing"), ("rural Aleppo", "region"),
    ("Eastern Ghouta", "region"), ("Idlib countryside", "region"), ("northern Syria", "region"),
    ("northwestern Syria", "region"), ("Jabal al-Zawiya", "region"),
    ("Euphrates Shield area", "region"), ("Olive Branch area", "region"), ("Rukban camp", "region"),
    ("rural Damascus", "region"), ("Eastern Qalamoun", "region"),
]

COUNTRY_ADJECTIVES = {
    "United States": "US", "France": "French", "United Kingdom": "British", "Germany": "German",
    "Netherlands": "Dutch", "Turkey": "Turkish", "Qatar": "Qatari", "Italy": "Italian",
    "Norway": "Norwegian", "Sweden": "Swedish", "Canada": "Canadian", "Japan": "Japanese",
    "Jordan": "Jordanian", "Saudi Arabia": "Saudi", "Belgium": "Belgian", "Denmark": "Danish",
    "Switzerland": "Swiss", "Kuwait": "Kuwaiti", "Egypt": "Egyptian",
}

SOC_ROLES = [
    ("President", 3), ("Vice-President", 4), ("Secretary-General", 2),
    ("member of the Political Committee", 8), ("member of the General Assembly", 6),
    ("Coordinator of the Foreign Relations Department", 1), ("Head of the Legal Committee", 1),
    ("Representative to the United Nations", 1), ("Representative to the United States", 1),
    ("Head of the Media Department", 1),
    ("Coordinator of the Office of Syrian Communities Abroad", 1),
]

COUNTERPART_ROLES = [
    "Special Envoy to Syria", "Ambassador to Syria", "Minister of Foreign Affairs",
    "Deputy Foreign Minister", "Head of the Syria Desk", "Director of Middle East Affairs",
    "Chargé d'Affaires", "member of Parliament", "Senior Advisor on Syria",
]

FIRST_NAMES = [
    "Salem", "Hadi", "Nasr", "Abdulahad", "Abdullah", "Abdul Majid", "Haytham", "Maryam", "Qutaiba",
    "Muhammad", "Ahmad", "Khaled", "Riad", "Anas", "Hisham", "Bader", "Yahya", "Mustafa", "Omar",
    "Hussein", "Fadi", "Samira", "Rima", "Dima", "Hind", "Nour", "Lama", "Suhair", "Fouad", "Walid",
    "Ziad", "Bassam", "Radwan", "Yasser", "Hassan", "Ibrahim", "Mahmoud", "Jamal", "Kamal", "Tarek",
    "Osama", "Abdulrahman", "Abdulbaset", "Moaz", "Ghassan", "Hamza", "Ayman", "Mazen", "Suleiman",
    "Nizar",
]
LAST_NAMES = [
    "Al-Meslet", "al-Bahra", "Al-Hariri", "Astepho", "Kaddo", "Barakat", "Rahmeh", "Shalabi",
    "Idilbi", "Maktabi", "Seif", "Al-Abdah", "Khoja", "Sabra", "Mustafa", "Al-Atassi", "Kilo",
    "Ghalioun", "Sido", "Al-Khatib", "Marwa", "Darwish", "Haj Ali", "Al-Ahmad", "Jamous",
    "Al-Aswad", "Hamwi", "Sheikh", "Tlass", "Bakkour", "Zaher", "Al-Ali", "Kanaan", "Dalati",
    "Hallak", "Qassem", "Al-Saleh", "Bitar", "Kurdi", "Nahhas", "Shami", "Halabi", "Homsi", "Tamer",
    "Abu Zeid", "Al-Sheikh", "Youssef", "Khalil", "Saadeh", "Othman",
]
FOREIGN_FIRST = [
    "Jean", "Marie", "Anne", "Pierre", "Sophie", "Thomas", "Clara", "Martin", "Jonathan", "Emily",
    "Richard", "Sarah", "David", "Laura", "Stefan", "Anna", "Hans", "Geir", "Lars", "Ingrid",
    "Marco", "Giulia", "Alessio", "Dan", "Michael", "Rebecca", "Peter", "Helena", "Kenji", "Ahmet",
    "Mehmet", "Ayse", "Hakan", "Joel", "Ethan", "Philippe", "Brigitte",
]
FOREIGN_LAST = [
    "Guillaume", "Pedersen", "Stoenescu", "Cappellani", "Rayburn", "Smith", "Brown", "Miller",
    "Dubois", "Laurent", "Schmidt", "Weber", "Becker", "Rossi", "Bianchi", "van Dijk", "de Vries",
    "Jansen", "Hansen", "Larsen", "Johansson", "Tanaka", "Yilmaz", "Kaya", "Demir", "Celik",
    "Fischer", "Moreau", "Fontaine", "Evans", "Walker", "Clarke", "Hughes", "Bauer", "Keller",
    "Conti", "Ricci", "Lindqvist", "Nakamura", "Ozturk",
]
# fmt: on

# The genre's words, most frequent first: they seed the head of the vocabulary, whose tail is
# made of generated words (see corpus.Vocabulary).
GENRE_WORDS = _words(
    """
    regime people political international support situation humanitarian solution process
    revolution civilians freedom justice transition community crimes accountability democracy
    security efforts aid areas region meeting delegation developments importance need role attacks
    refugees rights violations dignity detainees government negotiations constitution forces
    militias displacement pressure stability reconstruction elections sanctions normalization
    terrorism cooperation commitment implementation sacrifices return safety ceasefire
    investigation bombardment shelling airstrikes hospitals schools camps winter relief crossings
    borders economy corruption drugs smuggling families prisoners torture disappearance women
    children youth education health medical shelters food water electricity fuel prices inflation
    currency markets agriculture farmers harvest drought earthquake recovery rubble rescue teams
    volunteers donors conference pledges funding mechanism mandate resolution veto council assembly
    session agenda committee report evidence documentation witnesses courts tribunal prosecution
    impunity perpetrators chemical weapons gas sarin chlorine victims massacre siege starvation
    blockade evacuation villages towns countryside frontlines offensive escalation truce agreement
    guarantors talks envoy diplomats ambassadors ministers parliament lawmakers officials
    institutions governance administration services municipalities councils local civil society
    organizations activists journalists media campaign awareness demonstrations protests uprising
    anniversary martyrs memory heritage identity unity diversity minorities religions ethnicities
    citizenship equality constitution drafting committee members opposition representatives
    communities diaspora abroad students universities scholarships employment workers salaries
    poverty unemployment livelihoods resilience development projects infrastructure roads bridges
    housing property ownership land confiscation demographic change engineering resettlement
    voluntary conditions guarantees monitoring observers
    """
)

ADJECTIVES = _words(
    """
    political humanitarian international comprehensive genuine legitimate serious dire urgent
    critical sustainable peaceful democratic inclusive transparent effective tangible binding
    continued ongoing systematic brutal criminal illegal arbitrary forced unprecedented
    catastrophic grave deteriorating difficult positive constructive firm clear strong full strict
    immediate unconditional safe voluntary dignified free fair independent national regional local
    economic social legal military diplomatic administrative
    """
)

# fmt: off
VERBS = [
    "stressed", "emphasized", "affirmed", "reiterated", "underscored", "highlighted", "noted",
    "called for", "urged", "welcomed", "condemned", "denounced", "warned of", "praised",
    "discussed", "reviewed", "examined", "addressed", "renewed its call for",
    "expressed concern about",
]
# fmt: on
