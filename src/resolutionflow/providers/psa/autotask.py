"""Autotask (Datto) PSA over its REST API: zone discovery, ticket context, notes, resources.

Wire facts (see ../shared/data/psa/autotask_reference.json):
- The API lives in one of several zones; `GET {discovery}/atservicesrest/v1.0/zoneInformation
  ?user={username}` names it (no auth needed; an unknown user gets a bare HTTP 500).
- Every call carries `ApiIntegrationCode`, `UserName` and `Secret` headers; writes may carry
  `ImpersonationResourceId` to be attributed to a resource.
- Single records come back as `{"item": {...}}` (`null` for an unknown id), queries and child
  collections as `{"items": [...], "pageDetails": {"nextPageUrl": ...}}`.
- Business-rule failures (a missing required field, a bad picklist value) come back as 500 with
  `{"errors": ["..."]}`, so a 500 is read before it is called a server problem.
- Picklists (ticket status, priority, queue; note type, publish) are ints whose labels differ
  per instance: labels come from `/{Entity}/entityInformation/fields`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import urlsplit

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

log = logging.getLogger(__name__)

DEFAULT_DISCOVERY_URL = "https://webservices.autotask.net"
MAX_RECORDS = 500  # the most one query page may hold
NOTE_MAX_CHARS = 32000  # TicketNote.description
COMPLETE_STATUS = 5  # the system "Complete" ticket status, the same on every instance
_TICKET_NUMBER = re.compile(r"^T\d{8}\.\d{3,5}$", re.IGNORECASE)

# Note type → (publish label, fallback publish value). Publish decides who sees the note:
# "Internal Only" keeps it from the client portal and from contact notifications, "All Autotask
# Users" is the ordinary customer-visible note. The values are per-instance picklists; these
# fallbacks are the stock ones, used only when the picklist cannot be read.
_PUBLISH: dict[str, tuple[str, int]] = {
    "internal": ("internal only", 2),
    "discussion": ("all autotask users", 1),
    "resolution": ("all autotask users", 1),
}
# noteType 1 is the stock default ticket note type; a resolution note uses the instance's
# "Resolution" note type when it has one.
_DEFAULT_NOTE_TYPE = 1
_TITLES = {
    "internal": "ResolutionFlow internal note",
    "discussion": "ResolutionFlow note",
    "resolution": "ResolutionFlow resolution",
}

_CREDENTIAL_WORDS = ("integrationcode", "integration code", "username", "secret", "unauthori")
_INVALID_WORDS = (
    "required",
    "invalid",
    "missing",
    "not valid",
    "cannot",
    "must",
    "picklist",
    "does not exist",
    "impersonat",
)


def _explain(response: httpx.Response) -> PsaError:
    status = response.status_code
    detail = error_message(response, "")
    lowered = detail.lower()
    kind: ErrorKind = kind_for_status(status)
    if status == 500 and any(word in lowered for word in _CREDENTIAL_WORDS):
        kind = "credentials"
    elif status == 500 and any(word in lowered for word in _INVALID_WORDS):
        kind = "invalid"
    messages: dict[str, str] = {
        "credentials": "Autotask refused the API user, secret or integration code.",
        "permission": "The Autotask API user's security level does not allow this.",
        "not_found": "Autotask has no such record, or the API user cannot see it.",
        "rate_limited": "Autotask is limiting requests (thread or hourly limit).",
        "server": f"Autotask had a problem ({status}).",
        "invalid": "Autotask rejected the request.",
    }
    message = messages.get(kind, f"Autotask answered {status}.")
    if detail:
        message = f"{message} Autotask said: {detail}"
    return PsaError(kind, message, status=status)


def _zone_base(url: str) -> str:
    """`https://webservicesN.autotask.net/atservicesrest` from whatever form the admin typed."""
    base = url.strip().rstrip("/")
    if base.lower().endswith("/v1.0"):
        base = base[: -len("/v1.0")]
    if not base.lower().endswith("/atservicesrest"):
        base += "/atservicesrest"
    return base


def _item(body: Any) -> dict[str, Any] | None:
    if isinstance(body, dict):
        item = body.get("item")
        if isinstance(item, dict):
            return item
    return None


def _items(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, dict):
        items = body.get("items")
        if isinstance(items, list):
            return [i for i in items if isinstance(i, dict)]
    return []


def _next_page(body: Any) -> str | None:
    if isinstance(body, dict) and isinstance(body.get("pageDetails"), dict):
        return text(body["pageDetails"].get("nextPageUrl"))
    return None


def _digits(value: str) -> bool:
    # ASCII only: str.isdigit() is also true for "²" or "①", which int() then refuses.
    return value.isascii() and value.isdigit()


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _digits(value.strip()):
        return int(value.strip())
    return None


def _origin(url: str) -> tuple[str, str] | None:
    """(scheme, host) of a URL from a PSA reply; None for one urlsplit cannot read."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return parts.scheme, parts.netloc


def _full_name(record: Mapping[str, Any]) -> str | None:
    parts = [text(record.get("firstName")), text(record.get("lastName"))]
    return " ".join(p for p in parts if p) or None


class Autotask:
    name: ClassVar[str] = "autotask"
    label: ClassVar[str] = "Autotask (Datto)"
    supports_status: ClassVar[bool] = False
    supports_time_entries: ClassVar[bool] = False
    fields: ClassVar[tuple[ConfigField, ...]] = (
        ConfigField(
            "username",
            "API user name",
            help="The API-only user's user name, in email form.",
            placeholder="rf-api@example.com",
        ),
        ConfigField("secret", "API user secret", kind="secret"),
        ConfigField(
            "integration_code",
            "Integration code",
            help="The API tracking identifier (ApiIntegrationCode) set on the API user.",
        ),
        ConfigField(
            "zone_url",
            "Zone URL",
            kind="url",
            required=False,
            help="Leave blank to discover the zone from the username",
            placeholder="https://webservices5.autotask.net/atservicesrest",
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
        self._username = (config.get("username") or "").strip()
        secret = (config.get("secret") or "").strip()
        code = (config.get("integration_code") or "").strip()
        zone = (config.get("zone_url") or "").strip()
        self._zone: str | None = _zone_base(zone) if zone else None
        self._web_url: str | None = None
        self._zone_name: str | None = None
        # Not a form field: tests point discovery at a local stand-in.
        self._discovery = (config.get("discovery_url") or DEFAULT_DISCOVERY_URL).rstrip("/")
        # Sent per call, not on the client, so the zone lookup never carries the secret.
        self._auth = {
            "ApiIntegrationCode": code,
            "UserName": self._username,
            "Secret": secret,
        }
        self._http = PsaHttp(
            self._discovery,
            headers={"Accept": "application/json"},
            explain=_explain,
            timeout_s=timeout_s,
            policy=policy,
            sleep=sleep,
            secrets=(secret, code),
        )
        self._picklists: dict[str, dict[str, dict[str, str]]] = {}

    # -- plumbing -------------------------------------------------------------------------

    async def _zone_url(self) -> str:
        if self._zone:
            return self._zone
        if not self._username:
            raise PsaError("credentials", "The Autotask API user name is missing.")
        try:
            # Not retried on 5xx: the lookup answers a bare 500 for an unknown user.
            body = await self._http.json(
                "GET",
                f"{self._discovery}/atservicesrest/v1.0/zoneInformation",
                params={"user": self._username},
                idempotent=False,
            )
        except PsaError as exc:
            if exc.status == 500:
                raise PsaError(
                    "credentials",
                    f"Autotask does not know the API user {self._username!r}.",
                    status=500,
                ) from exc
            raise
        url = text(body.get("url")) if isinstance(body, dict) else None
        origin = _origin(url) if url else None
        if not url or origin is None or origin[0] not in ("http", "https"):
            raise PsaError("wrong_codebase", "The Autotask zone lookup did not name a zone.")
        assert isinstance(body, dict)
        self._zone = _zone_base(url)
        self._web_url = text(body.get("webUrl"))
        self._zone_name = text(body.get("zoneName"))
        return self._zone

    async def _call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
    ) -> Any:
        zone = await self._zone_url()
        url = path if path.startswith(("http://", "https://")) else zone + path
        return await self._http.json(
            method,
            url,
            json=json,
            headers={**self._auth, **(headers or {})},
            idempotent=idempotent,
        )

    async def _query(
        self, entity: str, filters: list[dict[str, Any]], *, limit: int = 10_000
    ) -> list[dict[str, Any]]:
        """Every record matching `filters` (up to `limit`), following nextPageUrl."""
        body = {"MaxRecords": max(1, min(limit, MAX_RECORDS)), "filter": filters}
        # A query is a read: safe to retry although it is a POST.
        page = await self._call("POST", f"/V1.0/{entity}/query", json=body, idempotent=True)
        return await self._collect(page, limit)

    async def _collect(self, page: Any, limit: int) -> list[dict[str, Any]]:
        records = _items(page)
        zone_origin = _origin(await self._zone_url())
        while len(records) < limit and (next_url := _next_page(page)):
            # The credentials go with the request: never to a host other than the zone's.
            if _origin(next_url) != zone_origin:
                log.warning("autotask nextPageUrl points outside the zone; not following it")
                break
            page = await self._call("GET", next_url)
            records.extend(_items(page))
        return records[:limit]

    async def _picklist(self, entity: str) -> dict[str, dict[str, str]]:
        """field name (lower case) → value → label; empty when the API user cannot read it."""
        if entity in self._picklists:
            return self._picklists[entity]
        try:
            body = await self._call("GET", f"/V1.0/{entity}/entityInformation/fields")
        except PsaError as exc:
            if exc.kind in ("credentials", "unreachable"):
                raise
            if not exc.retryable:
                self._picklists[entity] = {}
            return {}
        labels: dict[str, dict[str, str]] = {}
        fields = body.get("fields") if isinstance(body, dict) else None
        for f in fields if isinstance(fields, list) else []:
            if not isinstance(f, dict) or not isinstance(f.get("picklistValues"), list):
                continue
            name = text(f.get("name"))
            if not name:
                continue
            values = labels.setdefault(name.lower(), {})
            for v in f["picklistValues"]:
                if isinstance(v, dict) and (value := text(v.get("value"))):
                    values[value] = text(v.get("label")) or value
        self._picklists[entity] = labels
        return labels

    @staticmethod
    def _label(labels: dict[str, dict[str, str]], field: str, value: Any) -> str | None:
        raw = text(value)
        if raw is None:
            return None
        return labels.get(field.lower(), {}).get(raw, raw)

    async def _get_item(self, entity: str, record_id: Any) -> dict[str, Any] | None:
        """One record, or None when it is gone or out of the API user's reach."""
        number = _int(record_id)
        if number is None:
            return None
        try:
            return _item(await self._call("GET", f"/V1.0/{entity}/{number}"))
        except PsaError as exc:
            if exc.kind in ("not_found", "permission"):
                return None
            raise

    async def _ticket_record(self, ticket_id: str) -> dict[str, Any]:
        wanted = ticket_id.strip()
        item: dict[str, Any] | None = None
        if _digits(wanted):
            item = await self._get_item("Tickets", wanted)
        elif _TICKET_NUMBER.match(wanted):
            found = await self._query(
                "Tickets", [{"op": "eq", "field": "ticketNumber", "value": wanted}], limit=1
            )
            item = found[0] if found else None
        if item is None:
            raise PsaError("not_found", f"Autotask has no ticket {wanted!r}.", status=404)
        return item

    async def _ticket_number(self, ticket_id: str) -> int:
        """The numeric id for a ticket id or a ticket number (T20261120.0001)."""
        wanted = ticket_id.strip()
        if _digits(wanted):
            return int(wanted)
        number = _int((await self._ticket_record(wanted)).get("id"))
        if number is None:
            raise PsaError("not_found", f"Autotask has no ticket {wanted!r}.", status=404)
        return number

    async def _company_names(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        try:
            companies = await self._query(
                "Companies", [{"op": "in", "field": "id", "value": sorted(ids)}], limit=len(ids)
            )
        except PsaError as exc:
            if exc.kind in ("permission", "not_found", "invalid"):
                return {}
            raise
        names: dict[int, str] = {}
        for company in companies:
            cid, name = _int(company.get("id")), text(company.get("companyName"))
            if cid is not None and name:
                names[cid] = name
        return names

    def _summary(
        self, item: Mapping[str, Any], labels: dict[str, dict[str, str]], companies: dict[int, str]
    ) -> dict[str, Any]:
        company_id = _int(item.get("companyID"))
        return {
            "id": text(item.get("id")) or "",
            "summary": text(item.get("title")) or "(no title)",
            "company": companies.get(company_id) if company_id is not None else None,
            "status": self._label(labels, "status", item.get("status")),
            "board": self._label(labels, "queueID", item.get("queueID")),
            "priority": self._label(labels, "priority", item.get("priority")),
        }

    # -- PsaProvider ----------------------------------------------------------------------

    async def test(self) -> str:
        await self._zone_url()
        await self._call("GET", "/V1.0/Companies/entityInformation")
        return (
            f"Autotask REST v1.0 ({self._zone_name})" if self._zone_name else "Autotask REST v1.0"
        )

    async def get_ticket(self, ticket_id: str) -> Ticket:
        item = await self._ticket_record(ticket_id)
        labels = await self._picklist("Tickets")
        companies = await self._company_names(
            {cid} if (cid := _int(item.get("companyID"))) is not None else set()
        )
        fields = self._summary(item, labels, companies)
        fields["id"] = fields["id"] or ticket_id.strip()
        contact = await self._get_item("Contacts", item.get("contactID"))
        ticket = Ticket(**fields)
        if contact:
            ticket.contact_name = _full_name(contact)
            ticket.contact_email = text(contact.get("emailAddress"))
        ticket.configurations = await self._configurations(item)
        if self._web_url and (number := _int(item.get("id"))) is not None:
            ticket.url = (
                f"{self._web_url.rstrip('/')}/Mvc/ServiceDesk/TicketDetail.mvc"
                f"?workspace=False&ticketId={number}"
            )
        return ticket

    async def _configurations(self, item: Mapping[str, Any]) -> list[Configuration]:
        # The ticket's own configuration item; the company's other CIs are not this
        # ticket's context (a company can have hundreds).
        ci_id = _int(item.get("configurationItemID"))
        if ci_id is None:
            return []
        try:
            records = await self._query(
                "ConfigurationItems", [{"op": "eq", "field": "id", "value": ci_id}], limit=1
            )
        except PsaError as exc:
            if exc.kind in ("permission", "not_found", "invalid"):
                return []
            raise
        labels = await self._picklist("ConfigurationItems") if records else {}
        configurations = []
        for ci in records:
            cid = text(ci.get("id"))
            if not cid:
                continue
            configurations.append(
                Configuration(
                    id=cid,
                    name=text(ci.get("referenceTitle"))
                    or text(ci.get("referenceNumber"))
                    or f"Configuration item {cid}",
                    type=self._label(
                        labels, "configurationItemType", ci.get("configurationItemType")
                    ),
                    serial=text(ci.get("serialNumber")),
                    ip_address=text(ci.get("rmmDeviceAuditIPAddress")),
                    os=text(ci.get("rmmDeviceAuditOperatingSystem")),
                )
            )
        return configurations

    async def search_tickets(self, query: str, *, limit: int = 20) -> list[TicketSummary]:
        limit = max(1, min(limit, MAX_RECORDS))
        filters: list[dict[str, Any]] = [
            {"op": "noteq", "field": "status", "value": COMPLETE_STATUS}
        ]
        q = query.strip()
        if q:
            either: list[dict[str, Any]] = [{"op": "contains", "field": "title", "value": q}]
            if _digits(q):
                either.append({"op": "eq", "field": "id", "value": int(q)})
            if _TICKET_NUMBER.match(q):
                either.append({"op": "eq", "field": "ticketNumber", "value": q})
            filters.append({"op": "or", "items": either})
        records = await self._query("Tickets", filters, limit=limit)
        # Queries cannot sort: show the newest first among what came back.
        records.sort(key=lambda r: _int(r.get("id")) or 0, reverse=True)
        labels = await self._picklist("Tickets") if records else {}
        companies = await self._company_names(
            {cid for r in records if (cid := _int(r.get("companyID"))) is not None}
        )
        return [
            TicketSummary(**self._summary(r, labels, companies))
            for r in records
            if text(r.get("id"))
        ]

    async def list_members(self) -> list[Member]:
        resources = await self._query(
            "Resources", [{"op": "eq", "field": "isActive", "value": True}]
        )
        members = []
        for r in resources:
            rid = text(r.get("id"))
            if not rid:
                continue
            email = text(r.get("email")) or text(r.get("email2")) or text(r.get("email3"))
            members.append(
                Member(
                    id=rid,
                    identifier=rid,  # what ImpersonationResourceId takes
                    name=_full_name(r) or text(r.get("userName")) or email or f"Resource {rid}",
                    email=email,
                    active=r.get("isActive") is not False,
                )
            )
        return members

    async def list_notes(self, ticket_id: str) -> list[PostedNote]:
        number = await self._ticket_number(ticket_id)
        page = await self._call("GET", f"/V1.0/Tickets/{number}/Notes")
        notes = []
        for n in await self._collect(page, 100_000):
            if nid := text(n.get("id")):
                notes.append(PostedNote(id=nid, text=text(n.get("description")) or ""))
        return notes

    async def _note_values(self, note_type: str) -> tuple[int, int]:
        labels = await self._picklist("TicketNotes")
        publish_label, publish = _PUBLISH[note_type]
        for value, label in labels.get("publish", {}).items():
            if label.strip().lower() == publish_label and _digits(value):
                publish = int(value)
                break
        kind = _DEFAULT_NOTE_TYPE
        if note_type == "resolution":
            for value, label in labels.get("notetype", {}).items():
                if "resolution" in label.lower() and _digits(value):
                    kind = int(value)
                    break
        return kind, publish

    async def post_note(self, ticket_id: str, note: NoteDraft) -> str:
        if len(note.text) > NOTE_MAX_CHARS:
            raise PsaError(
                "invalid",
                f"The note is longer than Autotask accepts ({NOTE_MAX_CHARS} characters).",
            )
        number = await self._ticket_number(ticket_id)
        note_kind, publish = await self._note_values(note.note_type)
        # notify_customer has no TicketNote field: Autotask emails contacts through its own
        # notification rules, which the note's publish setting feeds.
        body = {
            "ticketID": number,
            "title": _TITLES.get(note.note_type, "ResolutionFlow note"),
            "description": note.text,
            "noteType": note_kind,
            "publish": publish,
        }
        headers = {}
        if note.member is not None and _digits(note.member.identifier.strip()):
            headers["ImpersonationResourceId"] = note.member.identifier.strip()
        result = await self._call(
            "POST", f"/V1.0/Tickets/{number}/Notes", json=body, headers=headers
        )
        note_id = text(result.get("itemId")) if isinstance(result, dict) else None
        if not note_id:
            raise PsaError("server", "Autotask stored the note but did not return its id.")
        return note_id

    async def set_status(self, ticket_id: str, status: str) -> str | None:
        raise PsaError("unsupported", "Autotask status changes are not supported yet.")

    async def add_time_entry(self, ticket_id: str, entry: TimeEntry) -> str:
        raise PsaError("unsupported", "Autotask time entries are not supported yet.")

    async def configurations(
        self, company_id: str, *, limit: int = 1000
    ) -> list[CompanyConfiguration]:
        number = _int(company_id)
        if number is None:
            raise PsaError("not_found", f"'{company_id}' is not an Autotask company id.")
        names = await self._company_names({number})
        if number not in names:
            raise PsaError("not_found", f"Autotask has no company {number}.", status=404)
        records = await self._query(
            "ConfigurationItems",
            [
                {"op": "eq", "field": "companyID", "value": number},
                {"op": "eq", "field": "isActive", "value": True},
            ],
            limit=max(1, limit),
        )
        labels = await self._picklist("ConfigurationItems") if records else {}
        found = []
        for ci in records:
            cid = text(ci.get("id"))
            if not cid:
                continue
            found.append(
                CompanyConfiguration(
                    id=cid,
                    name=text(ci.get("referenceTitle"))
                    or text(ci.get("referenceNumber"))
                    or f"Configuration item {cid}",
                    type=self._label(
                        labels, "configurationItemType", ci.get("configurationItemType")
                    ),
                    serial=text(ci.get("serialNumber")),
                    ip_address=text(ci.get("rmmDeviceAuditIPAddress")),
                    os=text(ci.get("rmmDeviceAuditOperatingSystem")),
                    company_id=str(number),
                    company=names[number],
                )
            )
        return found

    async def aclose(self) -> None:
        await self._http.aclose()
