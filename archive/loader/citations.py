"""Finds cited UN resolutions and the Geneva Communique in a paragraph, in every form releases use.

"Resolution 2254", "UNSC Resolution 2254 (2015)", "UNSCR 2254", "UN Resolutions 2118 and 2254",
"Security Council Resolutions 2118 (2013), 2209 (2015)", "S/RES/2254 (2015)", "General Assembly
Resolution 67/262", "A/RES/67/262", "the Geneva Communique of 2012", and the Arabic forms ("القرار
٢٢٥٤"), whose Arabic-Indic digits are read as numbers. The body comes from the words before the
number when they name one; otherwise the number's shape decides (67/262 is a General Assembly
number, 2254 a Security Council one), because that is how the UN numbers them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

GENEVA = "Geneva Communique 2012"

_NUMBERED = r"(?:No\.?\s*|number\s+|\#\s*)?"
_YEAR = r"(?:\s*\(\d{4}\)|\s+of\s+\d{4}(?!\d))?"
_ITEM = rf"{_NUMBERED}\d{{1,4}}(?:/\d{{1,4}})?{_YEAR}"
# Later items of a list need three digits: "Resolution 2254 and 14 other texts" cites one.
_NEXT_ITEM = rf"{_NUMBERED}\d{{3,4}}(?:/\d{{1,4}})?{_YEAR}"
_LIST = rf"{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+as\s+well\s+as\s+){_NEXT_ITEM})*"

_BODY = (
    r"(?:UNSC|UNGA|UN\s+Security\s+Council|United\s+Nations\s+Security\s+Council|"
    r"Security\s+Council|UN\s+General\s+Assembly|United\s+Nations\s+General\s+Assembly|"
    r"General\s+Assembly|UN\s+Human\s+Rights\s+Council|United\s+Nations\s+Human\s+Rights\s+Council|"
    r"Human\s+Rights\s+Council|HRC|UN|U\.N\.|United\s+Nations|international)"
)
_SYMBOL = (
    r"\b(?P<prefix>S|A)/RES/(?P<symbol_number>\d{1,4}(?:/\d{1,4})?)"
    r"(?:\s*\((?P<symbol_year>\d{4})\))?"
)
_GENEVA = (
    r"\b(?:Geneva\s+(?:I\s+|1\s+|One\s+)?communiqu[eé]s?"
    r"|Final\s+communiqu[eé]\s+of\s+the\s+Action\s+Group\s+for\s+Syria)"
    r"(?:\s+(?:of|in)\s+(?:June\s+)?2012|\s*\(2012\))?"
)
_ARABIC = (
    r"(?:القرار(?:ين|ات)?|قرار(?:ي|ات)?)\s+(?:(?P<arabic_body>مجلس\s+الأمن|الجمعية\s+العامة)\s+)?"
    r"(?:الدولي\s+)?(?:رقم\s+)?"
    r"(?P<arabic_list>\d{1,4}(?:/\d{1,4})?(?:\s*(?:،|,|و)\s*\d{3,4}(?:/\d{1,4})?)*)"
)
_ARABIC_GENEVA = r"بيان\s+جنيف(?:\s+(?:لعام|عام)\s+2012)?"

# Each alternative starts with a distinctive word, so the scan is quick; the body written before
# "Resolution" is then looked for just before the match. The English forms share their leading
# word boundary, tested once for all four (the Arabic ones may follow a prefix such as "و").
_BODY_BEFORE = re.compile(rf"\b{_BODY}(?:'s)?\s+$", re.IGNORECASE)
# Bodies other than the UN's whose resolutions releases cite.
_OTHER_BODY_BEFORE = re.compile(
    r"\b(?:Arab\s+League|League\s+of\s+Arab\s+States|European\s+Parliament|European\s+Union|EU|"
    r"OIC|Organi[sz]ation\s+of\s+Islamic\s+Cooperation|African\s+Union|Congress|Parliament|Senate|"
    r"House|Bundestag)(?:'s)?\s+$",
    re.IGNORECASE,
)
_CITATION = re.compile(
    rf"\b(?:(?P<resolution>(?:resolutions?|res\.)\s+(?P<list>{_LIST}))"
    rf"|(?P<unscr>UNSCRs?\s*(?P<unscr_list>{_LIST}))"
    rf"|(?P<symbol>{_SYMBOL})|(?P<geneva>{_GENEVA}))"
    rf"|(?P<arabic>{_ARABIC})|(?P<arabic_geneva>{_ARABIC_GENEVA})",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(\d{1,4}(?:/\d{1,4})?)(?:\s*\((\d{4})\)|\s+of\s+(\d{4}))?")


@dataclass(frozen=True)
class Cited:
    """One resolution cited in a phrase; a phrase citing two resolutions gives two of these."""

    identifier: str
    body: str
    number: str
    year: int | None
    as_written: str
    start: int


# Every citation contains one of these; most paragraphs contain none and skip the big pattern
# (substring tests are far cheaper than any regex scan).
_MARKERS = ("esolution", "ESOLUTION", "Res.", "res.", "UNSCR", "/RES/", "ommuniqu", "OMMUNIQU")
_MARKERS += ("قرار", "جنيف")  # Arabic: resolution, Geneva
_ARABIC_DIGIT = re.compile("[٠-٩۰-۹]")


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic digits as ASCII ones, one character for one, so offsets hold."""
    return text.translate(ARABIC_DIGITS) if _ARABIC_DIGIT.search(text) else text


def find_citations(text: str) -> list[Cited]:
    """Every resolution cited in `text`, in order; `as_written` is the whole citing phrase."""
    if not any(map(text.__contains__, _MARKERS)):
        return []
    digits = to_ascii_digits(text)
    found: list[Cited] = []
    for match in _CITATION.finditer(digits):
        start = match.start()
        body_before = match["resolution"] and _BODY_BEFORE.search(digits, max(0, start - 50), start)
        if body_before:
            start = body_before.start()
        elif match["resolution"] and _OTHER_BODY_BEFORE.search(digits, max(0, start - 50), start):
            continue  # "the Arab League Resolution No. 7716": not the UN's
        as_written = text[start : match.end()]
        if match["geneva"] or match["arabic_geneva"]:
            found.append(Cited(GENEVA, "OTHER", "", 2012, as_written, start))
            continue
        if match["symbol"]:
            body = "UNSC" if match["prefix"].upper() == "S" else "UNGA"
            year = int(match["symbol_year"]) if match["symbol_year"] else None
            found.append(_cited(body, match["symbol_number"], year, as_written, start))
            continue
        if match["resolution"]:
            words, numbers = as_written[: match.start("list") - start], match["list"]
        elif match["unscr"]:
            words, numbers = "UNSC", match["unscr_list"]
        else:
            words, numbers = match["arabic_body"] or "", match["arabic_list"]
        for number, year_paren, year_of in _NUMBER.findall(numbers):
            year = int(year_paren or year_of) if (year_paren or year_of) else None
            found.append(_cited(_body(words, number), number, year, as_written, start))
    return found


def _cited(body: str, number: str, year: int | None, as_written: str, start: int) -> Cited:
    return Cited(f"{body} {number}", body, number, year, as_written, start)


def _body(words: str, number: str) -> str:
    words = " ".join(words.split()).lower()
    if "general assembly" in words or "unga" in words or "الجمعية" in words:
        return "UNGA"
    if "human rights council" in words or "hrc" in words.split():
        return "HRC"
    if "security council" in words or "unsc" in words or "مجلس" in words:
        return "UNSC"
    return "UNGA" if "/" in number else "UNSC"
