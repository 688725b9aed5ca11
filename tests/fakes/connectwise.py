"""A local stand-in for the ConnectWise PSA REST API, speaking its wire format over real HTTP.

Shapes follow ../shared/data/psa/connectwise_subset.json (tickets, notes, configurations,
companies, contacts, members, time entries), with ConnectWise's habits: Basic auth from
"{company}+{public}:{private}" plus a `clientId` header, `conditions` filtering, 1-based paging
whose `Link` URLs carry only page and pageSize, `{"code","message","errors"}` error bodies, an
HTML 404 outside the API's codebase, and status changes it may silently refuse.

    with FakeConnectWise() as srv:       # srv.base_url, srv.credentials(), srv.requests
        srv.fail_next(429, retry_after=2)
        srv.refused_statuses.add("Closed")
        ...

Run it alone for a manual demo: `python -m tests.fakes.connectwise --port 8765`.
"""

from __future__ import annotations

import argparse
import base64
import copy
import fnmatch
import json
import os
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from tests.fakes.local_server import LocalServer

CLIENT_ID = "6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b"
VERSION = "v2025.1.10431"
_ERROR_CODES = {
    400: ("InvalidObject", "The request is invalid."),
    401: ("Unauthorized", "Authentication failed."),
    403: ("Security", "You do not have security permission to perform this action."),
    404: ("NotFound", "The record was not found."),
    409: ("Conflict", "The record was changed by another user."),
    429: ("TooManyRequests", "Too many requests; try again later."),
    500: ("ConnectWiseApi", "An unexpected error occurred."),
    502: ("ConnectWiseApi", "Bad gateway."),
    503: ("ConnectWiseApi", "The service is unavailable."),
}
_STATUSES: list[dict[str, Any]] = [
    {"id": 1, "name": "New", "sort": 0},
    {"id": 2, "name": "In Progress", "sort": 1},
    {"id": 3, "name": "Waiting on Client", "sort": 2},
    {"id": 4, "name": "Resolved", "sort": 3},
    {"id": 5, "name": "Closed", "sort": 4},
]
_CLOSED_STATUSES = {"Closed"}
_PRIORITIES = {
    "critical": {"id": 1, "name": "Priority 1 - Critical", "sort": 1, "level": "High"},
    "high": {"id": 2, "name": "Priority 2 - High", "sort": 2, "level": "High"},
    "normal": {"id": 3, "name": "Priority 3 - Normal", "sort": 3, "level": "Medium"},
}
_BOARD = {"id": 1, "name": "Help Desk"}
_BOARDS: list[dict[str, Any]] = [
    {"id": 1, "name": "Help Desk", "inactiveFlag": False},
    {"id": 2, "name": "Escalations", "inactiveFlag": False},
    {"id": 3, "name": "Old Projects", "inactiveFlag": True},
]
# /service/boards/{id}/types: each board has its own ticket types.
_TYPES: list[dict[str, Any]] = [
    {"id": 11, "name": "Incident", "board": {"id": 1, "name": "Help Desk"}},
    {"id": 12, "name": "Service Request", "board": {"id": 1, "name": "Help Desk"}},
    {"id": 13, "name": "Problem", "board": {"id": 1, "name": "Help Desk"}},
    {"id": 21, "name": "Incident", "board": {"id": 2, "name": "Escalations"}},
]


class ConditionError(ValueError):
    pass


# --- conditions: `field op value` clauses, `and`/`or`, parentheses -------------------------

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<str>"(?:[^"\\]|\\.)*")
      | (?P<date>\[[^\]]*\])
      | (?P<op><=|>=|!=|<>|=|<|>)
      | (?P<punct>[(),])
      | (?P<num>-?\d+(?:\.\d+)?(?![\w/]))
      | (?P<word>[A-Za-z_][\w/.]*)
    )""",
    re.VERBOSE,
)
_WORD_OPS = {"contains", "like", "in", "not"}


def _tokens(source: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    pos = 0
    source = source.rstrip()
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None or match.end() == pos:
            raise ConditionError(f"unexpected text at {pos}: {source[pos : pos + 20]!r}")
        kind = match.lastgroup or ""
        found.append((kind, match.group(kind)))
        pos = match.end()
    return found


Clause = Callable[[dict[str, Any]], bool]


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokens(source)
        self.pos = 0

    def parse(self) -> Clause:
        clause = self._or()
        if self.pos != len(self.tokens):
            raise ConditionError(f"unexpected {self.tokens[self.pos][1]!r}")
        return clause

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _take(self) -> tuple[str, str]:
        token = self._peek()
        if token is None:
            raise ConditionError("condition ends too early")
        self.pos += 1
        return token

    def _keyword(self, word: str) -> bool:
        token = self._peek()
        if token and token[0] == "word" and token[1].lower() == word:
            self.pos += 1
            return True
        return False

    def _or(self) -> Clause:
        parts = [self._and()]
        while self._keyword("or"):
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else (lambda row: any(p(row) for p in parts))

    def _and(self) -> Clause:
        parts = [self._atom()]
        while self._keyword("and"):
            parts.append(self._atom())
        return parts[0] if len(parts) == 1 else (lambda row: all(p(row) for p in parts))

    def _atom(self) -> Clause:
        kind, value = self._take()
        if kind == "punct" and value == "(":
            inner = self._or()
            if self._take() != ("punct", ")"):
                raise ConditionError("missing )")
            return inner
        if kind != "word" or value.lower() in ("and", "or"):
            raise ConditionError(f"expected a field name, got {value!r}")
        field = value
        op_kind, op = self._take()
        if op_kind == "word" and op.lower() in _WORD_OPS:
            op = op.lower()
            if op == "not":
                nxt = self._take()
                if nxt[0] != "word" or nxt[1].lower() not in ("contains", "like", "in"):
                    raise ConditionError("expected contains, like or in after not")
                op = "not " + nxt[1].lower()
        elif op_kind != "op":
            raise ConditionError(f"expected an operator after {field}, got {op!r}")
        if op.endswith("in"):
            if self._take() != ("punct", "("):
                raise ConditionError("in needs a (list)")
            values = [self._value()]
            while self._peek() == ("punct", ","):
                self.pos += 1
                values.append(self._value())
            if self._take() != ("punct", ")"):
                raise ConditionError("missing ) after in list")
            return _clause(field, op, values)
        return _clause(field, op, self._value())

    def _value(self) -> Any:
        kind, raw = self._take()
        if kind == "str":
            return re.sub(r"\\(.)", r"\1", raw[1:-1])
        if kind == "num":
            return float(raw) if "." in raw else int(raw)
        if kind == "date":
            try:
                return datetime.fromisoformat(raw[1:-1].strip())
            except ValueError as exc:
                raise ConditionError(f"bad date {raw}") from exc
        if kind == "word" and raw.lower() in ("true", "false"):
            return raw.lower() == "true"
        if kind == "word" and raw.lower() == "null":
            return None
        raise ConditionError(f"expected a value, got {raw!r}")


def _resolve(row: Any, path: list[str]) -> list[Any]:
    """Every value at `path`; a list on the way (communicationItems) fans out."""
    if isinstance(row, list):
        return [v for item in row for v in _resolve(item, path)]
    if not path:
        return [row]
    if not isinstance(row, dict):
        return [None]
    key = next((k for k in row if k.lower() == path[0].lower()), None)
    return _resolve(row.get(key) if key else None, path[1:])


def _comparable(actual: Any, wanted: Any) -> tuple[Any, Any] | None:
    if actual is None or wanted is None:
        return None
    if isinstance(wanted, bool):
        return (actual, wanted) if isinstance(actual, bool) else None
    if isinstance(wanted, datetime):
        try:
            moment = datetime.fromisoformat(str(actual))
        except ValueError:
            return None
        if (moment.tzinfo is None) != (wanted.tzinfo is None):
            moment, wanted = moment.replace(tzinfo=UTC), wanted.replace(tzinfo=UTC)
        return moment, wanted
    if isinstance(wanted, (int, float)):
        try:
            return float(actual), float(wanted)
        except (TypeError, ValueError):
            return None
    return str(actual).lower(), str(wanted).lower()


def _test(actual: Any, op: str, wanted: Any) -> bool:
    if op in ("in", "not in"):
        hit = any(_test(actual, "=", w) for w in wanted)
        return hit if op == "in" else not hit
    if op in ("contains", "not contains", "like", "not like"):
        if actual is None or wanted is None:
            return False
        haystack, needle = str(actual).lower(), str(wanted).lower()
        if op.endswith("contains"):
            hit = needle in haystack
        else:
            hit = fnmatch.fnmatchcase(haystack, needle.replace("%", "*").replace("_", "?"))
        return hit if not op.startswith("not") else not hit
    if op in ("=", "!=", "<>") and wanted is None:
        return (actual is None) == (op == "=")
    pair = _comparable(actual, wanted)
    if pair is None:
        return op in ("!=", "<>")
    a, b = pair
    try:
        return bool(
            {
                "=": a == b,
                "!=": a != b,
                "<>": a != b,
                "<": a < b,
                ">": a > b,
                "<=": a <= b,
                ">=": a >= b,
            }[op]
        )
    except TypeError:
        return False


def _clause(field: str, op: str, wanted: Any) -> Clause:
    path = field.split("/")

    def clause(row: dict[str, Any]) -> bool:
        values = _resolve(row, path)
        if op.startswith("not ") or op in ("!=", "<>"):
            return all(_test(v, op, wanted) for v in values)
        return any(_test(v, op, wanted) for v in values)

    return clause


def parse_conditions(source: str) -> Clause:
    """ConnectWise's condition grammar, enough of it: raises ConditionError when unparseable."""
    if not source.strip():
        return lambda row: True
    return _Parser(source).parse()


# --- the server --------------------------------------------------------------------------


@dataclass
class _Fault:
    status: int
    count: int
    retry_after: int | None
    method: str | None
    path_contains: str | None
    message: str | None


class _Reply(Exception):
    """Raised inside a handler to answer with this response."""

    def __init__(self, response: Response) -> None:
        self.response = response


def _error(status: int, message: str | None = None, errors: Any = None, **headers: str) -> Response:
    code, default = _ERROR_CODES.get(status, ("ConnectWiseApi", "Error."))
    return JSONResponse(
        {"code": code, "message": message or default, "errors": errors},
        status_code=status,
        headers=headers or None,
    )


def _invalid(message: str, field: str | None = None, resource: str = "serviceNote") -> _Reply:
    errors = (
        [{"code": "InvalidField", "message": message, "resource": resource, "field": field}]
        if field
        else None
    )
    top = f"{resource} object is invalid" if field else message
    return _Reply(_error(400, top, errors))


def _ref(record: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: record[k] for k in ("id", *keys) if k in record}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class FakeConnectWise(LocalServer):
    vendor = "connectwise"

    def __init__(
        self,
        *,
        company_id: str = "acme",
        public_key: str = "pubkey123",
        private_key: str = "privkey456",
        client_id: str = CLIENT_ID,
        codebase: str = "v2025_1/",
        extra_members: int = 0,
    ) -> None:
        super().__init__()
        self.company_id = company_id
        self.public_key = public_key
        self.private_key = private_key
        self.client_id = client_id
        self.codebase = codebase.strip("/") + "/"
        self.extra_members = extra_members
        self._data = threading.RLock()
        self.reset()

    # --- public helpers for tests --------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"{self.url}/{self.codebase}apis/3.0"

    def credentials(self) -> dict[str, str]:
        """The provider config that signs in to this stand-in."""
        return {
            "base_url": self.base_url,
            "company_id": self.company_id,
            "public_key": self.public_key,
            "private_key": self.private_key,
            "client_id": self.client_id,
        }

    def reset(self) -> None:
        """Back to the seed data, no faults, no recorded requests."""
        with self._data, self._lock:
            self.requests.clear()
            self._faults: list[_Fault] = []
            self._stalls: list[float] = []
            self.down = False
            self.redirect_posts = False
            self.refused_statuses: set[str] = set()
            # Off: the API member's role may not create member tokens (acting as a member).
            self.impersonation_allowed = True
            self._member_tokens: dict[str, str] = {}  # Basic header -> member identifier
            self.time_entries: list[dict[str, Any]] = []
            self._ticket_stalls: list[float] = []
            self._seed()

    def add_ticket(self, **fields: Any) -> int:
        """Adds a ticket exactly as given (missing fields stay missing); returns its id."""
        with self._data:
            ticket_id = int(fields.pop("id", 0) or self._next_id())
            self._tickets[ticket_id] = {"id": ticket_id, **fields}
            return ticket_id

    def add_member(self, **fields: Any) -> int:
        """Adds a member exactly as given; returns its id."""
        with self._data:
            # Kept as given ("777" stays a string) to exercise permissive parsing.
            member_id = fields.pop("id", None) or self._next_id()
            self._members.append({"id": member_id, **fields})
            return int(member_id)

    def add_configuration(self, **fields: Any) -> int:
        """Adds a configuration exactly as given; returns its id. `reset()` removes it."""
        with self._data:
            config_id = int(fields.pop("id", 0) or self._next_id())
            self._configurations.append({"id": config_id, **fields})
            return config_id

    def ticket(self, ticket_id: int) -> dict[str, Any]:
        with self._data:
            return copy.deepcopy(self._tickets[int(ticket_id)])

    def notes(self, ticket_id: int) -> list[dict[str, Any]]:
        with self._data:
            return copy.deepcopy(self._notes.get(int(ticket_id), []))

    def fail_next(
        self,
        status: int,
        count: int = 1,
        retry_after: int | None = None,
        method: str | None = None,
        path_contains: str | None = None,
        message: str | None = None,
    ) -> None:
        """The next `count` matching API calls answer `status` with a ConnectWise error body."""
        with self._lock:
            self._faults.append(
                _Fault(
                    status, count, retry_after, method and method.upper(), path_contains, message
                )
            )

    def store_then_stall(self, seconds: float, count: int = 1) -> None:
        """The next note POSTs store the note, then wait `seconds` before answering."""
        with self._lock:
            self._stalls.extend([seconds] * count)

    def store_ticket_then_stall(self, seconds: float, count: int = 1) -> None:
        """The next ticket POSTs store the ticket, then wait `seconds` before answering."""
        with self._lock:
            self._ticket_stalls.extend([seconds] * count)

    def tickets(self) -> list[dict[str, Any]]:
        with self._data:
            return copy.deepcopy(list(self._tickets.values()))

    def api_requests(self) -> list[dict[str, Any]]:
        """Recorded calls to the API (not companyinfo), `path` relative to the API base."""
        prefix = f"/{self.codebase}apis/3.0"
        with self._lock:
            return [
                {**r, "path": r["path"][len(prefix) :]}
                for r in self.requests
                if r["path"].startswith(prefix + "/")
            ]

    # --- seed data -----------------------------------------------------------------------

    def _next_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def _seed(self) -> None:
        self._last_id = 10000
        acme = {"id": 250, "identifier": "AcmeCorp", "name": "Acme Corporation"}
        globex = {"id": 251, "identifier": "Globex", "name": "Globex Ltd"}
        self._companies = [
            {
                **acme,
                "status": {"id": 1, "name": "Active"},
                "city": "Springfield",
                "phoneNumber": "5550100",
                "website": "acme-corp.test",
                "deletedFlag": False,
            },
            {
                **globex,
                "status": {"id": 1, "name": "Active"},
                "city": "Cypress Creek",
                "phoneNumber": "5550200",
                "deletedFlag": False,
            },
        ]
        jane = {
            "id": 301,
            "firstName": "Jane",
            "lastName": "Doe",
            "company": acme,
            "title": "Office Manager",
            "inactiveFlag": False,
            "communicationItems": [
                {
                    "id": 1,
                    "type": {"id": 1, "name": "Email"},
                    "value": "jane.doe@acme-corp.test",
                    "defaultFlag": True,
                    "communicationType": "Email",
                }
            ],
        }
        hank = {
            "id": 302,
            "firstName": "Hank",
            "lastName": "Scorpio",
            "company": globex,
            "inactiveFlag": False,
            "communicationItems": [
                {
                    "id": 2,
                    "type": {"id": 1, "name": "Email"},
                    "value": "hank@globex.test",
                    "defaultFlag": True,
                    "communicationType": "Email",
                }
            ],
        }
        self._contacts = [jane, hank]

        def contact_fields(contact: dict[str, Any]) -> dict[str, Any]:
            name = f"{contact['firstName']} {contact['lastName']}"
            return {
                "contact": {"id": contact["id"], "name": name},
                "contactName": name,
                "contactEmailAddress": contact["communicationItems"][0]["value"],
            }

        def ticket(
            ticket_id: int,
            summary: str,
            status: str,
            company: dict[str, Any],
            contact: dict[str, Any],
            priority: str,
        ) -> dict[str, Any]:
            return {
                "id": ticket_id,
                "summary": summary,
                "recordType": "ServiceTicket",
                "board": dict(_BOARD),
                "status": self._status(status),
                "company": dict(company),
                **contact_fields(contact),
                "priority": dict(_PRIORITIES[priority]),
                "severity": "Medium",
                "impact": "Medium",
                "closedFlag": status in _CLOSED_STATUSES,
                "dateEntered": f"2026-01-{ticket_id - 1000:02d}T09:00:00Z",
                "_info": {"lastUpdated": f"2026-01-{ticket_id - 1000:02d}T09:30:00Z"},
            }

        self._tickets: dict[int, dict[str, Any]] = {
            t["id"]: t
            for t in (
                ticket(1001, "Outlook will not start after update", "New", acme, jane, "high"),
                ticket(
                    1002, "VPN disconnects every 10 minutes", "In Progress", globex, hank, "normal"
                ),
                ticket(1003, "Printer on 2nd floor offline", "New", acme, jane, "normal"),
                ticket(1004, "Password reset for new starter", "Closed", acme, jane, "normal"),
                ticket(
                    1005, "Laptop battery not charging", "Waiting on Client", acme, jane, "critical"
                ),
            )
        }
        self._configurations = [
            {
                "id": 501,
                "name": "ACME-LT-0042",
                "type": {"id": 1, "name": "Laptop"},
                "status": {"id": 1, "name": "Active"},
                "company": dict(acme),
                "contact": {"id": 301, "name": "Jane Doe"},
                "deviceIdentifier": "ACME-LT-0042",
                "serialNumber": "5CG1234XYZ",
                "modelNumber": "EliteBook 840 G8",
                "macAddress": "3C:52:82:11:22:33",
                "ipAddress": "10.0.4.42",
                "osType": "Windows 11 Pro",
                "osInfo": "23H2 (22631.3447)",
                "activeFlag": True,
            },
            {
                "id": 502,
                "name": "ACME-FW-01",
                "type": {"id": 2, "name": "Firewall"},
                "status": {"id": 1, "name": "Active"},
                "company": dict(acme),
                "deviceIdentifier": "ACME-FW-01",
                "serialNumber": "FGT60F0000001234",
                "ipAddress": "10.0.0.1",
                "osType": "FortiOS 7.4.3",
                "activeFlag": True,
            },
        ]
        self._ticket_configs: dict[int, list[int]] = {1001: [501, 502]}
        self._members: list[dict[str, Any]] = [
            {
                "id": 150,
                "identifier": "rfapi",
                "firstName": "ResolutionFlow",
                "licenseClass": "A",
                "inactiveFlag": False,
            },
            {
                "id": 151,
                "identifier": "aadmin",
                "firstName": "Alex",
                "lastName": "Admin",
                "licenseClass": "F",
                "inactiveFlag": False,
                "primaryEmail": "admin@acme.example",
                "officeEmail": "alex.admin@msp.test",
                "defaultEmail": "Office",
            },
            {
                "id": 152,
                "identifier": "eengineer",
                "firstName": "Erin",
                "lastName": "Engineer",
                "licenseClass": "F",
                "inactiveFlag": False,
                "primaryEmail": "engineer@acme.example",
            },
            {
                "id": 153,
                "identifier": "ssuper",
                "firstName": "Sam",
                "lastName": "Super",
                "licenseClass": "F",
                "inactiveFlag": False,
                "officeEmail": "super@acme.example",
            },
            {
                "id": 154,
                "identifier": "oleft",
                "firstName": "Olive",
                "lastName": "Left",
                "licenseClass": "F",
                "inactiveFlag": True,
                "primaryEmail": "olive.left@msp.test",
            },
        ]
        for i in range(1, self.extra_members + 1):
            self._members.append(
                {
                    "id": 1000 + i,
                    "identifier": f"tech{i:03d}",
                    "firstName": "Tech",
                    "lastName": f"Number{i}",
                    "licenseClass": "F",
                    "inactiveFlag": i % 10 == 0,  # some inactive ones spread across pages
                    "primaryEmail": f"tech{i:03d}@msp.test",
                }
            )
        self._notes: dict[int, list[dict[str, Any]]] = {
            1001: [
                {
                    "id": 9001,
                    "ticketId": 1001,
                    "text": "Outlook crashes right after the splash screen since Tuesday's update.",
                    "detailDescriptionFlag": True,
                    "internalAnalysisFlag": False,
                    "resolutionFlag": False,
                    "processNotifications": False,
                    "member": {"id": 150, "identifier": "rfapi", "name": "ResolutionFlow"},
                    "contact": {"id": 301, "name": "Jane Doe"},
                    "dateCreated": "2026-01-01T09:00:00Z",
                    "createdBy": "rfapi",
                    "internalFlag": False,
                    "externalFlag": True,
                }
            ]
        }

    @staticmethod
    def _status(name: str) -> dict[str, Any]:
        found = next((s for s in _STATUSES if s["name"].lower() == name.lower()), None)
        return dict(found) if found else {"id": 99, "name": name}

    # --- HTTP ----------------------------------------------------------------------------

    def routes(self) -> Sequence[BaseRoute]:
        methods = ["GET", "POST", "PATCH", "PUT", "DELETE"]
        return [Route("/{path:path}", self._handle, methods=methods)]

    def _basic(self) -> str:
        raw = f"{self.company_id}+{self.public_key}:{self.private_key}".encode()
        return "Basic " + base64.b64encode(raw).decode()

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.method and fault.method != method:
                    continue
                if fault.path_contains and fault.path_contains not in path:
                    continue
                fault.count -= 1
                if fault.count <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    async def _handle(self, request: Request) -> Response:
        entry = await self._record(request)
        path = request.url.path
        if request.method == "GET" and path.startswith("/login/companyinfo/"):
            return self._companyinfo(path.rsplit("/", 1)[-1])
        prefix = f"/{self.codebase}apis/3.0"
        if not path.startswith(prefix + "/"):
            return HTMLResponse(
                "<html><head><title>404 - Not Found</title></head>"
                "<body><h1>Server Error</h1><p>404 - File or directory not found.</p></body></html>",
                status_code=404,
            )
        api_path = path[len(prefix) :].rstrip("/")
        if self.down:
            return _error(503)
        if self.redirect_posts and request.method == "POST":
            return Response(status_code=302, headers={"Location": f"{self.url}/elsewhere{path}"})
        fault = self._take_fault(request.method, api_path)
        if fault is not None:
            headers = (
                {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
            )
            return _error(fault.status, fault.message, **headers)
        headers = entry["headers"]
        auth = headers.get("authorization") or ""
        with self._lock:
            author = "rfapi" if auth == self._basic() else self._member_tokens.get(auth)
        if author is None:
            return _error(401, "Authentication failed: the API keys are not valid.")
        if headers.get("clientid") != self.client_id:
            return _error(401, "clientId header is required")
        try:
            return await self._dispatch(request, api_path, entry.get("json"), author)
        except _Reply as reply:
            return reply.response

    def _companyinfo(self, company: str) -> Response:
        if company.lower() != self.company_id.lower():
            return JSONResponse(None)
        return JSONResponse(
            {
                "CompanyName": "Demo MSP",
                "Codebase": self.codebase,
                "VersionCode": "v2025.1",
                "VersionNumber": VERSION,
                "CompanyID": self.company_id,
                "IsCloud": False,
                "SiteUrl": f"127.0.0.1:{self.port}",
                "AllowAnonymousAccess": False,
            }
        )

    async def _dispatch(
        self, request: Request, path: str, body: Any, author: str = "rfapi"
    ) -> Response:
        method = request.method
        segments = path.strip("/").split("/")
        note: dict[str, Any] | None = None
        stall: float | None = None
        with self._data:
            if method == "POST" and len(segments) == 4 and segments[:2] == ["system", "members"]:
                if segments[3] != "tokens":
                    raise _Reply(_error(404, f"No route for {method} {path}."))
                return self._member_token(request, segments[2], author)
            if method == "GET" and path == "/system/info":
                return JSONResponse(
                    {
                        "version": VERSION,
                        "isCloud": False,
                        "serverTimeZone": "Eastern Standard Time",
                        "cloudRegion": "NA",
                    }
                )
            collection = self._collection(segments)
            if collection is not None and method == "GET":
                rows, count_only = collection
                return self._list(request, rows, count_only=count_only)
            if segments == ["service", "tickets"] and method == "POST":
                note = self._create_ticket(body, author)
                stall = self._ticket_stalls.pop(0) if self._ticket_stalls else None
            elif segments[:2] == ["service", "tickets"] and len(segments) >= 3:
                ticket = self._find_ticket(segments[2])
                if len(segments) == 3 and method == "GET":
                    return JSONResponse(ticket)
                if len(segments) == 3 and method in ("PATCH", "PUT"):
                    return JSONResponse(self._patch_ticket(ticket, body))
                if segments[3:4] == ["notes"] and len(segments) == 5 and method == "GET":
                    return JSONResponse(self._find(self._notes.get(ticket["id"], []), segments[4]))
                if segments[3:] == ["notes"] and method == "POST":
                    note = self._add_note(ticket, body, author)
                    stall = self._stalls.pop(0) if self._stalls else None
                else:
                    raise _Reply(_error(404, f"No route for {method} {path}."))
            elif (
                segments[:2] in (["company", "companies"], ["company", "contacts"])
                and len(segments) == 3
            ):
                rows = self._companies if segments[1] == "companies" else self._contacts
                return JSONResponse(self._find(rows, segments[2]))
            elif segments[:2] == ["company", "configurations"] and len(segments) == 3:
                return JSONResponse(self._find(self._configurations, segments[2]))
            elif segments[:2] == ["system", "members"] and len(segments) == 3:
                member = next(
                    (m for m in self._members if m.get("identifier") == segments[2]), None
                )
                return JSONResponse(member or self._find(self._members, segments[2]))
            elif path == "/time/entries" and method == "POST":
                return JSONResponse(self._add_time_entry(body), status_code=201)
            else:
                raise _Reply(_error(404, f"No route for {method} {path}."))
        # A note POST that stores, then answers late: the client times out after the store.
        if stall is not None:
            await self._pause(stall)
        return JSONResponse(note, status_code=201)

    def _collection(self, segments: list[str]) -> tuple[list[dict[str, Any]], bool] | None:
        count_only = segments[-1] == "count"
        key = segments[:-1] if count_only else segments
        if key == ["service", "tickets"]:
            return list(self._tickets.values()), count_only
        if key == ["company", "companies"]:
            return self._companies, count_only
        if key == ["company", "contacts"]:
            return self._contacts, count_only
        if key == ["company", "configurations"]:
            return self._configurations, count_only
        if key == ["system", "members"]:
            return self._members, count_only
        if key == ["service", "boards"]:
            return _BOARDS, count_only
        if key == ["service", "priorities"]:
            return list(_PRIORITIES.values()), count_only
        if len(key) == 4 and key[:2] == ["service", "boards"] and key[3] in ("types", "statuses"):
            board = self._find(_BOARDS, key[2])
            if key[3] == "statuses":
                return [{**s, "board": _ref(board, "name")} for s in _STATUSES], count_only
            return [t for t in _TYPES if t["board"]["id"] == board["id"]], count_only
        if len(key) == 4 and key[:2] == ["service", "tickets"]:
            ticket = self._find_ticket(key[2])
            if key[3] == "notes":
                return self._notes.get(ticket["id"], []), count_only
            if key[3] == "allNotes" and not count_only:
                return [self._all_note(ticket, n) for n in self._notes.get(ticket["id"], [])], False
            if key[3] == "configurations" and not count_only:
                refs = [
                    {
                        "id": c["id"],
                        "deviceIdentifier": c.get("deviceIdentifier", ""),
                        "_info": {
                            "configuration_href": f"{self.base_url}/company/configurations/{c['id']}"
                        },
                    }
                    for c in self._configurations
                    if c["id"] in self._ticket_configs.get(ticket["id"], [])
                ]
                return refs, False
        return None

    @staticmethod
    def _all_note(ticket: dict[str, Any], note: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": note["id"],
            "noteType": "TicketNote",
            "ticket": {"id": ticket["id"], "summary": ticket.get("summary", "")},
            "text": note.get("text", ""),
            "detailDescriptionFlag": note.get("detailDescriptionFlag", False),
            "internalAnalysisFlag": note.get("internalAnalysisFlag", False),
            "resolutionFlag": note.get("resolutionFlag", False),
            "timeStart": note.get("dateCreated"),
            "member": note.get("member"),
        }

    def _list(self, request: Request, rows: list[dict[str, Any]], *, count_only: bool) -> Response:
        query = request.query_params
        try:
            keep = parse_conditions(query.get("conditions", ""))
            child = parse_conditions(query.get("childConditions", ""))
        except ConditionError as exc:
            return _error(400, f"The conditions are not valid: {exc}")
        selected = [copy.deepcopy(r) for r in rows if keep(r) and child(r)]
        if count_only:
            return JSONResponse({"count": len(selected)})
        for part in reversed([p.strip() for p in query.get("orderBy", "").split(",") if p.strip()]):
            field, _, direction = part.partition(" ")
            present = [r for r in selected if _resolve(r, field.split("/"))[0] is not None]
            missing = [r for r in selected if _resolve(r, field.split("/"))[0] is None]
            present.sort(
                key=_order_key(field),
                reverse=direction.strip().lower() == "desc",
            )
            selected = missing + present
        try:
            page = int(query.get("page", "1"))
            size = int(query.get("pageSize", "25"))
        except ValueError:
            return _error(400, "page and pageSize must be whole numbers.")
        if size > 1000:
            return _error(400, "pageSize cannot be greater than 1000.")
        if page < 1 or size < 1:
            return _error(400, "page and pageSize must be positive.")
        last = max(1, -(-len(selected) // size))
        here = f"{self.url}{request.url.path}"

        def link(number: int, rel: str) -> str:
            # Like ConnectWise: only page and pageSize, the filter is not carried over.
            return f'<{here}?pageSize={size}&page={number}>; rel="{rel}"'

        links = []
        if page < last:
            links += [link(page + 1, "next"), link(last, "last")]
        if page > 1:
            links += [link(1, "first"), link(page - 1, "prev")]
        headers = {"Link": ", ".join(links)} if links else {}
        start = (page - 1) * size
        return JSONResponse(selected[start : start + size], headers=headers)

    @staticmethod
    def _find(rows: list[dict[str, Any]], raw_id: str) -> dict[str, Any]:
        if not raw_id.isdigit():
            raise _Reply(_error(400, f"'{raw_id}' is not a valid id."))
        found = next((r for r in rows if str(r.get("id")) == str(int(raw_id))), None)
        if found is None:
            raise _Reply(_error(404, f"Record with id {raw_id} was not found."))
        return found

    def _find_ticket(self, raw_id: str) -> dict[str, Any]:
        if not raw_id.isdigit():
            raise _Reply(_error(400, f"'{raw_id}' is not a valid ticket id."))
        ticket = self._tickets.get(int(raw_id))
        if ticket is None:
            raise _Reply(_error(404, f"Ticket with id {raw_id} was not found."))
        return ticket

    def _member_ref(self, value: Any, resource: str) -> dict[str, Any]:
        identifier = value.get("identifier") if isinstance(value, dict) else None
        member_id = value.get("id") if isinstance(value, dict) else None
        found = next(
            (
                m
                for m in self._members
                if (identifier is not None and m.get("identifier") == identifier)
                or (member_id is not None and m.get("id") == member_id)
            ),
            None,
        )
        if found is None:
            raise _invalid(
                f"The member {identifier or member_id!r} was not found.", "member", resource
            )
        name = " ".join(n for n in (found.get("firstName"), found.get("lastName")) if n)
        return {"id": found["id"], "identifier": found["identifier"], "name": name}

    def _patch_ticket(self, ticket: dict[str, Any], body: Any) -> dict[str, Any]:
        if not isinstance(body, list):
            raise _invalid("The request body must be a list of patch operations.")
        for op in body:
            if not isinstance(op, dict) or op.get("op") not in ("replace", "add"):
                raise _invalid("Only replace operations are supported.")
            field = str(op.get("path", "")).strip("/")
            value = op.get("value")
            if field != "status":
                ticket[field] = value
                continue
            wanted = next(
                (
                    s
                    for s in _STATUSES
                    if isinstance(value, dict)
                    and (
                        str(value.get("name", "")).lower() == s["name"].lower()
                        or value.get("id") == s["id"]
                    )
                ),
                None,
            )
            if wanted is None:
                raise _invalid(f"The status {value!r} was not found.", "status", "ticket")
            if wanted["name"] in self.refused_statuses:
                continue  # a workflow rule said no; ConnectWise still answers 200
            ticket["status"] = dict(wanted)
            ticket["closedFlag"] = wanted["name"] in _CLOSED_STATUSES
        ticket.setdefault("_info", {})["lastUpdated"] = _now()
        return ticket

    def _member_token(self, request: Request, identifier: str, author: str) -> Response:
        """POST /system/members/{identifier}/tokens: temporary keys to act as that member."""
        if author != "rfapi":
            return _error(403, "Only the API member may create member tokens.")
        if request.headers.get("x-cw-usertype") != "member":
            raise _invalid("The x-cw-usertype header must be 'member'.", "x-cw-usertype", "token")
        if not self.impersonation_allowed:
            return _error(
                403, "You do not have permission to create member tokens (System > Members)."
            )
        found = next(
            (
                m
                for m in self._members
                if m.get("identifier") == identifier and not m.get("inactiveFlag")
            ),
            None,
        )
        if found is None:
            return _error(404, f"Member {identifier!r} was not found.")
        public, private = f"tmp{self._next_id()}", base64.b32encode(os.urandom(10)).decode()
        raw = f"{self.company_id}+{public}:{private}".encode()
        with self._lock:
            self._member_tokens["Basic " + base64.b64encode(raw).decode()] = identifier
        return JSONResponse(
            {"publicKey": public, "privateKey": private, "expiration": "2099-01-01T00:00:00Z"}
        )

    def _add_note(self, ticket: dict[str, Any], body: Any, author: str = "rfapi") -> dict[str, Any]:
        if not isinstance(body, dict):
            raise _invalid("serviceNote object is invalid")
        note_text = body.get("text")
        if not isinstance(note_text, str) or not note_text.strip():
            raise _invalid("The text field is required.", "text")
        flags = ("detailDescriptionFlag", "internalAnalysisFlag", "resolutionFlag")
        if not any(body.get(f) is True for f in flags):
            raise _Reply(
                _error(
                    400, "Please choose where to display the notes in order to save this record."
                )
            )
        if author != "rfapi":  # signed in with a member token: the note is that member's
            member = self._member_ref({"identifier": author}, "serviceNote")
        elif body.get("member") is not None:
            member = self._member_ref(body["member"], "serviceNote")
        else:
            member = {"id": 150, "identifier": "rfapi", "name": "ResolutionFlow"}
        note = {
            "id": self._next_id(),
            "ticketId": ticket["id"],
            "text": note_text,
            **{f: body.get(f) is True for f in flags},
            # Assumed default when the field is left out: ConnectWise notifies (hence our False).
            "processNotifications": body.get("processNotifications", True),
            "member": member,
            "dateCreated": _now(),
            "createdBy": author,
            "internalFlag": body.get("internalAnalysisFlag") is True,
            "externalFlag": body.get("detailDescriptionFlag") is True
            or body.get("resolutionFlag") is True,
        }
        self._notes.setdefault(ticket["id"], []).append(note)
        return note

    def _reference(
        self, rows: list[dict[str, Any]], value: Any, field: str, *keys: str
    ) -> dict[str, Any]:
        wanted = value.get("id") if isinstance(value, dict) else None
        found = next((r for r in rows if wanted is not None and r.get("id") == wanted), None)
        if found is None:
            raise _invalid(f"The {field} {wanted!r} was not found.", field, "ticket")
        return _ref(found, *keys)

    def _create_ticket(self, body: Any, author: str = "rfapi") -> dict[str, Any]:
        """POST /service/tickets: summary and company are required; the board defaults to the
        service board set as default (Help Desk); initialDescription becomes the first note."""
        if not isinstance(body, dict):
            raise _invalid("ticket object is invalid")
        summary = body.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            raise _invalid("The summary field is required.", "summary", "ticket")
        if len(summary) > 100:
            raise _invalid("summary cannot be longer than 100 characters.", "summary", "ticket")
        if body.get("company") is None:
            raise _invalid("The company field is required.", "company", "ticket")
        company = self._reference(self._companies, body["company"], "company", "identifier", "name")
        board = (
            self._reference(_BOARDS, body["board"], "board", "name")
            if body.get("board") is not None
            else dict(_BOARD)
        )
        priority = (
            self._reference(list(_PRIORITIES.values()), body["priority"], "priority", "name")
            if body.get("priority") is not None
            else {"id": 3, "name": "Priority 3 - Normal"}
        )
        ticket: dict[str, Any] = {
            "id": self._next_id(),
            "summary": summary.strip(),
            "recordType": "ServiceTicket",
            "board": board,
            "status": self._status("New"),
            "company": company,
            "priority": priority,
            "severity": "Medium",
            "impact": "Medium",
            "closedFlag": False,
            "dateEntered": _now(),
            "enteredBy": author,
            "_info": {"lastUpdated": _now()},
        }
        if body.get("type") is not None:
            types = [t for t in _TYPES if t["board"]["id"] == board["id"]]
            ticket["type"] = self._reference(types, body["type"], "type", "name")
        if body.get("contact") is not None:
            contact = self._reference(self._contacts, body["contact"], "contact")
            found = next(c for c in self._contacts if c["id"] == contact["id"])
            name = f"{found['firstName']} {found['lastName']}"
            ticket["contact"] = {"id": found["id"], "name": name}
            ticket["contactName"] = name
            ticket["contactEmailAddress"] = found["communicationItems"][0]["value"]
        if body.get("owner") is not None:
            ticket["owner"] = self._member_ref(body["owner"], "ticket")
        xref = body.get("externalXRef")
        if xref is not None:
            if not isinstance(xref, str) or len(xref) > 100:
                raise _invalid(
                    "externalXRef cannot be longer than 100 characters.", "externalXRef", "ticket"
                )
            ticket["externalXRef"] = xref
        self._tickets[ticket["id"]] = ticket
        description = body.get("initialDescription")
        if isinstance(description, str) and description.strip():
            self._add_note(ticket, {"text": description, "detailDescriptionFlag": True}, author)
        return copy.deepcopy(ticket)

    def _add_time_entry(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise _invalid("timeEntry object is invalid")
        if body.get("chargeToType") != "ServiceTicket":
            raise _invalid("chargeToType must be ServiceTicket here.", "chargeToType", "timeEntry")
        charge_to = body.get("chargeToId")
        if not isinstance(charge_to, int) or charge_to not in self._tickets:
            raise _invalid(f"Ticket {charge_to!r} was not found.", "chargeToId", "timeEntry")
        for key in ("timeStart", "timeEnd"):
            try:
                datetime.fromisoformat(str(body.get(key)))
            except ValueError:
                raise _invalid(f"{key} is not a valid date.", key, "timeEntry") from None
        member = (
            self._member_ref(body["member"], "timeEntry")
            if body.get("member") is not None
            else {"id": 150, "identifier": "rfapi", "name": "ResolutionFlow"}
        )
        entry = {**body, "id": self._next_id(), "member": member, "dateEntered": _now()}
        self.time_entries.append(entry)
        return entry


def _order_key(field: str) -> Callable[[dict[str, Any]], tuple[int, Any]]:
    path = field.split("/")
    return lambda row: _sort_key(_resolve(row, path)[0])


def _sort_key(value: Any) -> tuple[int, Any]:
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, (int, float)):
        return (0, value)
    return (1, str(value).lower())


def main(argv: list[str] | None = None) -> None:
    import uvicorn
    from starlette.applications import Starlette

    parser = argparse.ArgumentParser(description="A local ConnectWise PSA stand-in.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--extra-members", type=int, default=0)
    args = parser.parse_args(argv)
    server = FakeConnectWise(extra_members=args.extra_members)
    server.port = args.port
    print(json.dumps(server.credentials(), indent=2))
    print(f"discover: site {server.url}, company {server.company_id}")
    uvicorn.run(Starlette(routes=list(server.routes())), host="127.0.0.1", port=args.port)


if __name__ == "__main__":
    main()
