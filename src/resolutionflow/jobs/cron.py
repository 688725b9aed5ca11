"""Cron expressions in an IANA time zone: parsing with messages a person can act on, and the
next slots as UTC instants.

Five fields (minute hour day-of-month month day-of-week) with `*`, lists, ranges, steps and
names (`jan`, `mon`), or a macro (`@hourly`, `@daily`, `@weekly`, `@monthly`, `@yearly`).
As in Vixie cron, when both day fields are restricted a day matching either one is a slot.

Daylight saving time, decided once here:
- spring forward: a slot whose local time does not exist that day runs once, at the instant
  the clocks go forward (several such slots collapse into that one run);
- fall back: a slot whose local time happens twice runs at the first occurrence only, unless
  the hour field is `*` (an hourly job keeps running every real hour through the repeat).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MACROS = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_DAYS = {d: i for i, d in enumerate(["sun", "mon", "tue", "wed", "thu", "fri", "sat"])}
# name, lowest, highest, names
_FIELDS: tuple[tuple[str, int, int, dict[str, int]], ...] = (
    ("minute", 0, 59, {}),
    ("hour", 0, 23, {}),
    ("day of month", 1, 31, {}),
    ("month", 1, 12, _MONTHS),
    ("day of week", 0, 7, _DAYS),
)
# Far enough for "29 Feb on a Monday" (28 years), not so far that a bad expression spins.
_HORIZON_DAYS = 366 * 30


class CronError(ValueError):
    """A cron expression or time zone that cannot be used; `field` names which."""

    def __init__(self, message: str, field: str = "cron") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Cron:
    minutes: tuple[int, ...]
    hours: tuple[int, ...]
    days: frozenset[int]
    months: frozenset[int]
    weekdays: frozenset[int]  # 0 = Sunday
    days_restricted: bool
    weekdays_restricted: bool
    every_hour: bool

    def matches_day(self, day: date) -> bool:
        if day.month not in self.months:
            return False
        dom = day.day in self.days
        dow = (day.isoweekday() % 7) in self.weekdays
        if self.days_restricted and self.weekdays_restricted:
            return dom or dow
        return dom and dow


def zone(name: str) -> ZoneInfo:
    try:
        if not name or name != name.strip() or ".." in name:
            raise ValueError
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise CronError(
            f"'{name}' is not an IANA time zone (e.g. Europe/London, America/New_York, UTC).",
            field="timezone",
        ) from exc


def _value(token: str, name: str, low: int, high: int, names: dict[str, int]) -> int:
    key = token.lower()
    if key in names:
        return names[key]
    if not token.isdigit():
        raise CronError(f"The {name} field has '{token}', which is not a number.")
    number = int(token)
    if not low <= number <= high:
        raise CronError(f"The {name} field allows {low}-{high}; '{token}' is outside that.")
    return number


def _field(text: str, name: str, low: int, high: int, names: dict[str, int]) -> set[int]:
    values: set[int] = set()
    for part in text.split(","):
        if not part:
            raise CronError(f"The {name} field has an empty item in '{text}'.")
        span, _, step_text = part.partition("/")
        step = 1
        if step_text:
            if not step_text.isdigit() or int(step_text) == 0:
                raise CronError(f"The {name} field's step '/{step_text}' must be a number above 0.")
            step = int(step_text)
        if span == "*":
            start, end = low, high
        elif "-" in span:
            a, _, b = span.partition("-")
            start, end = _value(a, name, low, high, names), _value(b, name, low, high, names)
            if start > end:
                raise CronError(f"The {name} field's range '{span}' runs backwards.")
        else:
            start = _value(span, name, low, high, names)
            end = high if step_text else start
        values.update(range(start, end + 1, step))
    return values


def parse(expression: str) -> Cron:
    text = " ".join(expression.split())
    text = MACROS.get(text.lower(), text)
    parts = text.split(" ")
    if len(parts) != 5 or not text:
        raise CronError(
            "A cron expression has five fields (minute hour day-of-month month day-of-week), "
            f"e.g. '0 2 * * 1' for 02:00 every Monday; got {len(parts) if text else 0}."
        )
    fields = [_field(p, *spec) for p, spec in zip(parts, _FIELDS, strict=True)]
    weekdays = {0 if d == 7 else d for d in fields[4]}
    return Cron(
        minutes=tuple(sorted(fields[0])),
        hours=tuple(sorted(fields[1])),
        days=frozenset(fields[2]),
        months=frozenset(fields[3]),
        weekdays=frozenset(weekdays),
        days_restricted=not parts[2].startswith("*"),
        weekdays_restricted=not parts[4].startswith("*"),
        every_hour=parts[1] == "*",
    )


def _exists(local: datetime, tz: ZoneInfo) -> bool:
    return local.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == local.replace(tzinfo=None)


def _instants(cron: Cron, tz: ZoneInfo, day: date) -> list[datetime]:
    """The day's slots as UTC instants, in order, with the DST rules of the module docstring."""
    out: list[datetime] = []
    for hour in cron.hours:
        for minute in cron.minutes:
            local = datetime.combine(day, time(hour, minute), tzinfo=tz)
            if not _exists(local, tz):
                # In the spring-forward gap: the first local minute that exists is the moment
                # the clocks went forward.
                probe = local
                while not _exists(probe, tz):
                    probe = (probe.replace(tzinfo=None) + timedelta(minutes=1)).replace(tzinfo=tz)
                out.append(probe.astimezone(UTC))
                continue
            first = local.replace(fold=0).astimezone(UTC)
            out.append(first)
            second = local.replace(fold=1).astimezone(UTC)
            if second != first and cron.every_hour:
                out.append(second)
    return sorted(set(out))


def next_slots(cron: Cron, tz: ZoneInfo, after: datetime, count: int = 1) -> list[datetime]:
    """The next `count` slots strictly after `after` (an aware datetime), as UTC instants."""
    found: list[datetime] = []
    day = after.astimezone(tz).date() - timedelta(days=1)
    for _ in range(_HORIZON_DAYS):
        if cron.matches_day(day):
            for instant in _instants(cron, tz, day):
                if instant > after and (not found or instant > found[-1]):
                    found.append(instant)
                    if len(found) == count:
                        return found
        day += timedelta(days=1)
    return found


def next_slot(cron: Cron, tz: ZoneInfo, after: datetime) -> datetime | None:
    slots = next_slots(cron, tz, after, 1)
    return slots[0] if slots else None


def validate(expression: str, timezone: str) -> tuple[Cron, ZoneInfo]:
    """Both parsed, or a CronError naming the field; also refuses an expression that never
    fires (e.g. 30 February)."""
    cron, tz = parse(expression), zone(timezone)
    if next_slot(cron, tz, datetime.now(UTC)) is None:
        raise CronError(
            f"'{expression}' never fires (no such date in {_HORIZON_DAYS // 366} years)."
        )
    return cron, tz
