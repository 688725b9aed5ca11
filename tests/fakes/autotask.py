"""A local stand-in for the Autotask REST API, speaking its wire format, seeded with a tenant.

    with FakeAutotask() as srv:      # config: autotask_config(srv) (discovery_url=srv.url)
        srv.fail_next(429, retry_after=1)   # the next API call(s) fail with that status
        srv.down = True                     # every call answers 503
        srv.notes(5001)                     # notes stored on ticket 5001, every field
        srv.requests                        # every request: method, path, query, headers, json

Zone discovery (`/atservicesrest/v1.0/zoneInformation?user=`, no auth, bare 500 for an
unknown user) points at this same server. Every `/atservicesrest/V1.0/...` call must carry the
ApiIntegrationCode, UserName and Secret headers (401 otherwise). Records come back as
`{"item": ...}` (null when unknown), queries as `{"items", "pageDetails": {"nextPageUrl"}}`
with `MaxRecords` paging (`page_size` caps a page further, to exercise paging), and
business-rule failures as 500 `{"errors": [...]}`, as Autotask does.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import secrets
from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from tests.fakes.local_server import LocalServer

USERNAME = "rf-api@contoso.example"
SECRET = "at-secret-0123456789SECRET"
INTEGRATION_CODE = "TRACKINGID0123456789CODE"
API_RESOURCE_ID = 29682800  # the API-only user's own resource
ENGINEER_ID = 29682885
ADMIN_ID = 29682886

_PICKLISTS: dict[str, dict[str, dict[int, str]]] = {
    "Tickets": {
        "status": {1: "New", 5: "Complete", 7: "Waiting Customer", 8: "In Progress"},
        "priority": {1: "High", 2: "Medium", 3: "Low", 4: "Critical"},
        "queueID": {29682833: "Level I Support", 29682834: "Level II Support"},
        "ticketType": {1: "Service Request", 2: "Incident", 3: "Problem", 4: "Change Request"},
    },
    "TicketNotes": {
        "noteType": {1: "Task Summary", 2: "Task Detail", 3: "Task Notes"},
        "publish": {1: "All Autotask Users", 2: "Internal Only", 4: "Internal & Co-Managed"},
    },
    "ConfigurationItems": {"configurationItemType": {1: "Workstation", 2: "Server"}},
}


def _seed() -> dict[str, dict[int, dict[str, Any]]]:
    return {
        "Companies": {
            101: {"id": 101, "companyName": "Contoso Dental", "isActive": True},
            102: {"id": 102, "companyName": "Fabrikam Legal", "isActive": True},
        },
        "Contacts": {
            201: {
                "id": 201,
                "companyID": 101,
                "firstName": "Dana",
                "lastName": "Whitfield",
                "emailAddress": "dana@contoso-dental.example",
            },
        },
        "ConfigurationItems": {
            301: {
                "id": 301,
                "companyID": 101,
                "referenceTitle": "CD-FRONTDESK-01",
                "serialNumber": "5CG1234XYZ",
                "configurationItemType": 1,
                "rmmDeviceAuditIPAddress": "10.0.0.21",
                "rmmDeviceAuditOperatingSystem": "Windows 11 Pro",
                "isActive": True,
            },
            302: {"id": 302, "companyID": 101, "referenceTitle": "CD-NAS-01", "isActive": True},
        },
        "Tickets": {
            5001: {
                "id": 5001,
                "ticketNumber": "T20261120.0001",
                "title": "Outlook keeps asking for password",
                "description": "Since this morning, on the front desk PC.",
                "status": 1,
                "priority": 2,
                "queueID": 29682833,
                "companyID": 101,
                "contactID": 201,
                "configurationItemID": 301,
            },
            5002: {
                "id": 5002,
                "ticketNumber": "T20261121.0002",
                "title": "VPN drops every hour",
                "status": 8,
                "priority": 1,
                "queueID": 29682834,
                "companyID": 102,
                "contactID": None,
                "configurationItemID": None,
            },
            5003: {
                "id": 5003,
                "ticketNumber": "T20261101.0003",
                "title": "Printer offline",
                "status": 5,
                "priority": 3,
                "queueID": 29682833,
                "companyID": 101,
            },
        },
        "Resources": {
            API_RESOURCE_ID: {
                "id": API_RESOURCE_ID,
                "userName": USERNAME,
                "firstName": "ResolutionFlow",
                "lastName": "API",
                "email": USERNAME,
                "isActive": True,
                "licenseType": 7,
            },
            ENGINEER_ID: {
                "id": ENGINEER_ID,
                "userName": "eengineer",
                "firstName": "Erin",
                "lastName": "Engineer",
                "email": "engineer@acme.example",
                "email2": "engineer@demo.resolutionflow.test",
                "isActive": True,
            },
            ADMIN_ID: {
                "id": ADMIN_ID,
                "userName": "aadmin",
                "firstName": "Alex",
                "lastName": "Admin",
                "email": "",  # only a secondary address: email2 is used
                "email2": "admin@acme.example",
                "isActive": True,
            },
            29682887: {
                "id": 29682887,
                "userName": "demo.engineer",
                "firstName": "Demo",
                "lastName": "Engineer",
                "email": "engineer@demo.resolutionflow.test",
                "isActive": True,
            },
            29682888: {
                "id": 29682888,
                "userName": "demo.admin",
                "firstName": "Demo",
                "lastName": None,
                "email3": "admin@demo.resolutionflow.test",
                "isActive": True,
            },
            29682889: {
                "id": 29682889,
                "userName": "former",
                "firstName": "Former",
                "lastName": "Tech",
                "email": "former@acme.example",
                "isActive": False,
            },
        },
        "TicketNotes": {
            9001: {
                "id": 9001,
                "ticketID": 5001,
                "title": "Ticket logged",
                "description": "Customer called in.",
                "noteType": 1,
                "publish": 1,
                "creatorResourceID": ENGINEER_ID,
                "createDateTime": "2026-11-20T09:00:00Z",
            },
        },
    }


def _field(record: dict[str, Any], name: str) -> Any:
    """Autotask field names are case-insensitive."""
    lowered = name.lower()
    for key, value in record.items():
        if key.lower() == lowered:
            return value
    return None


def _norm(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value.lower() if isinstance(value, str) else value


def _matches(record: dict[str, Any], condition: dict[str, Any]) -> bool:
    op = str(condition.get("op", "")).lower()
    if op in ("and", "or"):
        items = [c for c in condition.get("items") or [] if isinstance(c, dict)]
        results = [_matches(record, c) for c in items]
        return any(results) if op == "or" else all(results)
    actual = _field(record, str(condition.get("field", "")))
    value = condition.get("value")
    if op == "eq":
        return bool(_norm(actual) == _norm(value))
    if op == "noteq":
        return bool(_norm(actual) != _norm(value))
    if op == "contains":
        return str(value).lower() in str(actual or "").lower()
    if op == "beginswith":
        return str(actual or "").lower().startswith(str(value).lower())
    if op == "in":
        return isinstance(value, list) and _norm(actual) in [_norm(v) for v in value]
    if op in ("gt", "gte", "lt", "lte"):
        if actual is None:
            return False
        a, b = _norm(actual), _norm(value)
        return bool({"gt": a > b, "gte": a >= b, "lt": a < b, "lte": a <= b}[op])
    if op == "exist":
        return actual not in (None, "")
    if op == "notexist":
        return actual in (None, "")
    raise ValueError(f"unknown op {op!r}")


class FakeAutotask(LocalServer):
    vendor = "autotask"

    def __init__(self) -> None:
        super().__init__()
        self.reset()

    def reset(self) -> None:
        """Back to the seeded tenant: data, credentials, failures, paging and the request log."""
        with self._lock:
            self.requests.clear()
            self.data = _seed()
            self.picklists = copy.deepcopy(_PICKLISTS)
            self.username = USERNAME
            self.secret = SECRET
            self.integration_code = INTEGRATION_CODE
            self.page_size = 500
            self.require_titles = True  # "Require titles on ticket notes"
            self.down = False
            self._failures: list[tuple[int, float | None]] = []
            self._cursors: dict[str, tuple[list[dict[str, Any]], int]] = {}
            self._ids = itertools.count(9100)

    # -- helpers for tests -----------------------------------------------------------------

    def fail_next(self, status: int, count: int = 1, retry_after: float | None = None) -> None:
        """The next `count` authenticated API calls answer `status` (with Retry-After)."""
        with self._lock:
            self._failures.extend([(status, retry_after)] * count)

    def notes(self, ticket_id: int) -> list[dict[str, Any]]:
        return [n for n in self.data["TicketNotes"].values() if n.get("ticketID") == ticket_id]

    @property
    def tickets(self) -> dict[int, dict[str, Any]]:
        return self.data["Tickets"]

    @property
    def api_requests(self) -> list[dict[str, Any]]:
        """Requests to the REST API proper (zone discovery left out)."""
        return [r for r in self.requests if "/V1.0/" in r["path"]]

    # -- wire --------------------------------------------------------------------------------

    def routes(self) -> Sequence[BaseRoute]:
        api = "/atservicesrest/V1.0"
        return [
            Route("/atservicesrest/v1.0/zoneInformation", self._zone, methods=["GET"]),
            Route(f"{api}/{{entity}}/entityInformation", self._entity_info, methods=["GET"]),
            Route(f"{api}/{{entity}}/entityInformation/fields", self._fields, methods=["GET"]),
            Route(f"{api}/{{entity}}/query", self._query, methods=["POST"]),
            Route(f"{api}/{{entity}}/query/next", self._next, methods=["GET"]),
            Route(f"{api}/Tickets/{{ticket_id:int}}/Notes", self._list_notes, methods=["GET"]),
            Route(f"{api}/Tickets/{{ticket_id:int}}/Notes", self._create_note, methods=["POST"]),
            Route(f"{api}/Tickets", self._create_ticket, methods=["POST"]),
            Route(f"{api}/{{entity}}/{{record_id:int}}", self._get, methods=["GET"]),
        ]

    @staticmethod
    def _errors(status: int, *messages: str, headers: dict[str, str] | None = None) -> Response:
        return JSONResponse({"errors": list(messages)}, status_code=status, headers=headers)

    async def _zone(self, request: Request) -> Response:
        await self._record(request)
        if self.down:
            return Response(status_code=503)
        user = request.query_params.get("user", "")
        if not user or user.lower() != self.username.lower():
            return Response("Internal Server Error", status_code=500)  # as Autotask does
        return JSONResponse(
            {
                "zoneName": "Stand-in Zone",
                "url": f"{self.url}/atservicesrest/",
                "webUrl": f"{self.url}/",
                "ci": 7,
                "dataBaseType": "Production",
            }
        )

    async def _guard(self, request: Request) -> tuple[dict[str, Any], Response | None]:
        entry = await self._record(request)
        if self.down:
            return entry, self._errors(503, "Service Unavailable")
        headers = entry["headers"]
        if (
            headers.get("username") != self.username
            or headers.get("secret") != self.secret
            or headers.get("apiintegrationcode") != self.integration_code
        ):
            return entry, Response(status_code=401)
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
        if failure:
            status, retry_after = failure
            extra = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else None
            message = "Too many requests" if status == 429 else f"Stand-in failure {status}"
            return entry, self._errors(status, message, headers=extra)
        return entry, None

    def _entity(self, name: str) -> dict[int, dict[str, Any]] | None:
        for key, records in self.data.items():
            if key.lower() == name.lower():
                return records
        return None

    async def _entity_info(self, request: Request) -> Response:
        _, refused = await self._guard(request)
        if refused:
            return refused
        name = request.path_params["entity"]
        if self._entity(name) is None:
            return self._errors(404, f"Entity {name} not found")
        return JSONResponse(
            {"info": {"name": name, "canCreate": True, "canQuery": True, "canUpdate": True}}
        )

    async def _fields(self, request: Request) -> Response:
        _, refused = await self._guard(request)
        if refused:
            return refused
        name = request.path_params["entity"]
        picklists = next((v for k, v in self.picklists.items() if k.lower() == name.lower()), {})
        fields = [
            {
                "name": field,
                "dataType": "integer",
                "isPickList": True,
                "picklistValues": [
                    {"value": str(value), "label": label, "isActive": True, "isSystem": True}
                    for value, label in values.items()
                ],
            }
            for field, values in picklists.items()
        ]
        return JSONResponse({"fields": [{"name": "id", "dataType": "long"}, *fields]})

    def _page(self, records: list[dict[str, Any]], size: int, entity: str) -> dict[str, Any]:
        page, rest = records[:size], records[size:]
        next_url = None
        if rest:
            token = secrets.token_urlsafe(8)
            with self._lock:
                self._cursors[token] = (rest, size)
            next_url = f"{self.url}/atservicesrest/V1.0/{entity}/query/next?paging={token}"
        return {
            "items": copy.deepcopy(page),
            "pageDetails": {
                "count": len(page),
                "requestCount": size,
                "prevPageUrl": None,
                "nextPageUrl": next_url,
            },
        }

    async def _query(self, request: Request) -> Response:
        entry, refused = await self._guard(request)
        if refused:
            return refused
        name = request.path_params["entity"]
        records = self._entity(name)
        if records is None:
            return self._errors(404, f"Entity {name} not found")
        body = entry["json"] if isinstance(entry["json"], dict) else {}
        max_records = body.get("MaxRecords", body.get("maxRecords", 500))
        if not isinstance(max_records, int) or not 1 <= max_records <= 500:
            return self._errors(500, "MaxRecords must be between 1 and 500.")
        filters = body.get("filter") or body.get("Filter")
        if not isinstance(filters, list) or not filters:
            return self._errors(500, "A query requires at least one filter.")
        try:
            found = [r for _, r in sorted(records.items()) if all(_matches(r, f) for f in filters)]
        except ValueError as exc:
            return self._errors(500, str(exc))
        include = body.get("IncludeFields")
        if isinstance(include, list) and include:
            wanted = {str(f).lower() for f in include} | {"id"}
            found = [{k: v for k, v in r.items() if k.lower() in wanted} for r in found]
        return JSONResponse(self._page(found, min(max_records, self.page_size), name))

    async def _next(self, request: Request) -> Response:
        _, refused = await self._guard(request)
        if refused:
            return refused
        with self._lock:
            cursor = self._cursors.pop(request.query_params.get("paging", ""), None)
        if cursor is None:
            return self._errors(500, "Invalid paging token.")
        rest, size = cursor
        return JSONResponse(self._page(rest, size, request.path_params["entity"]))

    async def _get(self, request: Request) -> Response:
        _, refused = await self._guard(request)
        if refused:
            return refused
        records = self._entity(request.path_params["entity"])
        if records is None:
            return self._errors(404, "Entity not found")
        item = records.get(request.path_params["record_id"])
        return JSONResponse({"item": copy.deepcopy(item)})

    async def _list_notes(self, request: Request) -> Response:
        _, refused = await self._guard(request)
        if refused:
            return refused
        notes = self.notes(request.path_params["ticket_id"])
        return JSONResponse(self._page(notes, self.page_size, "TicketNotes"))

    async def _create_note(self, request: Request) -> Response:
        entry, refused = await self._guard(request)
        if refused:
            return refused
        ticket_id = request.path_params["ticket_id"]
        if ticket_id not in self.tickets:
            return self._errors(404, f"Ticket {ticket_id} not found.")
        body = entry["json"]
        if not isinstance(body, dict):
            return self._errors(500, "The request body is not a TicketNote.")
        problems = []
        if body.get("ticketID") not in (None, ticket_id):
            problems.append("ticketID does not match the parent ticket.")
        if not str(body.get("description") or "").strip():
            problems.append("Missing Required Field: description")
        if self.require_titles and not str(body.get("title") or "").strip():
            problems.append("Missing Required Field: title")
        for field in ("noteType", "publish"):
            if body.get(field) not in self.picklists["TicketNotes"][field]:
                problems.append(f"Invalid picklist value for {field}: {body.get(field)!r}")
        creator = API_RESOURCE_ID
        impersonator = None
        acting = entry["headers"].get("impersonationresourceid")
        if acting is not None:
            resource = self.data["Resources"].get(int(acting)) if acting.isdigit() else None
            if not resource or not resource.get("isActive"):
                problems.append(f"ImpersonationResourceId {acting} is not an active resource.")
            else:
                creator, impersonator = int(acting), API_RESOURCE_ID
        if problems:
            return self._errors(500, *problems)
        note_id = next(self._ids)
        note = {
            **body,
            "id": note_id,
            "ticketID": ticket_id,
            "creatorResourceID": creator,
            "impersonatorCreatorResourceID": impersonator,
            "createDateTime": dt.datetime.now(dt.UTC).isoformat(),
        }
        with self._lock:
            self.data["TicketNotes"][note_id] = note
        return JSONResponse({"itemId": note_id})

    async def _create_ticket(self, request: Request) -> Response:
        """POST /Tickets: companyID, title, status, priority and a queue (or an assigned
        resource) are required; business-rule failures are 500s naming the field, and the
        answer is `{"itemId"}` (OperationResultModel)."""
        entry, refused = await self._guard(request)
        if refused:
            return refused
        body = entry["json"]
        if not isinstance(body, dict):
            return self._errors(500, "The request body is not a Ticket.")
        problems = []
        for field in ("companyID", "title", "status", "priority"):
            if body.get(field) in (None, ""):
                problems.append(f"Missing Required Field: {field}")
        if body.get("queueID") is None and body.get("assignedResourceID") is None:
            problems.append("A ticket requires a queueID or an assignedResourceID.")
        if body.get("companyID") is not None and body["companyID"] not in self.data["Companies"]:
            problems.append(f"companyID {body['companyID']} does not exist.")
        if body.get("contactID") is not None and body["contactID"] not in self.data["Contacts"]:
            problems.append(f"contactID {body['contactID']} does not exist.")
        for field in ("status", "priority", "queueID", "ticketType"):
            value = body.get(field)
            if value is not None and value not in self.picklists["Tickets"][field]:
                problems.append(f"Invalid picklist value for {field}: {value!r}")
        if len(str(body.get("title") or "")) > 255:
            problems.append("title cannot be longer than 255 characters.")
        if len(str(body.get("externalID") or "")) > 50:
            problems.append("externalID cannot be longer than 50 characters.")
        if problems:
            return self._errors(500, *problems)
        ticket_id = next(self._ids)
        now = dt.datetime.now(dt.UTC)
        ticket = {
            **body,
            "id": ticket_id,
            "ticketNumber": f"T{now:%Y%m%d}.{ticket_id % 10000:04d}",
            "createDate": now.isoformat(),
            "creatorResourceID": API_RESOURCE_ID,
        }
        with self._lock:
            self.data["Tickets"][ticket_id] = ticket
        return JSONResponse({"itemId": ticket_id})
