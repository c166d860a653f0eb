"""Parsing the values people write on IWPs: dates, months, money, hours, absent markers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

WEEKS_PER_MONTH = 52 / 12

_ABSENT = re.compile(
    r"^\s*(n\s*/?\s*a|none|not applicable|not available|unknown|tbd|-+|_+|\.+|—|–"
    r"|\(?\s*(?:not|none) (?:signed|dated|recorded|obtained|given|provided|stated|entered|known)\s*\)?)\s*\.?\s*$",
    re.I,
)
"""Blanks and the usual 'no value' markers, also written out: '(not signed)', 'Not given', 'not obtained'."""

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for name in names
}
_MONTH_NAME = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501

_ISO = re.compile(r"\b(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\b"
                  r"|\b((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\b")
"""'2024-03-14', '2024/3/14', and run together '20240314' (YYYYMMDD)."""
_US = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})\b")
_NAMED = re.compile(r"\b" + _MONTH_NAME + r"(?:\s+(?:the\s+)?|\s*-\s*)(\d{1,2})(?:st|nd|rd|th)?"
                    r"(?:,?\s+|\s*-\s*|,\s*)(\d{4}|['’]\d{2})\b", re.I)
"""'March 14, 2024', 'March the 10th, 2025', "Mar. 4th '25"."""
_NAMED_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+day)?(?:\s+of)?(?:\s+|\s*[-/]\s*|(?=[a-z]))" + _MONTH_NAME
                        + r"(?:,?\s+|\s*[-/]\s*|(?<=[a-z]))(\d{4}|\d{2})\b", re.I)
"""'4 March 2025', '4-Mar-25', '04/Mar/2025', and run together as '04MAR2025'."""
_YEAR_NAMED_DAY = re.compile(r"\b(\d{4})[-/. ]" + _MONTH_NAME + r"[-/. ](\d{1,2})\b", re.I)
"""'2025-Mar-04': the year, the month's name, the day."""
_MONTH_YEAR_NAMED = re.compile(r"\b" + _MONTH_NAME + r"(?:,?\s+|\s*[/\-.]\s*|(?<=[a-z]))(\d{4})\b", re.I)
_YEAR_MONTH_NAMED = re.compile(r"\b(\d{4})(?:\s+|\s*[-/]\s*)" + _MONTH_NAME + r"(?![\w/.-]*\s*\d)", re.I)
"""'2024 MAR': the year before the month's name."""
_MONTH_SHORT_YEAR = re.compile(r"\b" + _MONTH_NAME + r"\s*(?:['’]|-)\s*(\d{2})\b(?!\s*[,/-]?\s*\d)", re.I)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_MONTH = r"(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_ROMAN_DATE = re.compile(r"\b(\d{1,2})[-./]" + _ROMAN_MONTH + r"[-./](\d{4})\b")
"""'4-III-2025': the month in Roman numerals."""
_ROMAN_MONTH_YEAR = re.compile(r"(?<![\w-])" + _ROMAN_MONTH + r"[-./](\d{4})\b")
_MONTH_YEAR_NUM = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{4})\b")
_YEAR_MONTH = re.compile(r"\b(\d{4})[-./](\d{1,2})\b(?![-./]\d)")


def is_absent(text: str | None) -> bool:
    """True for blanks and the usual 'no value' markers (N/A, none, ---)."""
    return text is None or not text.strip() or bool(_ABSENT.match(text))


def clean(text: str | None) -> str | None:
    """Whitespace-collapsed text, or None for blanks and N/A."""
    if is_absent(text):
        return None
    assert text is not None
    return re.sub(r"[ \t]+", " ", text).strip()


def _year(value: str) -> int:
    year = int(value)
    if len(value) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_TEENS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_ORDINALS = (*_TEENS, *(f"twenty-{w}" for w in _TEENS[:9]), "thirtieth", "thirty-first")
_ORDINAL_DAY = re.compile(rf"\b({'|'.join(w.replace('-', '[- ]') for w in sorted(_ORDINALS, key=len, reverse=True))})"
                          r"\s+day\s+of\b", re.I)
"""A day of the month in words, as a contract dates itself: 'the fourth day of March, 2025'."""


def parse_date(text: str | None) -> date | None:
    """The first date written in ``text`` (03/14/2024, 3/14/24, March 14, 2024, 2024-03-14, ...)."""
    if is_absent(text):
        return None
    assert text is not None
    if "day of" in text.lower():  # 'the fourth day of March, 2025': the day in words
        text = _ORDINAL_DAY.sub(lambda m: f"{_ORDINALS.index(m[1].lower().replace(' ', '-')) + 1}th day of", text)
    candidates: list[tuple[int, date]] = []
    for m in _ISO.finditer(text):
        d = _make(int(m[1]), int(m[2]), int(m[3])) if m[1] else _make(int(m[4]), int(m[5]), int(m[6]))
        if d:
            candidates.append((m.start(), d))
    for m in _US.finditer(text):
        # US order (month first); a first number over 12 can only be a day (14.03.2025).
        month, day = int(m[1]), int(m[2])
        d = _make(_year(m[3]), month, day) or (_make(_year(m[3]), day, month) if month > 12 else None)
        if d:
            candidates.append((m.start(), d))
    for m in _NAMED.finditer(text):
        d = _make(_year(m[3].lstrip("'’")), _MONTHS[m[1].lower().rstrip(".")], int(m[2]))
        if d:
            candidates.append((m.start(), d))
    for m in _ROMAN_DATE.finditer(text):
        d = _make(int(m[3]), _ROMAN.index(m[2]) + 1, int(m[1]))
        if d:
            candidates.append((m.start(), d))
    for m in _YEAR_NAMED_DAY.finditer(text):
        d = _make(int(m[1]), _MONTHS[m[2].lower().rstrip(".")], int(m[3]))
        if d:
            candidates.append((m.start(), d))
    for m in _NAMED_DMY.finditer(text):
        d = _make(_year(m[3]), _MONTHS[m[2].lower().rstrip(".")], int(m[1]))
        if d:
            candidates.append((m.start(), d))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def iso_date(text: str | None) -> str | None:
    """``parse_date`` as ``YYYY-MM-DD``."""
    d = parse_date(text)
    return d.isoformat() if d else None


def parse_month(text: str | None) -> str | None:
    """A date or month as ``YYYY-MM-DD`` or ``YYYY-MM`` (06/2023, June 2023, 2023-06, 6/1/2023)."""
    if is_absent(text):
        return None
    assert text is not None
    full = parse_date(text)
    if full:
        return full.isoformat()
    m = _MONTH_YEAR_NAMED.search(text)
    if m:
        return f"{int(m[2]):04d}-{_MONTHS[m[1].lower().rstrip('.')]:02d}"
    m = _ROMAN_MONTH_YEAR.search(text)
    if m:  # 'VI-2023'
        return f"{int(m[2]):04d}-{_ROMAN.index(m[1]) + 1:02d}"
    m = _YEAR_MONTH_NAMED.search(text)
    if m:
        return f"{int(m[1]):04d}-{_MONTHS[m[2].lower().rstrip('.')]:02d}"
    m = _MONTH_SHORT_YEAR.search(text)
    if m:  # "June '23", "Jun-23"
        return f"{_year(m[2]):04d}-{_MONTHS[m[1].lower().rstrip('.')]:02d}"
    for pattern in (_MONTH_YEAR_NUM, _YEAR_MONTH):
        m = pattern.search(text)
        if m:
            a, b = int(m[1]), int(m[2])
            year, month = (b, a) if pattern is _MONTH_YEAR_NUM else (a, b)
            if 1 <= month <= 12:
                return f"{year:04d}-{month:02d}"
    return None


_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_THOUSANDS = r"(?:\s*(k)\b)?"
_MONEY = re.compile(r"(?:\$|\busd\b|\bUS\$)\s*" + _NUMBER + _THOUSANDS + r"|" + _NUMBER + _THOUSANDS
                    + r"\s*(?:dollars|usd)\b", re.I)
_BARE = re.compile(_NUMBER)
_HOURLY = re.compile(r"(/\s*h(?:ou)?r\b|\bper\s+h(?:ou)?r\b|\ban?\s+h(?:ou)?r\b|\beach\s+hour\b|\bhourly\b|\bhrly\b"
                     r"|/\s*hr\.?|/\s*h\b)", re.I)
_RATE_TIMES_HOURS = re.compile(r"\$\s*(\d[\d,]*(?:\.\d+)?)\s*(?:/\s*h(?:ou)?r\.?\s*)?[x×*]\s*(\d{1,2}(?:\.\d+)?)\s*"
                               r"(?:hours?|hrs?\.?)\b", re.I)
"""'$17.00 x 25 hrs = $425.00 a week': a rate times the hours a week, whatever the product says."""
_WEEKLY = re.compile(r"(/\s*w(?:ee)?k\b|\b(?:per|each|every)\s+w(?:ee)?k\b|\ba\s+week\b|\bweekly\b|\bwkly\b)", re.I)
_BIWEEKLY = re.compile(r"\b(bi-?weekly|every (two|2) weeks|every other week|fortnightly)\b", re.I)
_DAILY = re.compile(r"(?:/\s*day\b|\b(?:a|per|each)\s+day\b|\bdaily\b)", re.I)
_TWICE_MONTHLY = re.compile(r"\b(?:twice (?:a|per|each) month|twice monthly|semi-?monthly)\b", re.I)
_YEARLY = re.compile(r"(/\s*y(?:ea)?r\b|\bper\s+year\b|\ba\s+year\b|\bannual(?:ly)?\b|\byearly\b|\bper annum\b)", re.I)
_QUARTERLY = re.compile(r"(/\s*q(?:ua)?r?t(?:e)?r?\b|\b(?:per|a|each|every)\s+quarter\b|\bquarterly\b)", re.I)
_MONTHLY = re.compile(r"(/\s*mo(?:nth)?\b|\bper\s+month\b|\ba\s+month\b|\bmonthly\b|\bm(?:o)?n?thly\b|\beach month\b"
                      r"|\bmonth\b)", re.I)
_HOURS = re.compile(r"(\d{1,2}(?:\.\d+)?)\s*(?:-\s*\d{1,2}\s*)?(?:hours?|hrs?\.?|h)\s*(?:a|per|/|each|every)?\s*(?:w(?:ee)?k|wk)\b", re.I)  # noqa: E501
_HOURS_LOOSE = re.compile(r"(\d{1,2}(?:\.\d+)?)\s*(?:hours?|hrs?\.?)\b", re.I)


def find_money(text: str) -> re.Match[str] | None:
    """Where an amount of money is written in ``text`` ('$14.00', 'USD 14', '2,600 dollars', '$2.6k')."""
    return _MONEY.search(text)


@dataclass(frozen=True, slots=True)
class Money:
    """An earnings figure: monthly USD, and how it was written."""

    monthly: float
    as_written: str
    period: str
    """``month``, ``hour``, ``day``, ``week``, ``biweekly``, ``four-weekly``, ``semimonthly``, ``quarter``, ``year``."""


def parse_hours(text: str | None) -> float | None:
    """Hours a week from text like '30 hrs/wk', '25 hours per week', '20 hours a week'."""
    if is_absent(text):
        return None
    assert text is not None
    m = _HOURS.search(text)
    if m:
        return float(m[1])
    stripped = text.strip()
    if m := re.fullmatch(r"(\d{1,2}(?:\.\d+)?)\s*(?:\([^)]*\))?", stripped):
        return float(m[1])  # '25', '25 (part time)': a number alone in an hours field
    m = _HOURS_LOOSE.search(text)
    return float(m[1]) if m else None


def parse_money(text: str | None, *, hours_per_week: float | None = None) -> Money | None:
    """Monthly earnings from '$1,750 per month', '1750/mo', '$21.00/hour at 30 hrs/wk', ...

    An hourly figure is converted with hours a week x 52 / 12 (the hours come from the same
    text or ``hours_per_week``); without hours it cannot be converted and None is returned.
    A bare number with no period is taken as monthly.
    """
    if is_absent(text):
        return None
    assert text is not None
    if times := _RATE_TIMES_HOURS.search(text):
        rate, hours = float(times[1].replace(",", "")), float(times[2])
        return Money(round(rate * hours * WEEKS_PER_MONTH, 2), re.sub(r"\s+", " ", text.strip()), "hour")
    m = _MONEY.search(text)
    thousands = False
    if m:
        amount_text, rest = (m[1] or m[3]), text[m.end():]
        thousands = bool(m[2] or m[4])
    else:
        m = _BARE.search(text)
        if not m:
            return None
        amount_text, rest = m[1], text[m.end():]
    amount = float(amount_text.replace(",", "")) * (1000 if thousands else 1)
    after = rest[:40]
    written = re.sub(r"\s+", " ", text.strip())
    if _HOURLY.search(after) or re.match(r"\s*(?:hr|hour)\b", after, re.I) \
            or (_HOURLY.search(text) and not _MONTHLY.search(after)):  # ('$14 hr')
        hours = parse_hours(text.replace(amount_text, " ", 1)) or hours_per_week
        if hours is None:
            return None
        return Money(round(amount * hours * WEEKS_PER_MONTH, 2), written, "hour")
    if _DAILY.search(after) and not _MONTHLY.search(after):  # '$70.00 a day, 5 days a week'
        days = re.search(r"(\d(?:\.\d)?)\s*days?\s*(?:a|per|each|/)\s*w(?:ee)?k", text, re.I)
        return Money(round(amount * (float(days[1]) if days else 5.0) * WEEKS_PER_MONTH, 2), written, "day")
    if re.search(r"\bevery (?:four|4) weeks\b|\bfour-weekly\b", after, re.I):
        return Money(round(amount * 13 / 12, 2), written, "four-weekly")  # (thirteen pay periods a year)
    if _TWICE_MONTHLY.search(after):
        return Money(round(amount * 2, 2), written, "semimonthly")
    if _BIWEEKLY.search(after):
        return Money(round(amount * 26 / 12, 2), written, "biweekly")
    if _WEEKLY.search(after) and not _MONTHLY.search(after):
        return Money(round(amount * WEEKS_PER_MONTH, 2), written, "week")
    if _YEARLY.search(after):
        return Money(round(amount / 12, 2), written, "year")
    if _QUARTERLY.search(after):
        return Money(round(amount / 3, 2), written, "quarter")
    return Money(round(amount, 2), written, "month")
