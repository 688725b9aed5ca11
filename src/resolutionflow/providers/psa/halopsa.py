"""HaloPSA over its REST API (v2): OAuth2 client credentials, ticket context, actions (notes).

Wire facts (see ../shared/data/psa/halopsa_subset.json):
- Token: `POST {base}/auth/token` (form: grant_type=client_credentials, client_id,
  client_secret, scope; hosted tenants add `?tenant=`) → `{"access_token", "expires_in"}`.
  Bad client credentials are an OAuth error body (`{"error": "invalid_client"}`), 400 or 401.
- API under `{base}/api` with `Authorization: Bearer`. A token can die before its expiry
  (revoked, server restart): a 401 gets one fresh token and one more try.
- Lists come wrapped (`{"record_count", "tickets": [...]}`, `{"actions": [...]}`) except
  `GET /Agent`, a bare array. A ticket carries `client_name`, `user_name`, `user_email`,
  `status_name`, `priority_name`, `team` and, with `includedetails`, its `assets`.
- Notes are actions: `POST /api/Actions` takes a JSON array; `hiddenfromuser` keeps an action
  from the end user, `sendemail` emails them, `outcome` names the action type.
"""

from __future__ import annotations

import asyncio
import html
import re
import time
from collections.abc import Mapping
from typing import Any, ClassVar

import httpx

from resolutionflow.providers.psa.base import (
    CompanyConfiguration,
    ConfigField,
    Configuration,
    ErrorKind,
    Member,
    NoteDraft,
    PostedNote,
    PsaError,
    Ticket,
    TicketSummary,
    TimeEntry,
    text,
)
from resolutionflow.providers.psa.http import (
    PsaHttp,
    RetryPolicy,
    Sleep,
    error_message,
    kind_for_status,
)

PAGE_SIZE_MAX = 100  # Halo's documented page_size maximum
MAX_ASSETS = 10  # per ticket: each is one more call
# Action types ("outcomes") are named per instance; these are the stock ones. A resolution
# note is posted as a visible note rather than a closing outcome, which would also change the
# ticket's status (this provider does not change statuses).
_OUTCOMES = {"internal": "Private Note", "discussion": "Note", "resolution": "Note"}
_OAUTH_CREDENTIALS = {"invalid_client", "unauthorized_client", "invalid_grant"}
_TAGS = re.compile(r"<[^>]+>")


def _explain(response: httpx.Response) -> PsaError:
    status = response.status_code
    kind: ErrorKind = kind_for_status(status)
    try:
        body = response.json()
    except ValueError:
        body = None
    oauth_error = text(body.get("error")) if isinstance(body, dict) else None
    if oauth_error in _OAUTH_CREDENTIALS:
        kind = "credentials"
    elif oauth_error == "invalid_scope":
        kind = "permission"
    messages: dict[str, str] = {
        "credentials": "HaloPSA refused the client id or secret (or the token).",
        "permission": "The HaloPSA API application (or its agent) lacks the permission.",
        "not_found": "HaloPSA has no such record, or the API agent cannot see it.",
        "rate_limited": "HaloPSA is limiting requests.",
        "server": f"HaloPSA had a problem ({status}).",
        "invalid": "HaloPSA rejected the request.",
    }
    message = messages.get(kind, f"HaloPSA answered {status}.")
    detail = error_message(response, "")
    if detail and kind not in ("credentials",):
        message = f"{message} HaloPSA said: {detail}"
    return PsaError(kind, message, status=status)


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    # ASCII only: str.isdigit() is also true for "²" or "①", which int() then refuses.
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return None


def _wrapped(body: Any, key: str) -> list[dict[str, Any]]:
    """The records of a list reply, whether wrapped in `{key: [...]}` or a bare array."""
    records = body.get(key) if isinstance(body, dict) else body
    return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def _field_value(fields: Any, *needles: str) -> str | None:
    """An asset field's value by (part of) its name, from Halo's `fields` list."""
    if not isinstance(fields, list):
        return None
    for f in fields:
        if not isinstance(f, dict):
            continue
        name = (text(f.get("name")) or text(f.get("display_name")) or "").lower()
        if any(n in name for n in needles):
            value = text(f.get("value")) or text(f.get("display"))
            if value:
                return value
    return None


class HaloPSA:
    name: ClassVar[str] = "halopsa"
    label: ClassVar[str] = "HaloPSA"
    supports_status: ClassVar[bool] = False
    supports_time_entries: ClassVar[bool] = False
    fields: ClassVar[tuple[ConfigField, ...]] = (
        ConfigField(
            "base_url",
            "HaloPSA URL",
            kind="url",
            help="The resource server, as in Configuration > Integrations > HaloPSA API.",
            placeholder="https://acme.halopsa.com",
        ),
        ConfigField(
            "client_id", "Client ID", help="An API application using Client ID and Secret."
        ),
        ConfigField("client_secret", "Client secret", kind="secret"),
        ConfigField(
            "tenant",
            "Tenant",
            required=False,
            help="Hosted HaloPSA only: the tenant name shown on the API details page.",
        ),
    )

    def __init__(
        self,
        config: Mapping[str, str],
        *,
        timeout_s: float = 20.0,
        policy: RetryPolicy | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        self._base = (config.get("base_url") or "").strip().rstrip("/")
        if self._base.lower().endswith("/api"):
            self._base = self._base[: -len("/api")]
        self._client_id = (config.get("client_id") or "").strip()
        self._client_secret = (config.get("client_secret") or "").strip()
        self._tenant = (config.get("tenant") or "").strip()
        self._http = PsaHttp(
            self._base,
            headers={"Accept": "application/json"},
            explain=_explain,
            timeout_s=timeout_s,
            policy=policy,
            sleep=sleep,
            secrets=(self._client_secret,),
        )
        self._token: str | None = None
        self._token_until = 0.0
        self._token_lock = asyncio.Lock()

    # -- plumbing -------------------------------------------------------------------------

    def _token_valid(self) -> bool:
        return self._token is not None and time.monotonic() < self._token_until

    async def _access_token(self, *, renew: bool = False) -> str:
        stale = self._token
        async with self._token_lock:
            # Another call may have renewed it while this one waited.
            if self._token and self._token_valid() and not (renew and self._token == stale):
                return self._token
            if not self._base.startswith(("https://", "http://")):
                raise PsaError("unreachable", "The HaloPSA URL is missing or not a web address.")
            if not self._client_id or not self._client_secret:
                raise PsaError("credentials", "The HaloPSA client id or secret is missing.")
            body = await self._http.json(
                "POST",
                "/auth/token",
                params={"tenant": self._tenant} if self._tenant else None,
                data={
                    "grant_type": "client_credentials",
                    "client_id": self._client_id,
                    "client_secret": self._client_secret,
                    "scope": "all",
                },
                idempotent=True,  # asking for a token twice does no harm
            )
            token = text(body.get("access_token")) if isinstance(body, dict) else None
            if not token:
                raise PsaError("wrong_codebase", "HaloPSA's token endpoint returned no token.")
            expires = body.get("expires_in") if isinstance(body, dict) else None
            lifetime = float(expires) if isinstance(expires, (int, float)) else 3600.0
            # Renew a little early, so a token never expires between check and use.
            self._token_until = time.monotonic() + max(lifetime - 60.0, lifetime / 2)
            self._token = token
            return token

    async def _call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> Any:
        had_token = self._token_valid()
        token = await self._access_token()
        try:
            return await self._http.json(
                method,
                f"/api{path}",
                params=params,
                json=json,
                headers={"Authorization": f"Bearer {token}"},
            )
        except PsaError as exc:
            # A cached token can be revoked before its expiry: renew once. A 401 means
            # nothing was stored, so repeating a POST is safe.
            if exc.status != 401 or not had_token:
                raise
        token = await self._access_token(renew=True)
        return await self._http.json(
            method,
            f"/api{path}",
            params=params,
            json=json,
            headers={"Authorization": f"Bearer {token}"},
        )

    async def _optional(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """A lookup that may come back empty-handed: gone or out of reach is None."""
        try:
            return await self._call("GET", path, params=params)
        except PsaError as exc:
            if exc.kind in ("not_found", "permission"):
                return None
            raise

    @staticmethod
    def _ticket_number(ticket_id: str) -> int:
        number = _int(ticket_id)
        if number is None:
            raise PsaError("not_found", f"{ticket_id.strip()!r} is not a HaloPSA ticket number.")
        return number

    @staticmethod
    def _summary(raw: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "id": text(raw.get("id")) or "",
            "summary": text(raw.get("summary")) or "(no summary)",
            "company": text(raw.get("client_name")),
            "status": text(raw.get("status_name")) or text(raw.get("status_id")),
            "board": text(raw.get("team")),
            "priority": text(raw.get("priority_name")) or text(raw.get("priority_id")),
        }

    # -- PsaProvider ----------------------------------------------------------------------

    async def test(self) -> str:
        me = await self._call("GET", "/Agent/me")
        who = text(me.get("name")) if isinstance(me, dict) else None
        return f"HaloPSA API v2 (as {who})" if who else "HaloPSA API v2"

    async def get_ticket(self, ticket_id: str) -> Ticket:
        number = self._ticket_number(ticket_id)
        raw = await self._call("GET", f"/Tickets/{number}", params={"includedetails": True})
        if not isinstance(raw, dict):
            raise PsaError("not_found", f"HaloPSA has no ticket {number}.", status=404)
        fields = self._summary(raw)
        fields["id"] = fields["id"] or str(number)
        ticket = Ticket(**fields)
        if ticket.company is None and (client_id := _int(raw.get("client_id"))):
            client = await self._optional(f"/Client/{client_id}")
            ticket.company = text(client.get("name")) if isinstance(client, dict) else None
        ticket.contact_name = text(raw.get("user_name"))
        ticket.contact_email = text(raw.get("user_email"))
        if ticket.contact_email is None and (user_id := _int(raw.get("user_id"))):
            user = await self._optional(f"/Users/{user_id}")
            if isinstance(user, dict):
                ticket.contact_name = ticket.contact_name or text(user.get("name"))
                ticket.contact_email = text(user.get("emailaddress"))
        ticket.configurations = await self._assets(raw.get("assets"))
        ticket.url = text(raw.get("web_url")) or f"{self._base}/ticket?id={number}"
        return ticket

    async def _assets(self, listed: Any) -> list[Configuration]:
        configurations = []
        for entry in listed[:MAX_ASSETS] if isinstance(listed, list) else []:
            if not isinstance(entry, dict) or (asset_id := _int(entry.get("id"))) is None:
                continue
            detail = await self._optional(f"/Asset/{asset_id}", {"includedetails": True})
            asset = {**entry, **detail} if isinstance(detail, dict) else entry
            fields = asset.get("fields")
            configurations.append(
                Configuration(
                    id=str(asset_id),
                    name=text(asset.get("inventory_number"))
                    or text(asset.get("key_field"))
                    or f"Asset {asset_id}",
                    type=text(asset.get("assettype_name")),
                    serial=_field_value(fields, "serial"),
                    ip_address=_field_value(fields, "ip address", "ipaddress", "ip"),
                    os=text(asset.get("os_override"))
                    or _field_value(fields, "operating system", "os"),
                )
            )
        return configurations

    async def search_tickets(self, query: str, *, limit: int = 20) -> list[TicketSummary]:
        limit = max(1, limit)
        q = query.strip()
        found: dict[str, TicketSummary] = {}
        if _int(q) is not None:
            # `search` matches text; a ticket number is looked up by id as well, first.
            body = await self._call("GET", "/Tickets", params={"ticketids": q, "open_only": True})
            for raw in _wrapped(body, "tickets"):
                summary = TicketSummary(**self._summary(raw))
                if summary.id:
                    found[summary.id] = summary
        params: dict[str, Any] = {
            "open_only": True,
            "pageinate": True,
            "page_size": min(limit, PAGE_SIZE_MAX),
            "order": "id",
            "orderdesc": True,
        }
        if q:
            params["search"] = q
        page_no = 1
        while len(found) < limit:
            body = await self._call("GET", "/Tickets", params={**params, "page_no": page_no})
            records = _wrapped(body, "tickets")
            for raw in records:
                summary = TicketSummary(**self._summary(raw))
                if summary.id and summary.id not in found:
                    found[summary.id] = summary
            total = _int(body.get("record_count")) if isinstance(body, dict) else None
            if len(records) < params["page_size"] or (
                total is not None and page_no * params["page_size"] >= total
            ):
                break
            page_no += 1
        return list(found.values())[:limit]

    async def list_members(self) -> list[Member]:
        agents = _wrapped(await self._call("GET", "/Agent"), "agents")
        members = []
        for a in agents:
            aid = _int(a.get("id"))
            if aid is None or aid <= 0:
                continue
            email = text(a.get("email"))
            members.append(
                Member(
                    id=str(aid),
                    identifier=str(aid),  # who_agentid on an action
                    name=text(a.get("name")) or email or f"Agent {aid}",
                    email=email,
                    active=not bool(a.get("isdisabled")),
                )
            )
        return members

    async def list_notes(self, ticket_id: str) -> list[PostedNote]:
        number = self._ticket_number(ticket_id)
        body = await self._call("GET", "/Actions", params={"ticket_id": number, "excludesys": True})
        notes = []
        for action in _wrapped(body, "actions"):
            if (aid := text(action.get("id"))) is None:
                continue
            note = text(action.get("note"))
            if note is None and (html_note := text(action.get("note_html"))):
                note = html.unescape(_TAGS.sub(" ", html_note)).strip()
            notes.append(PostedNote(id=aid, text=note or ""))
        return notes

    async def post_note(self, ticket_id: str, note: NoteDraft) -> str:
        number = self._ticket_number(ticket_id)
        internal = note.note_type == "internal"
        action: dict[str, Any] = {
            "ticket_id": number,
            "outcome": _OUTCOMES.get(note.note_type, "Note"),
            "note": note.text,
            "hiddenfromuser": internal,
            # An internal note never emails the end user, whatever was asked.
            "sendemail": bool(note.notify_customer) and not internal,
        }
        if note.member is not None and (agent_id := _int(note.member.identifier)) is not None:
            action["who_agentid"] = agent_id
        result = await self._call("POST", "/Actions", json=[action])
        created = result[0] if isinstance(result, list) and result else result
        action_id = text(created.get("id")) if isinstance(created, dict) else None
        if not action_id:
            raise PsaError("server", "HaloPSA stored the note but did not return its id.")
        return action_id

    async def set_status(self, ticket_id: str, status: str) -> str | None:
        raise PsaError("unsupported", "HaloPSA status changes are not supported yet.")

    async def add_time_entry(self, ticket_id: str, entry: TimeEntry) -> str:
        raise PsaError("unsupported", "HaloPSA time entries are not supported yet.")

    async def configurations(
        self, company_id: str, *, limit: int = 1000
    ) -> list[CompanyConfiguration]:
        # The API reference this provider follows reads one asset by id (GET /Asset/{id}), not a
        # client's assets; listing them is not built until it can be checked against one.
        raise PsaError(
            "unsupported",
            "Importing configurations is not supported by HaloPSA yet; import the targets from "
            "a CSV export of the client's assets instead.",
        )

    async def aclose(self) -> None:
        await self._http.aclose()
