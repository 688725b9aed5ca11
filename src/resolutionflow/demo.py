"""Idempotent demo data: the "Acme MSP" account with one user per role and a team."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.passwords import hash_password
from resolutionflow.auth.principal import Principal
from resolutionflow.flows import repository as flows_repo
from resolutionflow.knowledge import repository as knowledge_repo
from resolutionflow.models import Account, Role, Team, TeamMembership, User
from resolutionflow.sessions import repository as sessions_repo
from resolutionflow.teams import repository as teams_repo

DEMO_ACCOUNT = "Acme MSP"
# Demo passwords are public by design (the README lists them); never use them for real data.
DEMO_PASSWORD = "resolutionflow-demo"  # noqa: S105


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    role: Role


DEMO_USERS = (
    DemoUser("super@acme.example", "Sam Super", Role.super_admin),
    DemoUser("admin@acme.example", "Alex Admin", Role.team_admin),
    DemoUser("engineer@acme.example", "Erin Engineer", Role.engineer),
    DemoUser("viewer@acme.example", "Vic Viewer", Role.viewer),
)
DEMO_TEAMS = {
    "Service Desk": ("Tier 1 and 2 engineers", ("admin@acme.example", "engineer@acme.example")),
    "Projects": ("Onboarding, migrations and deployments", ("engineer@acme.example",)),
}


async def _load_flows(db: AsyncSession, account: Account, admin: User) -> bool:
    """Import and publish each demo flow the account doesn't have yet (matched by title)."""
    from resolutionflow.demo_flows import load_demo_flows
    from resolutionflow.flows import service

    principal = Principal(
        user_id=admin.id,
        account_id=account.id,
        role=Role(admin.role),
        email=admin.email,
        name=admin.name,
    )
    existing = await flows_repo.titles_in_account(db, account.id)
    created = False
    for _, doc in load_demo_flows():
        if doc.title in existing:
            continue
        flow = await service.create_flow(db, principal, doc)
        await service.publish(db, principal, flow.id, "Demo library")
        created = True
    return created


async def load_demo(db: AsyncSession) -> bool:
    """Create what is missing; returns True when anything was created."""
    created = False
    account = await db.scalar(select(Account).where(Account.name == DEMO_ACCOUNT))
    if account is None:
        account = Account(name=DEMO_ACCOUNT, slug="acme-msp")
        db.add(account)
        await db.flush()
        created = True
    users: dict[str, User] = {}
    password_hash: str | None = None
    for demo in DEMO_USERS:
        user = await db.scalar(select(User).where(User.email == demo.email))
        if user is None:
            password_hash = password_hash or hash_password(DEMO_PASSWORD)
            user = User(
                account_id=account.id,
                email=demo.email,
                name=demo.name,
                role=demo.role.value,
                password_hash=password_hash,
            )
            db.add(user)
            created = True
        users[demo.email] = user
    await db.flush()
    for team_name, (description, members) in DEMO_TEAMS.items():
        team = await teams_repo.by_name(db, account.id, team_name)
        if team is None:
            team = Team(account_id=account.id, name=team_name, description=description)
            db.add(team)
            await db.flush()
            for email in members:
                db.add(
                    TeamMembership(account_id=account.id, team_id=team.id, user_id=users[email].id)
                )
            created = True
    await db.flush()
    admin = users["admin@acme.example"]
    created = await _load_flows(db, account, admin) or created
    created = await _load_memory(db, account, users["engineer@acme.example"], admin) or created
    from resolutionflow.maintenance import demo as maintenance_demo

    engineer = users["engineer@acme.example"]
    created = await maintenance_demo.load(db, account, admin, engineer) or created
    return created


# Past work the copilot can learn from: resolved sessions (our own examples).
DEMO_RESOLVED = (
    (
        "Outlook keeps asking for the password (Contoso, Dana)",
        "Credential Manager held stale MicrosoftOffice16 entries from before the password change.",
        "Removed the stale MicrosoftOffice16 credentials in Credential Manager and signed in "
        "again; the prompts stopped.",
    ),
    (
        "GlobalProtect: gateway unreachable from home (Fabrikam, Sam)",
        "Worked in the office and on a phone hotspot; failed on the home router.",
        "The home router dropped UDP 4501; the network team turned off Enforce IPsec for the "
        "remote gateway so the client falls back to SSL on TCP 443. Connected.",
    ),
    (
        "Print jobs stuck in the queue at the front desk (Northwind)",
        "Spooler running but jobs never left the queue.",
        "Stopped the spooler, cleared C:\\Windows\\System32\\spool\\PRINTERS and started it "
        "again (Restart-Service Spooler -Force). Jobs printed.",
    ),
)


async def _load_memory(db: AsyncSession, account: Account, engineer: User, admin: User) -> bool:
    """Resolved sessions and a knowledge document, so the copilot has something to cite."""
    from resolutionflow.assist.memory import remember
    from resolutionflow.config import get_settings
    from resolutionflow.knowledge import service as knowledge
    from resolutionflow.sessions import service as sessions
    from resolutionflow.sessions.schemas import NoteIn, ResolveIn, SessionCreate
    from resolutionflow.storage import from_settings as storage_from_settings

    principal = Principal(
        user_id=engineer.id,
        account_id=account.id,
        role=Role(engineer.role),
        email=engineer.email,
        name=engineer.name,
    )
    created = False
    titles = await sessions_repo.titles_in_account(db, account.id)
    for title, note, summary in DEMO_RESOLVED:
        if title in titles:
            continue
        session, _ = await sessions.create_session(db, principal, SessionCreate(title=title))
        await sessions.append_event(db, principal, session.id, NoteIn(type="note", text=note))
        session, _ = await sessions.append_event(
            db, principal, session.id, ResolveIn(type="resolve", summary=summary)
        )
        await remember(db, session)
        created = True
    doc_title = "Acme MSP remote access standards"
    has_doc = await knowledge_repo.document_id_by_title(db, account.id, doc_title)
    if has_doc is None:
        from pathlib import Path

        path = Path(__file__).parent / "demo_knowledge" / "remote-access-standards.md"
        uploader = Principal(
            user_id=admin.id,
            account_id=account.id,
            role=Role(admin.role),
            email=admin.email,
            name=admin.name,
        )
        await knowledge.upload(
            db,
            uploader,
            path.name,
            "text/markdown",
            path.read_bytes(),
            storage_from_settings(get_settings()),
        )
        created = True
    return created


async def database_is_empty(db: AsyncSession) -> bool:
    return await db.scalar(select(Account.id).limit(1)) is None
