"""ConnectWise's ticket desk: /service/tickets with `conditions`, the boards, priorities, types
and statuses of /service/boards, companies and contacts, and ticket creation carrying its
marker in `externalXRef` (a plain, filterable ticket field) so a retry finds what a lost answer
stored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from resolutionflow.providers.psa.base import PsaError, ref_name, text
from resolutionflow.providers.psa.connectwise import (
    ConnectWise,
    _digits,
    _quoted,
    _summary,
    _ticket_number,
)
from resolutionflow.providers.psa.desk import (
    Choice,
    CompanyChoice,
    ContactChoice,
    CreatedTicket,
    FormOptions,
    NewTicket,
    QueueRow,
    TicketFilter,
    TicketPage,
    TicketRefs,
    default_board,
)

MAX_CHOICES = 1000


def _id_of(value: str | None, what: str) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    raw = str(value).strip()
    if not _digits(raw) or len(raw) > 10:
        raise PsaError("invalid", f"'{value}' is not a ConnectWise {what} id.")
    return int(raw)


def _ref_id(value: Any) -> str | None:
    return text(value.get("id")) if isinstance(value, dict) else None


def _domain(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lower()
    if "@" in value:
        return value.rsplit("@", 1)[1] or None
    host = urlsplit(value if "://" in value else f"//{value}").hostname
    return host.removeprefix("www.") if host else None


def _email(contact: Mapping[str, Any]) -> str | None:
    items = contact.get("communicationItems")
    if not isinstance(items, list):
        return None
    emails = [
        i
        for i in items
        if isinstance(i, dict)
        and (i.get("communicationType") == "Email" or ref_name(i.get("type")) == "Email")
        and isinstance(i.get("value"), str)
    ]
    emails.sort(key=lambda i: i.get("defaultFlag") is not True)
    return text(emails[0]["value"]) if emails else None


def _choices(rows: list[Any]) -> list[Choice]:
    return [
        Choice(id=str(text(r.get("id"))), name=text(r.get("name")) or str(r.get("id")))
        for r in rows
        if isinstance(r, dict) and text(r.get("id"))
    ]


class ConnectWiseDesk:
    def __init__(self, cw: ConnectWise) -> None:
        self.cw = cw

    def _conditions(self, wanted: TicketFilter) -> str:
        parts = ["closedFlag = false"]
        if wanted.view == "mine":
            if not wanted.member_identifier:
                raise PsaError("invalid", "Your ConnectWise member is not known.")
            who = _quoted(wanted.member_identifier)
            parts.append(f"(owner/identifier = {who} or resources contains {who})")
        query = wanted.query.strip()
        if _digits(query.lstrip("#")) and len(query.lstrip("#")) <= 10:
            parts.append(f"id = {int(query.lstrip('#'))}")
        elif query:
            q = _quoted(query[:100])
            parts.append(f"(summary contains {q} or company/name contains {q})")
        if (board := _id_of(wanted.board_id, "board")) is not None:
            parts.append(f"board/id = {board}")
        if (company := _id_of(wanted.company_id, "company")) is not None:
            parts.append(f"company/id = {company}")
        if (priority := _id_of(wanted.priority_id, "priority")) is not None:
            parts.append(f"priority/id = {priority}")
        if wanted.status:
            parts.append(f"status/name = {_quoted(wanted.status[:50])}")
        return " and ".join(parts)

    async def list_tickets(self, wanted: TicketFilter) -> TicketPage:
        size = max(1, min(100, wanted.page_size))
        page = max(1, wanted.page)
        response = await self.cw._http.request(
            "GET",
            "/service/tickets",
            params={
                "conditions": self._conditions(wanted),
                "orderBy": "id desc",
                "page": page,
                "pageSize": size,
            },
        )
        try:
            rows = response.json()
        except ValueError as exc:
            raise PsaError(
                "wrong_codebase", "ConnectWise answered a ticket list that is not JSON."
            ) from exc
        if not isinstance(rows, list):
            raise PsaError(
                "invalid", "ConnectWise answered the ticket list with something unexpected."
            )
        items = []
        for row in rows:
            if not isinstance(row, dict) or not text(row.get("id")):
                continue
            base = _summary(row)
            info = row.get("_info")
            items.append(
                QueueRow(
                    **base.__dict__,
                    owner=ref_name(row.get("owner")),
                    updated=text(info.get("lastUpdated")) if isinstance(info, dict) else None,
                )
            )
        has_more = ConnectWise._next_page(response, page, full=len(rows) >= size) is not None
        return TicketPage(items=items, has_more=has_more)

    async def form_options(self, board_id: str | None = None) -> FormOptions:
        boards = _choices(
            await self.cw.paged(
                "/service/boards",
                {"conditions": "inactiveFlag = false", "orderBy": "name asc"},
                limit=MAX_CHOICES,
            )
        )
        board = _id_of(board_id, "board")
        if board is None and boards:
            board = int(default_board(boards).id)
        priorities = _choices(
            await self.cw.paged("/service/priorities", {"orderBy": "sort asc"}, limit=MAX_CHOICES)
        )
        types: list[Choice] = []
        statuses: list[Choice] = []
        if board is not None:
            types = _choices(
                await self.cw.paged(f"/service/boards/{board}/types", {"orderBy": "name asc"})
            )
            statuses = _choices(
                await self.cw.paged(f"/service/boards/{board}/statuses", {"orderBy": "sort asc"})
            )
        company_rows = await self.cw.paged(
            "/company/companies",
            {"conditions": "deletedFlag = false", "orderBy": "name asc"},
            limit=MAX_CHOICES,
        )
        contact_rows = await self.cw.paged(
            "/company/contacts",
            {"conditions": "inactiveFlag = false", "orderBy": "id asc"},
            limit=MAX_CHOICES,
        )
        contacts = []
        for row in contact_rows:
            if not isinstance(row, dict) or not text(row.get("id")):
                continue
            name = " ".join(n for n in (text(row.get("firstName")), text(row.get("lastName"))) if n)
            contacts.append(
                ContactChoice(
                    id=str(text(row.get("id"))),
                    name=name or str(row.get("id")),
                    company_id=_ref_id(row.get("company")),
                    email=_email(row),
                )
            )
        companies = []
        for row in company_rows:
            if not isinstance(row, dict) or not text(row.get("id")):
                continue
            cid = str(text(row.get("id")))
            domains = {d for d in [_domain(text(row.get("website")))] if d}
            domains |= {d for c in contacts if c.company_id == cid and (d := _domain(c.email))}
            companies.append(
                CompanyChoice(
                    id=cid,
                    name=text(row.get("name")) or cid,
                    identifier=text(row.get("identifier")),
                    domains=sorted(domains),
                )
            )
        return FormOptions(
            boards=boards,
            priorities=priorities,
            types=types,
            statuses=statuses,
            companies=companies,
            contacts=contacts,
            board_id=str(board) if board is not None else None,
        )

    async def create_ticket(self, new: NewTicket) -> CreatedTicket:
        body: dict[str, Any] = {"summary": new.summary}
        if new.description:
            body["initialDescription"] = new.description
        for key, value, what in (
            ("company", new.company_id, "company"),
            ("board", new.board_id, "board"),
            ("priority", new.priority_id, "priority"),
            ("type", new.type_id, "type"),
            ("contact", new.contact_id, "contact"),
        ):
            if (number := _id_of(value, what)) is not None:
                body[key] = {"id": number}
        if new.marker:
            body["externalXRef"] = new.marker
        created = await self.cw._http.json("POST", "/service/tickets", json=body, idempotent=False)
        if not isinstance(created, dict) or not text(created.get("id")):
            raise PsaError("invalid", "ConnectWise created the ticket but did not say its number.")
        return self._created(created)

    def _created(self, item: Mapping[str, Any]) -> CreatedTicket:
        number = int(str(text(item.get("id"))))
        return CreatedTicket(
            id=str(number),
            url=self.cw._ticket_url(number, item),
            summary=text(item.get("summary")) or "",
        )

    async def find_marked(self, marker: str) -> CreatedTicket | None:
        rows = await self.cw.paged(
            "/service/tickets", {"conditions": f"externalXRef = {_quoted(marker)}"}, limit=1
        )
        found = next((r for r in rows if isinstance(r, dict) and text(r.get("id"))), None)
        return self._created(found) if found is not None else None

    async def ticket_refs(self, ticket_id: str) -> TicketRefs:
        number = _ticket_number(ticket_id)
        item = await self.cw._object(f"/service/tickets/{number}")
        return TicketRefs(
            id=str(number),
            company_id=_ref_id(item.get("company")),
            board_id=_ref_id(item.get("board")),
            contact_id=_ref_id(item.get("contact")),
            url=self.cw._ticket_url(number, item),
        )
