"""A local stand-in for the HaloPSA API (v2) and its OAuth2 token endpoint, seeded with a tenant.

    with FakeHaloPSA() as srv:       # config: base_url=srv.url, client_id/secret below
        srv.fail_next(429, retry_after=1)   # the next API call(s) fail with that status
        srv.expire_tokens()                 # every issued token now gets 401
        srv.down = True                     # every call answers 503
        srv.notes(1001)                     # actions stored on ticket 1001, every field
        srv.requests                        # every request: method, path, query, headers, json

`POST /auth/token` takes the client-credentials form (and `?tenant=` when `tenant` is set) and
answers `{"access_token", "token_type", "expires_in"}`, or 400 `{"error": "invalid_client"}`.
Every `/api/...` call needs `Authorization: Bearer <a live token>` (401 otherwise). Lists are
wrapped as Halo wraps them (`{"record_count", "tickets"}` with `pageinate`, `{"actions"}`),
`GET /api/Agent` is a bare array, and `POST /api/Actions` takes an array.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import secrets
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from tests.fakes.local_server import LocalServer

CLIENT_ID = "rf-client-0123456789"
CLIENT_SECRET = "halo-secret-0123456789abcdefSECRET"
API_AGENT_ID = 7
ENGINEER_ID = 2
ADMIN_ID = 3


def _seed() -> dict[str, dict[int, dict[str, Any]]]:
    return {
        "Client": {
            12: {"id": 12, "name": "Contoso Dental", "inactive": False},
            13: {"id": 13, "name": "Fabrikam Legal", "inactive": False},
        },
        "Users": {
            40: {
                "id": 40,
                "name": "Dana Whitfield",
                "firstname": "Dana",
                "surname": "Whitfield",
                "emailaddress": "dana@contoso-dental.example",
                "client_id": 12,
                "client_name": "Contoso Dental",
            },
        },
        "Asset": {
            70: {
                "id": 70,
                "inventory_number": "CD-FRONTDESK-01",
                "key_field": "CD-FRONTDESK-01",
                "assettype_id": 1,
                "assettype_name": "Workstation",
                "client_id": 12,
                "fields": [
                    {"id": 1, "name": "Serial Number", "value": "5CG1234XYZ"},
                    {"id": 2, "name": "IP Address", "value": "10.0.0.21"},
                    {"id": 3, "name": "Operating System", "value": "Windows 11 Pro"},
                ],
            },
            71: {"id": 71, "inventory_number": "CD-NAS-01", "assettype_name": "NAS"},
        },
        "Tickets": {
            1001: {
                "id": 1001,
                "summary": "Outlook keeps asking for password",
                "details": "Since this morning, on the front desk PC.",
                "client_id": 12,
                "client_name": "Contoso Dental",
                "site_id": 20,
                "site_name": "Main",
                "user_id": 40,
                "user_name": "Dana Whitfield",
                "status_id": 1,
                "status_name": "New",
                "priority_id": 3,
                "priority_name": "Medium",
                "team": "Service Desk",
                "tickettype_id": 1,
                "tickettype_name": "Incident",
                "hasbeenclosed": False,
                "assets": [{"id": 70, "inventory_number": "CD-FRONTDESK-01"}],
            },
            1002: {
                "id": 1002,
                "summary": "VPN drops every hour",
                "client_id": 13,  # no client_name: the provider looks the client up
                "status_id": 2,
                "status_name": "In Progress",
                "priority_id": 2,
                "priority_name": "High",
                "team": "Second Line",
                "hasbeenclosed": False,
                "assets": [],
            },
            1003: {
                "id": 1003,
                "summary": "Printer offline",
                "client_id": 12,
                "client_name": "Contoso Dental",
                "status_id": 9,
                "status_name": "Closed",
                "hasbeenclosed": True,
            },
        },
        "Agent": {
            ENGINEER_ID: {
                "id": ENGINEER_ID,
                "name": "Erin Engineer",
                "email": "engineer@acme.example",
                "isdisabled": False,
            },
            ADMIN_ID: {
                "id": ADMIN_ID,
                "name": "Alex Admin",
                "email": "admin@acme.example",
                "isdisabled": False,
            },
            4: {
                "id": 4,
                "name": "Demo Engineer",
                "email": "engineer@demo.resolutionflow.test",
                "isdisabled": False,
            },
            5: {
                "id": 5,
                "name": "Demo Admin",
                "email": "admin@demo.resolutionflow.test",
                "isdisabled": False,
            },
            6: {"id": 6, "name": "Former Tech", "email": None, "isdisabled": True},
            API_AGENT_ID: {
                "id": API_AGENT_ID,
                "name": "ResolutionFlow API",
                "email": "",
                "isapiagent": True,
                "isdisabled": False,
            },
        },
        "Actions": {
            5000: {
                "id": 5000,
                "ticket_id": 1001,
                "outcome": "Email User",
                "note": "Customer called in.",
                "hiddenfromuser": False,
                "who_agentid": ENGINEER_ID,
                "who": "Erin Engineer",
                "datetime": "2026-11-20T09:00:00Z",
            },
        },
    }


class FakeHaloPSA(LocalServer):
    vendor = "halopsa"

    def __init__(self) -> None:
        super().__init__()
        self.reset()

    def reset(self) -> None:
        """Back to the seeded tenant: data, credentials, tokens, failures and the request log."""
        with self._lock:
            self.requests.clear()
            self.data = _seed()
            self.client_id = CLIENT_ID
            self.client_secret = CLIENT_SECRET
            self.tenant: str | None = None  # when set, /auth/token requires ?tenant=
            self.token_lifetime = 3600
            self.tokens: set[str] = set()
            self.tokens_issued = 0
            self.token_forms: list[dict[str, str]] = []  # each accepted token request's form
            self.down = False
            self._failures: list[tuple[int, float | None]] = []
            self._ids = itertools.count(5100)

    # -- helpers for tests -----------------------------------------------------------------

    def fail_next(self, status: int, count: int = 1, retry_after: float | None = None) -> None:
        """The next `count` authorised API calls answer `status` (with Retry-After)."""
        with self._lock:
            self._failures.extend([(status, retry_after)] * count)

    def expire_tokens(self) -> None:
        """Every token issued so far is refused from now on (a revocation or a restart)."""
        with self._lock:
            self.tokens.clear()

    def notes(self, ticket_id: int) -> list[dict[str, Any]]:
        return [a for a in self.data["Actions"].values() if a.get("ticket_id") == ticket_id]

    @property
    def tickets(self) -> dict[int, dict[str, Any]]:
        return self.data["Tickets"]

    @property
    def api_requests(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"].startswith("/api/")]

    # -- wire --------------------------------------------------------------------------------

    def routes(self) -> Sequence[BaseRoute]:
        return [
            Route("/auth/token", self._token, methods=["POST"]),
            Route("/api/Tickets", self._list_tickets, methods=["GET"]),
            Route("/api/Agent", self._agents, methods=["GET"]),
            Route("/api/Agent/me", self._me, methods=["GET"]),
            Route("/api/Actions", self._list_actions, methods=["GET"]),
            Route("/api/Actions", self._create_actions, methods=["POST"]),
            Route("/api/{entity}/{record_id:int}", self._get, methods=["GET"]),
        ]

    async def _token(self, request: Request) -> Response:
        await self._record(request)
        if self.down:
            return Response(status_code=503)
        # Parsed by hand: Starlette's request.form() needs python-multipart.
        form = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
        if form.get("grant_type") != "client_credentials":
            return JSONResponse({"error": "unsupported_grant_type"}, status_code=400)
        if self.tenant is not None and request.query_params.get("tenant") != self.tenant:
            return JSONResponse(
                {"error": "invalid_request", "error_description": "Unknown tenant"},
                status_code=400,
            )
        if (
            form.get("client_id") != self.client_id
            or form.get("client_secret") != self.client_secret
        ):
            return JSONResponse(
                {"error": "invalid_client", "error_description": "Invalid client credentials"},
                status_code=400,
            )
        token = secrets.token_urlsafe(24)
        with self._lock:
            self.token_forms.append(form)
            self.tokens.add(token)
            self.tokens_issued += 1
        return JSONResponse(
            {
                "access_token": token,
                "token_type": "Bearer",
                "expires_in": self.token_lifetime,
                "scope": form.get("scope") or "all",
            }
        )

    async def _guard(self, request: Request) -> tuple[dict[str, Any], Response | None]:
        entry = await self._record(request)
        if self.down:
            return entry, Response("Service Unavailable", status_code=503)
        auth = entry["headers"].get("authorization", "")
        if not auth.startswith("Bearer ") or auth[len("Bearer ") :] not in self.tokens:
            return entry, Response(status_code=401)
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
        if failure:
            status, retry_after = failure
            headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else None
            return entry, JSONResponse(
                {"ClassName": "HaloException", "Message": f"Stand-in failure {status}"},
                status_code=status,
                headers=headers,
            )
        return entry, None

    @staticmethod
    def _not_found(what: str) -> Response:
        return JSONResponse(
            {"ClassName": "NotFound", "Message": f"{what} not found"}, status_code=404
        )

    async def _get(self, request: Request) -> Response:
        entry, refused = await self._guard(request)
        if refused:
            return refused
        entity = request.path_params["entity"]
        record_id = request.path_params["record_id"]
        records = self.data.get(entity)
        if records is None:
            return self._not_found(entity)
        record = (records or {}).get(record_id)
        if record is None:
            return self._not_found(f"{entity} {record_id}")
        result = copy.deepcopy(record)
        if entity == "Tickets" and entry["query"].get("includedetails") != "true":
            result.pop("assets", None)  # the related objects come only with includedetails
        return JSONResponse(result)

    async def _list_tickets(self, request: Request) -> Response:
        entry, refused = await self._guard(request)
        if refused:
            return refused
        q = entry["query"]
        tickets = list(self.tickets.values())
        if q.get("open_only") == "true":
            tickets = [t for t in tickets if not t.get("hasbeenclosed")]
        if ids := q.get("ticketids"):
            wanted = {int(i) for i in ids.split(",") if i.strip().isdigit()}
            tickets = [t for t in tickets if t["id"] in wanted]
        if search := (q.get("search") or "").lower():
            tickets = [
                t
                for t in tickets
                if search in str(t.get("summary") or "").lower() or search == str(t["id"])
            ]
        tickets.sort(key=lambda t: t["id"], reverse=q.get("orderdesc") == "true")
        summaries = [
            {k: v for k, v in t.items() if k not in ("assets", "details")} for t in tickets
        ]
        if q.get("pageinate") != "true":
            return JSONResponse({"record_count": len(summaries), "tickets": summaries})
        size = min(int(q.get("page_size") or 50), 100)
        page_no = max(int(q.get("page_no") or 1), 1)
        page = summaries[(page_no - 1) * size : page_no * size]
        return JSONResponse(
            {"page_no": page_no, "page_size": size, "record_count": len(summaries), "tickets": page}
        )

    async def _agents(self, request: Request) -> Response:
        _, refused = await self._guard(request)
        if refused:
            return refused
        return JSONResponse(copy.deepcopy(list(self.data["Agent"].values())))

    async def _me(self, request: Request) -> Response:
        _, refused = await self._guard(request)
        if refused:
            return refused
        return JSONResponse(copy.deepcopy(self.data["Agent"][API_AGENT_ID]))

    async def _list_actions(self, request: Request) -> Response:
        entry, refused = await self._guard(request)
        if refused:
            return refused
        ticket_id = entry["query"].get("ticket_id", "")
        actions = self.notes(int(ticket_id)) if ticket_id.isdigit() else []
        return JSONResponse({"record_count": len(actions), "actions": copy.deepcopy(actions)})

    async def _create_actions(self, request: Request) -> Response:
        entry, refused = await self._guard(request)
        if refused:
            return refused
        body = entry["json"]
        if not isinstance(body, list) or not body:
            return JSONResponse(
                {"ClassName": "BadRequest", "Message": "Expected an array of actions."},
                status_code=400,
            )
        created = []
        for raw in body:
            if not isinstance(raw, dict):
                return JSONResponse({"Message": "Expected an action object."}, status_code=400)
            ticket_id = raw.get("ticket_id")
            if ticket_id not in self.tickets:
                return JSONResponse({"Message": f"Ticket {ticket_id} not found."}, status_code=400)
            if not str(raw.get("note") or "").strip():
                return JSONResponse({"Message": "A note is required."}, status_code=400)
            who_id = raw.get("who_agentid", API_AGENT_ID)
            agent = self.data["Agent"].get(who_id) if isinstance(who_id, int) else None
            if agent is None:
                return JSONResponse({"Message": f"Agent {who_id} not found."}, status_code=400)
            action = {
                **raw,
                "id": next(self._ids),
                "who": agent["name"],
                "who_agentid": who_id,
                "actionby_agent_id": API_AGENT_ID,
                "datetime": dt.datetime.now(dt.UTC).isoformat(),
            }
            with self._lock:
                self.data["Actions"][action["id"]] = action
            created.append(action)
        return JSONResponse(created[0] if len(created) == 1 else created, status_code=201)
