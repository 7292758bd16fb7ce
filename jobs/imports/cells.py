"""Reading one cell of an import file: text, dates, counts, amounts and lists, each refused with a message."""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

EARLIEST_YEAR = 1990
MAX_COUNT = 2_147_483_647
LIST_SEPARATOR = ";"

_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def cell_text(cell) -> str:
    """A cell as trimmed text: blank for an empty cell, a whole number without ".0", a date as 2025-04-01."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    return str(cell).strip()


def parse_date(cell) -> date:
    """A date from an Excel date cell, 2025-04-01 or 01/04/2025 (day first, as in the UK), from 1990 on."""
    if isinstance(cell, datetime):
        value = cell.date()
    elif isinstance(cell, date):
        value = cell
    else:
        text = cell_text(cell)
        try:
            if match := _DAY_MONTH_YEAR.match(text):
                day, month, year = (int(part) for part in match.groups())
                value = date(year, month, day)
            else:
                value = date.fromisoformat(text)
        except ValueError:
            raise ValueError("Enter a real date, like 2025-04-01 or 01/04/2025.") from None
    if value.year < EARLIEST_YEAR:
        raise ValueError("Enter a real date, with a four-digit year, like 2025-04-01.")
    return value


def parse_count(cell, *, maximum: int = MAX_COUNT) -> int:
    """A whole number, not negative, at most `maximum`."""
    text = cell_text(cell).replace(",", "")
    if not re.fullmatch(r"-?\d+", text):
        raise ValueError("Enter a whole number, like 25.")
    number = int(text)
    if number < 0:
        raise ValueError("This cannot be negative.")
    if number > maximum:
        raise ValueError(f"Enter a number no bigger than {maximum:,}.")
    return number


def parse_amount(cell) -> Decimal:
    """An amount in pounds, not negative, to the penny: 25000, 25,000 or £25,000.50."""
    text = cell_text(cell).replace(",", "").removeprefix("£").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError("Enter an amount in pounds, like 25000 or 25,000.50.") from None
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("1e10"):
        raise ValueError("Enter an amount in pounds and pence, under £10 billion.")
    if amount < 0:
        raise ValueError("The funding amount cannot be negative.")
    return amount


def parse_list(cell) -> list[str]:
    """The items of a semicolon-separated cell, blanks dropped."""
    return [item.strip() for item in cell_text(cell).split(LIST_SEPARATOR) if item.strip()]
