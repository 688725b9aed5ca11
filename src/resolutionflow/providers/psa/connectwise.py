"""ConnectWise PSA (Manage) over its REST API: tickets, notes, members, status and time entries.

Wire facts this module depends on (see ../shared/data/psa/README.md): Basic auth built from
"{company}+{public}:{private}", a `clientId` header on every call, the model version pinned in
`Accept`, 1-based paging whose `Link: rel="next"` URLs drop `conditions`, notes that must set one
of three display flags, and status changes that ConnectWise may silently ignore.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import parse_qs, quote, urlsplit

import httpx

from resolutionflow.providers.psa.base import (
    CompanyConfiguration,
    ConfigField,
    Configuration,
    Member,
    NoteDraft,
    PostedNote,
    PsaError,
    Ticket,
    TicketSummary,
    TimeEntry,
    ref_name,
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

ACCEPT = "application/vnd.connectwise.com+json; version=2025.8"
MAX_PAGE_SIZE = 1000
MAX_CONFIGURATIONS = 20
# A runaway Link chain (a server that always says "next") must end somewhere.
_MAX_PAGES = 500
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_NOTE_FLAGS = {
    "internal": "internalAnalysisFlag",
    "discussion": "detailDescriptionFlag",
    "resolution": "resolutionFlag",
}
_EMAIL_BY_DEFAULT = {"office": "officeEmail", "mobile": "mobileEmail", "home": "homeEmail"}


def _body(response: httpx.Response) -> dict[str, Any] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def explain(response: httpx.Response) -> PsaError:
    """A ConnectWise error reply (`{"code","message","errors"}`) as a PsaError."""
    status = response.status_code
    body = _body(response)
    detail = error_message(response, "") if body is not None else ""
    path = response.request.url.path if response.request is not None else ""
    if status == 404 and body is None:
        # ConnectWise's API answers JSON, even for a missing record; an HTML 404 comes from
        # the web server in front of it: the base URL names the wrong codebase or path.
        return PsaError(
            "wrong_codebase",
            f"ConnectWise has no API at this base URL ({path} answered 404 with a web page).",
            status=status,
        )
    if status == 401:
        return PsaError("credentials", "ConnectWise refused the API keys.", status=status)
    if status == 403:
        what = f": {detail.rstrip('.')}" if detail else f" for {response.request.method} {path}"
        return PsaError(
            "permission", f"ConnectWise says the API member lacks permission{what}.", status=status
        )
    if status == 404:
        return PsaError(
            "not_found",
            f"ConnectWise found nothing there: {(detail or path).rstrip('.')}.",
            status=status,
        )
    kind = kind_for_status(status)
    if kind == "server":
        message = f"ConnectWise answered {status}" + (f": {detail}" if detail else ".")
    elif kind == "rate_limited":
        message = "ConnectWise is rate limiting us (429)."
    else:
        message = f"ConnectWise rejected the request ({status})" + (
            f": {_with_field_errors(detail, body)}" if detail else "."
        )
    return PsaError(kind, message, status=status)


def _with_field_errors(detail: str, body: dict[str, Any] | None) -> str:
    # "serviceNote object is invalid" says little; the per-field messages say what to fix.
    errors = body.get("errors") if body else None
    if not isinstance(errors, list):
        return detail
    extra = [
        e["message"]
        for e in errors
        if isinstance(e, dict) and isinstance(e.get("message"), str) and e["message"] != detail
    ]
    return "; ".join([detail, *extra[:3]])[:500]


def _site_parts(site: str) -> tuple[str, str]:
    """(scheme, host[:port]) of a site given as a host or a URL: https unless loopback http."""
    site = site.strip()
    try:
        parts = urlsplit(site if "://" in site else f"https://{site}")
    except ValueError:  # "[abc": urlsplit refuses a broken IPv6 literal; that is bad input
        parts = urlsplit("")
    if not parts.hostname:
        raise PsaError("invalid", f"'{site}' is not a ConnectWise site address.")
    scheme = "http" if parts.scheme == "http" and parts.hostname in _LOOPBACK else "https"
    return scheme, parts.netloc


def api_base_url(scheme: str, host: str, codebase: str, *, is_cloud: bool, site_url: str) -> str:
    """The REST base: cloud sites are served from `api-{SiteUrl}`, others from the site itself."""
    codebase = codebase.strip("/") + "/"
    site_host = urlsplit(site_url if "://" in site_url else f"//{site_url}").netloc
    given = urlsplit(f"//{host}").hostname or ""
    if is_cloud and site_host and given not in _LOOPBACK:
        api_host = site_host if site_host.startswith("api-") else f"api-{site_host}"
        return f"https://{api_host}/{codebase}apis/3.0"
    return f"{scheme}://{host}/{codebase}apis/3.0"


async def discover(site: str, company_id: str, *, timeout_s: float = 10) -> dict[str, Any]:
    """Asks the site which codebase and API host serve `company_id` (no keys needed)."""
    company = company_id.strip()
    if not company:
        raise PsaError("invalid", "Enter the ConnectWise company id first.")
    scheme, host = _site_parts(site)
    http = PsaHttp(
        f"{scheme}://{host}",
        headers={"Accept": "application/json"},
        explain=explain,
        timeout_s=timeout_s,
        policy=RetryPolicy(max_retries=1, backoff_base_s=0.2),
    )
    try:
        info = await http.json("GET", f"/login/companyinfo/{quote(company, safe='')}")
    finally:
        await http.aclose()
    if info is None:
        raise PsaError("not_found", f"ConnectWise does not know company '{company}'.")
    if not isinstance(info, dict) or not text(info.get("Codebase")):
        raise PsaError("wrong_codebase", f"{host} did not answer like a ConnectWise site.")
    codebase = str(text(info.get("Codebase"))).strip("/") + "/"
    is_cloud = info.get("IsCloud") is True
    site_url = text(info.get("SiteUrl")) or host
    return {
        "base_url": api_base_url(scheme, host, codebase, is_cloud=is_cloud, site_url=site_url),
        "codebase": codebase,
        "company_name": text(info.get("CompanyName")),
        "is_cloud": is_cloud,
        "site_url": site_url,
    }


def _digits(value: str) -> bool:
    # ASCII only: str.isdigit() is also true for "²" or "①", which int() then refuses (a 500).
    return value.isascii() and value.isdigit()


def _ticket_number(ticket_id: str) -> int:
    raw = str(ticket_id).strip().lstrip("#")
    if not _digits(raw) or len(raw) > 10:
        raise PsaError("not_found", f"'{ticket_id}' is not a ConnectWise ticket number.")
    return int(raw)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _summary(item: Mapping[str, Any]) -> TicketSummary:
    return TicketSummary(
        id=text(item.get("id")) or "",
        summary=text(item.get("summary")) or "",
        company=ref_name(item.get("company")),
        status=ref_name(item.get("status")),
        board=ref_name(item.get("board")),
        priority=ref_name(item.get("priority")),
    )


def _configuration(item: Mapping[str, Any]) -> Configuration:
    cid = text(item.get("id")) or ""
    return Configuration(
        id=cid,
        name=text(item.get("name")) or text(item.get("deviceIdentifier")) or f"Configuration {cid}",
        type=ref_name(item.get("type")),
        serial=text(item.get("serialNumber")),
        ip_address=text(item.get("ipAddress")),
        os=text(item.get("osType")) or text(item.get("osInfo")),
    )


def _member(item: Mapping[str, Any]) -> Member | None:
    mid = text(item.get("id"))
    identifier = text(item.get("identifier"))
    if mid is None or identifier is None:
        return None
    # API members (licenseClass "A") often have a first name only.
    name = " ".join(n for n in (text(item.get("firstName")), text(item.get("lastName"))) if n)
    default_email = text(item.get("defaultEmail"))
    preferred = _EMAIL_BY_DEFAULT.get(default_email.lower()) if default_email else None
    email = None
    for key in ("primaryEmail", preferred, "officeEmail", "mobileEmail", "homeEmail"):
        if key and (value := text(item.get(key))) and "@" in value:
            email = value
            break
    return Member(
        id=mid,
        identifier=identifier,
        name=name or identifier,
        email=email,
        active=item.get("inactiveFlag") is not True,
    )


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ConnectWise:
    """One ConnectWise connection (an account's keys)."""

    name: ClassVar[str] = "connectwise"
    label: ClassVar[str] = "ConnectWise PSA"
    supports_status: ClassVar[bool] = True
    supports_time_entries: ClassVar[bool] = True
    fields: ClassVar[tuple[ConfigField, ...]] = (
        ConfigField(
            "base_url",
            "API base URL",
            kind="url",
            help=(
                "API base, e.g. https://api-na.myconnectwise.net/v2025_1/apis/3.0 — or use Discover"
            ),
            placeholder="https://api-na.myconnectwise.net/v2025_1/apis/3.0",
        ),
        ConfigField("company_id", "Company ID", help="The company id you sign in with."),
        ConfigField("public_key", "Public key", help="From the API member's API Keys tab."),
        ConfigField("private_key", "Private key", kind="secret"),
        ConfigField(
            "client_id",
            "Client ID",
            help="Your integration's clientId GUID from developer.connectwise.com.",
            placeholder="00000000-0000-0000-0000-000000000000",
        ),
    )
    # Rows per page when listing; tests lower it to exercise paging.
    page_size: int = 250

    def __init__(
        self,
        config: Mapping[str, str],
        *,
        timeout_s: float = 20.0,
        policy: RetryPolicy | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        def value(key: str) -> str:
            return (config.get(key) or "").strip()

        self.base_url = value("base_url").rstrip("/")
        self._company = value("company_id")
        self._client_id = value("client_id")
        self._timeout_s, self._policy, self._sleep = timeout_s, policy, sleep
        self._http = self._signed_in(value("public_key"), value("private_key"))

    def _signed_in(self, public_key: str, private_key: str) -> PsaHttp:
        token = base64.b64encode(f"{self._company}+{public_key}:{private_key}".encode()).decode(
            "ascii"
        )
        return PsaHttp(
            self.base_url,
            headers={
                "Authorization": f"Basic {token}",
                "clientId": self._client_id,
                "Accept": ACCEPT,
                "Content-Type": "application/json",
            },
            explain=explain,
            timeout_s=self._timeout_s,
            policy=self._policy,
            sleep=self._sleep,
            secrets=(private_key, token),
        )

    async def _as_member(self, identifier: str) -> PsaHttp | None:
        """A client signed in as `identifier` (temporary member keys), so what it writes is
        authored by that member; None when the API member may not do that (then notes are the
        API member's, carrying `member` as a hint)."""
        try:
            keys = await self._http.json(
                "POST",
                f"/system/members/{quote(identifier, safe='')}/tokens",
                json={},
                headers={"x-cw-usertype": "member"},
                idempotent=True,  # a second token is harmless
            )
        except PsaError as exc:
            if exc.retryable:
                raise
            log.info("connectwise: not acting as member %s (%s)", identifier, exc.kind)
            return None
        public = text(keys.get("publicKey")) if isinstance(keys, dict) else None
        private = text(keys.get("privateKey")) if isinstance(keys, dict) else None
        if not public or not private:
            return None
        return self._signed_in(public, private)

    async def test(self) -> str:
        info = await self._http.json("GET", "/system/info")
        if not isinstance(info, dict):
            raise PsaError("wrong_codebase", "ConnectWise /system/info did not answer as expected.")
        return text(info.get("version")) or "unknown"

    async def _object(self, path: str) -> dict[str, Any]:
        body = await self._http.json("GET", path)
        if not isinstance(body, dict):
            raise PsaError("invalid", f"ConnectWise answered {path} with something unexpected.")
        return body

    async def paged(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        limit: int | None = None,
        page_size: int | None = None,
    ) -> list[Any]:
        """Every row of a list endpoint, page by page, up to `limit`.

        ConnectWise's `Link: rel="next"` URL carries only page and pageSize: following it as
        is would drop `conditions` and return unfiltered rows. So only the page number is
        taken from it, and the original query is sent again with it.
        """
        size = max(1, min(MAX_PAGE_SIZE, page_size or self.page_size, limit or MAX_PAGE_SIZE))
        base = {k: v for k, v in (params or {}).items() if k not in ("page", "pageSize")}
        rows: list[Any] = []
        page = 1
        for _ in range(_MAX_PAGES):
            response = await self._http.request(
                "GET", path, params={**base, "page": page, "pageSize": size}
            )
            try:
                batch = response.json()
            except ValueError as exc:
                raise PsaError(
                    "wrong_codebase",
                    f"ConnectWise answered {path} with something that is not JSON.",
                ) from exc
            if not isinstance(batch, list):
                raise PsaError("invalid", f"ConnectWise answered {path} with something unexpected.")
            rows.extend(batch)
            if not batch or (limit is not None and len(rows) >= limit):
                break
            following = self._next_page(response, page, full=len(batch) >= size)
            if following is None:
                break
            page = following
        return rows[:limit] if limit is not None else rows

    @staticmethod
    def _next_page(response: httpx.Response, page: int, *, full: bool) -> int | None:
        if "link" not in response.headers:
            # No Link header at all (a proxy may strip it): a full page means there may be more.
            return page + 1 if full else None
        link = response.links.get("next")
        if not link or not link.get("url"):
            return None
        numbers = parse_qs(urlsplit(link["url"]).query).get("page") or []
        try:
            following = int(numbers[0]) if numbers else page + 1
        except ValueError:
            following = page + 1
        return following if following > page else None

    async def get_ticket(self, ticket_id: str) -> Ticket:
        number = _ticket_number(ticket_id)
        item = await self._object(f"/service/tickets/{number}")
        base = _summary(item)
        return Ticket(
            id=base.id or str(number),
            summary=base.summary,
            company=base.company,
            status=base.status,
            board=base.board,
            priority=base.priority,
            contact_name=text(item.get("contactName")) or ref_name(item.get("contact")),
            contact_email=text(item.get("contactEmailAddress")),
            configurations=await self._configurations(number),
            url=self._ticket_url(number, item),
        )

    async def _configurations(self, number: int) -> list[Configuration]:
        # Devices are context, not the point: a role without configuration access still
        # gets the ticket.
        try:
            refs = await self.paged(
                f"/service/tickets/{number}/configurations", limit=MAX_CONFIGURATIONS
            )
        except PsaError as exc:
            if exc.kind not in ("permission", "not_found"):
                raise
            log.info("connectwise ticket %s: configurations unavailable (%s)", number, exc.kind)
            return []
        found: list[Configuration] = []
        for ref in refs:
            if not isinstance(ref, dict) or text(ref.get("id")) is None:
                continue
            cid = text(ref.get("id"))
            try:
                detail = await self._object(f"/company/configurations/{quote(str(cid), safe='')}")
            except PsaError as exc:
                if exc.kind not in ("permission", "not_found", "invalid"):
                    raise
                detail = ref
            found.append(_configuration(detail))
        return found

    def _ticket_url(self, number: int, item: Mapping[str, Any]) -> str | None:
        parts = urlsplit(self.base_url)
        if not parts.hostname or "/apis/" not in parts.path:
            return None
        host = parts.netloc.removeprefix("api-")
        codebase = parts.path.split("/apis/", 1)[0].strip("/")
        company = ref_name(item.get("company")) or ""
        prefix = f"{parts.scheme}://{host}/{codebase + '/' if codebase else ''}"
        return (
            f"{prefix}services/system_io/Service/fv_sr100_request.rails"
            f"?service_recid={number}&companyName={quote(company)}"
        )

    async def search_tickets(self, query: str, *, limit: int = 20) -> list[TicketSummary]:
        query = query.strip()
        conditions = "closedFlag = false"
        if _digits(query.lstrip("#")) and len(query.lstrip("#")) <= 10:
            conditions += f" and (id = {int(query.lstrip('#'))})"
        elif query:
            conditions += f" and summary contains {_quoted(query[:100])}"
        rows = await self.paged(
            "/service/tickets",
            {"conditions": conditions, "orderBy": "id desc"},
            limit=max(1, limit),
        )
        return [_summary(row) for row in rows if isinstance(row, dict) and text(row.get("id"))]

    async def list_members(self) -> list[Member]:
        rows = await self.paged(
            "/system/members", {"conditions": "inactiveFlag = false", "orderBy": "id asc"}
        )
        members = (_member(row) for row in rows if isinstance(row, dict))
        return [m for m in members if m is not None]

    async def list_notes(self, ticket_id: str) -> list[PostedNote]:
        number = _ticket_number(ticket_id)
        rows = await self.paged(f"/service/tickets/{number}/notes", {"orderBy": "id asc"})
        return [
            PostedNote(
                id=text(row.get("id")) or "",
                text=row["text"] if isinstance(row.get("text"), str) else "",
            )
            for row in rows
            if isinstance(row, dict)
        ]

    async def post_note(self, ticket_id: str, note: NoteDraft) -> str:
        number = _ticket_number(ticket_id)
        flag = _NOTE_FLAGS.get(note.note_type)
        if flag is None:
            raise PsaError("unsupported", f"ConnectWise has no '{note.note_type}' note type.")
        body: dict[str, Any] = {
            "text": note.text,
            flag: True,
            # True emails the ticket's contact: only when someone chose to.
            "processNotifications": bool(note.notify_customer),
        }
        http, acting = self._http, None
        if note.member is not None and note.member.identifier:
            body["member"] = {"identifier": note.member.identifier}
            acting = await self._as_member(note.member.identifier)
            http = acting or http
        try:
            created = await http.json(
                "POST", f"/service/tickets/{number}/notes", json=body, idempotent=False
            )
        finally:
            if acting is not None:
                await acting.aclose()
        return (text(created.get("id")) if isinstance(created, dict) else None) or ""

    async def set_status(self, ticket_id: str, status: str) -> str | None:
        number = _ticket_number(ticket_id)
        await self._http.request(
            "PATCH",
            f"/service/tickets/{number}",
            json=[{"op": "replace", "path": "status", "value": {"name": status}}],
            idempotent=True,
        )
        # ConnectWise answers 200 even when a workflow rule refused the change: re-read it.
        return ref_name((await self._object(f"/service/tickets/{number}")).get("status"))

    async def add_time_entry(self, ticket_id: str, entry: TimeEntry) -> str:
        number = _ticket_number(ticket_id)
        if entry.minutes <= 0:
            raise PsaError("invalid", "A time entry needs at least one minute.")
        end = datetime.now(UTC).replace(microsecond=0)
        start = end - timedelta(minutes=entry.minutes)
        body: dict[str, Any] = {
            "chargeToId": number,
            "chargeToType": "ServiceTicket",
            "timeStart": _utc(start),
            "timeEnd": _utc(end),
            "actualHours": round(entry.minutes / 60, 2),
            "notes": entry.notes,
        }
        if entry.member is not None and entry.member.identifier:
            body["member"] = {"identifier": entry.member.identifier}
        created = await self._http.json("POST", "/time/entries", json=body, idempotent=False)
        return (text(created.get("id")) if isinstance(created, dict) else None) or ""

    async def configurations(
        self, company_id: str, *, limit: int = 1000
    ) -> list[CompanyConfiguration]:
        raw = company_id.strip()
        if not _digits(raw) or len(raw) > 10:
            raise PsaError("not_found", f"'{company_id}' is not a ConnectWise company id.")
        company = await self._object(f"/company/companies/{int(raw)}")
        rows = await self.paged(
            "/company/configurations",
            {"conditions": f"company/id = {int(raw)} and activeFlag = true", "orderBy": "name asc"},
            limit=max(1, limit),
        )
        found = []
        for row in rows:
            if not isinstance(row, dict) or text(row.get("id")) is None:
                continue
            base = _configuration(row)
            found.append(
                CompanyConfiguration(
                    **base.__dict__,
                    company_id=text(raw),
                    company=ref_name(row.get("company")) or text(company.get("name")),
                    site=ref_name(row.get("site")),
                )
            )
        return found

    async def aclose(self) -> None:
        await self._http.aclose()
