import pytest

from iwp_pipeline.values import clean, is_absent, iso_date, parse_hours, parse_money, parse_month


@pytest.mark.parametrize("text", ["03/14/2024", "3/14/24", "March 14, 2024", "2024-03-14", "Mar. 14, 2024",
                                  "14 March 2024", "Date signed: 3-14-2024"])
def test_us_dates(text):
    assert iso_date(text) == "2024-03-14"


@pytest.mark.parametrize("text", ["N/A", "n/a", "NA", "", "  ", "None", "---", "____"])
def test_absent_values(text):
    assert is_absent(text) and clean(text) is None and iso_date(text) is None


def test_impossible_date_is_none():
    assert iso_date("02/30/2024") is None


@pytest.mark.parametrize(("text", "monthly", "period"), [
    ("$1,750 per month", 1750, "month"),
    ("1750/mo", 1750, "month"),
    ("$21.00/hour at 30 hrs/wk", 2730, "hour"),
    ("$14.00 an hour, 25 hours per week", 1516.67, "hour"),
    ("$31,200 per year", 2600, "year"),
    ("$600 a week", 2600, "week"),
    ("$2,600", 2600, "month"),
])
def test_money(text, monthly, period):
    money = parse_money(text)
    assert money is not None and money.monthly == pytest.approx(monthly, abs=0.01)
    assert money.period == period and money.as_written == text


def test_hourly_without_hours_needs_them():
    assert parse_money("$15 an hour") is None
    assert parse_money("$15 an hour", hours_per_week=20).monthly == pytest.approx(1300)


def test_hours_and_months():
    assert parse_hours("30 hrs/wk") == 30 and parse_hours("25 hours per week") == 25
    assert parse_month("06/2023") == "2023-06" and parse_month("June 2023") == "2023-06"
    assert parse_month("Present") is None


@pytest.mark.parametrize("text", ["14 Mar 2024", "March 14 2024", "3-14-24", "14-Mar-24", "Mar-14-2024",
                                  "14.03.2024", "2024.03.14", "2024/03/14", "14th of March, 2024",
                                  "Thursday, March 14, 2024", "the 14th of March 2024"])
def test_more_written_dates(text):
    assert iso_date(text) == "2024-03-14"


def test_day_first_only_when_the_month_cannot_come_first():
    assert iso_date("04.03.2024") == "2024-04-03"  # US order when both readings are possible
    assert iso_date("31.12.2024") == "2024-12-31"


@pytest.mark.parametrize(("text", "monthly", "period"), [
    ("$2.6k per month", 2600, "month"),
    ("US$ 1,900 a month", 1900, "month"),
    ("USD 14.50 per hr, 30 hrs/wk", 1885, "hour"),
    ("$14.50/h 30h/wk", 1885, "hour"),
    ("1,040.00 USD monthly", 1040, "month"),
    ("$17.00 each hour, 25 hours each week", 1841.67, "hour"),
    ("$14.00 for each hour worked at 25 hrs/wk", 1516.67, "hour"),
    ("$17.00 x 25 hrs = $425.00 a week", 1841.67, "hour"),  # the rate times the hours, not $17 a week
])
def test_money_in_other_notations(text, monthly, period):
    money = parse_money(text)
    assert money is not None and money.monthly == pytest.approx(monthly, abs=0.01) and money.period == period


@pytest.mark.parametrize(("text", "iso"), [("June '23", "2023-06"), ("Sep-24", "2024-09"), ("Jan ’22", "2022-01"),
                                           ("January/2022", "2022-01"), ("MAR-2024", "2024-03"),
                                           ("2024 MAR", "2024-03"), ("3.2024", "2024-03")])
def test_a_month_with_a_two_digit_year(text, iso):
    assert parse_month(text) == iso


@pytest.mark.parametrize(("text", "monthly"), [("$2,600.00 MTHLY", 2600.0), ("$14.00 HRLY, 25 HRS/WK", 1516.67),
                                               ("$350 WKLY", 1516.67)])
def test_capitalised_period_abbreviations(text, monthly):
    assert parse_money(text).monthly == monthly
