"""Autotask's ticket desk: Tickets/query (queues stand for boards; "mine" is the assigned
resource), the Tickets picklists (queue, status, priority, ticket type), companies and contacts
by query, and ticket creation (POST /Tickets answers `{"itemId"}`) carrying its marker in the
ticket's `externalID`, which a query can find again.

Queries cannot sort or skip: the newest first is sorted here among at most 500 matches, and a
page is a slice of those.
"""

from __future__ import annotations

from typing import Any

from resolutionflow.providers.psa.autotask import (
    COMPLETE_STATUS,
    MAX_RECORDS,
    Autotask,
    _digits,
    _full_name,
    _int,
)
from resolutionflow.providers.psa.base import PsaError, text
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


def _id(value: str | None, what: str) -> int | None:
    if value is None or not str(value).strip():
        return None
    raw = str(value).strip()
    if not _digits(raw) or len(raw) > 12:
        raise PsaError("invalid", f"'{value}' is not an Autotask {what} id.")
    return int(raw)


def _domain(email: str | None) -> str | None:
    if not email or "@" not in email:
        return None
    return email.rsplit("@", 1)[1].strip().lower() or None


class AutotaskDesk:
    def __init__(self, at: Autotask) -> None:
        self.at = at

    async def _choices(self, field: str) -> list[Choice]:
        labels = (await self.at._picklist("Tickets")).get(field.lower(), {})
        return [Choice(id=value, name=label) for value, label in labels.items()]

    async def _status_value(self, name: str) -> int | None:
        for choice in await self._choices("status"):
            if choice.name.lower() == name.strip().lower():
                return int(choice.id)
        return None

    async def list_tickets(self, wanted: TicketFilter) -> TicketPage:
        filters: list[dict[str, Any]] = [
            {"op": "noteq", "field": "status", "value": COMPLETE_STATUS}
        ]
        if wanted.view == "mine":
            resource = _id(wanted.member_identifier, "resource")
            if resource is None:
                raise PsaError("invalid", "Your Autotask resource is not known.")
            filters.append({"op": "eq", "field": "assignedResourceID", "value": resource})
        q = wanted.query.strip()
        if q:
            either: list[dict[str, Any]] = [{"op": "contains", "field": "title", "value": q[:100]}]
            if _digits(q.lstrip("#")) and len(q.lstrip("#")) <= 12:
                either.append({"op": "eq", "field": "id", "value": int(q.lstrip("#"))})
            either.append({"op": "eq", "field": "ticketNumber", "value": q[:50]})
            filters.append({"op": "or", "items": either})
        for field, value, what in (
            ("queueID", wanted.board_id, "queue"),
            ("companyID", wanted.company_id, "company"),
            ("priority", wanted.priority_id, "priority"),
        ):
            if (number := _id(value, what)) is not None:
                filters.append({"op": "eq", "field": field, "value": number})
        if wanted.status:
            status = await self._status_value(wanted.status)
            if status is None:
                return TicketPage(items=[], has_more=False)
            filters.append({"op": "eq", "field": "status", "value": status})
        records = await self.at._query("Tickets", filters, limit=MAX_RECORDS)
        records.sort(key=lambda r: _int(r.get("id")) or 0, reverse=True)
        size = max(1, min(100, wanted.page_size))
        start = (max(1, wanted.page) - 1) * size
        page = records[start : start + size]
        labels = await self.at._picklist("Tickets") if page else {}
        companies = await self.at._company_names(
            {cid for r in page if (cid := _int(r.get("companyID"))) is not None}
        )
        items = [
            QueueRow(
                **self.at._summary(r, labels, companies), updated=text(r.get("lastActivityDate"))
            )
            for r in page
            if text(r.get("id"))
        ]
        return TicketPage(items=items, has_more=len(records) > start + size)

    async def form_options(self, board_id: str | None = None) -> FormOptions:
        boards = await self._choices("queueID")
        companies_raw = await self.at._query(
            "Companies", [{"op": "eq", "field": "isActive", "value": True}], limit=MAX_RECORDS
        )
        contacts_raw = await self.at._query(
            "Contacts", [{"op": "gt", "field": "id", "value": 0}], limit=MAX_RECORDS
        )
        contacts = [
            ContactChoice(
                id=str(text(c.get("id"))),
                name=_full_name(c) or str(text(c.get("id"))),
                company_id=text(c.get("companyID")),
                email=text(c.get("emailAddress")),
            )
            for c in contacts_raw
            if text(c.get("id"))
        ]
        companies = []
        for c in companies_raw:
            cid = text(c.get("id"))
            if not cid:
                continue
            domains = {d for d in [_domain(text(c.get("webAddress")))] if d}
            domains |= {d for x in contacts if x.company_id == cid and (d := _domain(x.email))}
            companies.append(
                CompanyChoice(
                    id=cid, name=text(c.get("companyName")) or cid, domains=sorted(domains)
                )
            )
        board = board_id or (default_board(boards).id if boards else None)
        return FormOptions(
            boards=boards,
            priorities=await self._choices("priority"),
            # Autotask's ticket types are one picklist for every queue.
            types=await self._choices("ticketType"),
            statuses=await self._choices("status"),
            companies=sorted(companies, key=lambda c: c.name.lower()),
            contacts=contacts,
            board_id=board,
        )

    async def create_ticket(self, new: NewTicket) -> CreatedTicket:
        body: dict[str, Any] = {"title": new.summary}
        if new.description:
            body["description"] = new.description
        for field, value, what in (
            ("companyID", new.company_id, "company"),
            ("queueID", new.board_id, "queue"),
            ("priority", new.priority_id, "priority"),
            ("ticketType", new.type_id, "ticket type"),
            ("contactID", new.contact_id, "contact"),
        ):
            if (number := _id(value, what)) is not None:
                body[field] = number
        # Status and priority are required on create: a new ticket is "New", and the
        # instance's "Medium" priority unless one was chosen.
        body["status"] = await self._status_value("New") or 1
        if "priority" not in body:
            medium = next(
                (c for c in await self._choices("priority") if c.name.lower() == "medium"), None
            )
            if medium is not None:
                body["priority"] = int(medium.id)
        if "queueID" not in body and (queues := await self._choices("queueID")):
            body["queueID"] = int(default_board(queues).id)
        if new.marker:
            body["externalID"] = new.marker
        created = await self.at._call("POST", "/V1.0/Tickets", json=body, idempotent=False)
        number = _int(created.get("itemId")) if isinstance(created, dict) else None
        if number is None:
            raise PsaError("invalid", "Autotask created the ticket but did not say its id.")
        return self._created(number, new.summary)

    def _created(self, number: int, summary: str) -> CreatedTicket:
        web = self.at._web_url
        url = (
            f"{web.rstrip('/')}/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId={number}"
            if web
            else None
        )
        return CreatedTicket(id=str(number), url=url, summary=summary)

    async def find_marked(self, marker: str) -> CreatedTicket | None:
        found = await self.at._query(
            "Tickets", [{"op": "eq", "field": "externalID", "value": marker}], limit=1
        )
        for record in found:
            if (number := _int(record.get("id"))) is not None:
                return self._created(number, text(record.get("title")) or "")
        return None

    async def ticket_refs(self, ticket_id: str) -> TicketRefs:
        item = await self.at._ticket_record(ticket_id)
        number = _int(item.get("id"))
        if number is None:
            raise PsaError("not_found", f"Autotask has no ticket {ticket_id!r}.", status=404)
        return TicketRefs(
            id=str(number),
            company_id=text(item.get("companyID")),
            board_id=text(item.get("queueID")),
            contact_id=text(item.get("contactID")),
            url=self._created(number, "").url,
        )
