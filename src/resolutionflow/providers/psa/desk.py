"""Working a PSA's ticket queue from the app: list and filter tickets, the choices a new ticket's
form offers (companies, boards, priorities, types), and creating a ticket that can be found
again by a marker, so a retried create never makes a second one.

A provider that cannot do this answers PsaError("unsupported") naming itself: `desk_for()`
returns a desk only for the providers whose API (and stand-in) carries these calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

from resolutionflow.providers.psa.base import PsaError, PsaProvider, TicketSummary

View = Literal["mine", "team"]


@dataclass
class Choice:
    id: str
    name: str


def default_board(boards: list[Choice]) -> Choice:
    """The board a new ticket goes to when nothing says otherwise: the help or service desk
    where there is one, else the first."""
    for board in boards:
        if any(
            w in board.name.lower() for w in ("help desk", "helpdesk", "service desk", "support")
        ):
            return board
    return boards[0]


@dataclass
class CompanyChoice(Choice):
    identifier: str | None = None
    domains: list[str] = field(default_factory=list)  # website and contact e-mail domains


@dataclass
class ContactChoice(Choice):
    company_id: str | None = None
    email: str | None = None


@dataclass
class FormOptions:
    boards: list[Choice]
    priorities: list[Choice]
    types: list[Choice]  # of the board asked for (or the default board)
    statuses: list[Choice]
    companies: list[CompanyChoice]
    contacts: list[ContactChoice]
    board_id: str | None = None  # the board `types` and `statuses` are of


@dataclass
class TicketFilter:
    view: View = "team"
    member_identifier: str | None = None  # "mine": the engineer's PSA member
    query: str = ""
    board_id: str | None = None
    status: str | None = None
    company_id: str | None = None
    priority_id: str | None = None
    page: int = 1
    page_size: int = 25


@dataclass
class QueueRow(TicketSummary):
    owner: str | None = None
    updated: str | None = None


@dataclass
class TicketPage:
    items: list[QueueRow]
    has_more: bool


@dataclass
class NewTicket:
    summary: str
    description: str = ""
    company_id: str | None = None
    board_id: str | None = None
    priority_id: str | None = None
    type_id: str | None = None
    contact_id: str | None = None
    marker: str = ""  # stored in the ticket; `find_marked` finds it again


@dataclass
class CreatedTicket:
    id: str
    url: str | None = None
    summary: str = ""


@dataclass
class TicketRefs:
    """What a related ticket copies from the one it is spun off from."""

    id: str
    company_id: str | None = None
    board_id: str | None = None
    contact_id: str | None = None
    url: str | None = None


class TicketDesk(Protocol):
    async def list_tickets(self, wanted: TicketFilter) -> TicketPage: ...

    async def form_options(self, board_id: str | None = None) -> FormOptions: ...

    async def create_ticket(self, new: NewTicket) -> CreatedTicket:
        """Creates it once: never retried by the transport (a lost answer may have stored it)."""
        ...

    async def find_marked(self, marker: str) -> CreatedTicket | None:
        """The ticket an earlier attempt created with `marker`, if it got stored."""
        ...

    async def ticket_refs(self, ticket_id: str) -> TicketRefs: ...


# Providers whose API (and stand-in) carry the ticket desk.
SUPPORTED = frozenset({"connectwise", "autotask"})


def supports_desk(provider_name: str) -> bool:
    return provider_name in SUPPORTED


def desk_for(provider: PsaProvider) -> TicketDesk:
    """The ticket desk of a provider, or PsaError("unsupported") naming the provider."""
    from resolutionflow.providers.psa.autotask import Autotask
    from resolutionflow.providers.psa.autotask_desk import AutotaskDesk
    from resolutionflow.providers.psa.connectwise import ConnectWise
    from resolutionflow.providers.psa.connectwise_desk import ConnectWiseDesk

    if isinstance(provider, ConnectWise):
        return ConnectWiseDesk(provider)
    if isinstance(provider, Autotask):
        return AutotaskDesk(provider)
    raise PsaError(
        "unsupported",
        f"Listing and creating tickets from ResolutionFlow is not available for "
        f"{provider.label} yet; it works with ConnectWise PSA and Autotask.",
    )
