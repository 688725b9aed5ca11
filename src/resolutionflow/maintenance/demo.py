"""Demo maintenance: a patching schedule over six servers of two clients, and one batch of it
half done. Idempotent (matched by the target list's name)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.flows import repository as flows_repo
from resolutionflow.maintenance import repository, service
from resolutionflow.maintenance import schemas as s
from resolutionflow.models import Account, MaintenanceBatchItem, Role, User
from resolutionflow.sessions import service as sessions
from resolutionflow.sessions.schemas import AnswerIn, NoteIn, ResolveIn
from resolutionflow.teams import repository as teams_repo

LIST_NAME = "Monthly patching — Fabrikam and Contoso"
FLOW_TITLE = "Monthly server patching"
SERVERS = (
    ("FAB-DC01", "Fabrikam", "10.10.0.10", "Windows Server 2022", "Head office"),
    ("FAB-FS01", "Fabrikam", "10.10.0.11", "Windows Server 2019", "Head office"),
    ("FAB-APP01", "Fabrikam", "10.10.0.20", "Windows Server 2022", "Head office"),
    ("CON-DC01", "Contoso", "10.20.0.10", "Windows Server 2022", "Leeds"),
    ("CON-SQL01", "Contoso", "10.20.0.15", "Windows Server 2019", "Leeds"),
    ("CON-WEB01", "Contoso", "10.20.0.30", "Windows Server 2022", "Leeds"),
)


def _principal(user: User) -> Principal:
    return Principal(
        user_id=user.id,
        account_id=user.account_id,
        role=Role(user.role),
        email=user.email,
        name=user.name,
    )


async def load(db: AsyncSession, account: Account, admin: User, engineer: User) -> bool:
    exists = await repository.list_id_by_name(db, account.id, LIST_NAME)
    flow_id = await flows_repo.id_by_title(db, account.id, FLOW_TITLE)
    if exists is not None or flow_id is None:
        return False
    team = await teams_repo.by_name(db, account.id, "Service Desk")
    team_id = team.id if team else None
    lead = _principal(admin)
    target_list = await service.create_list(
        db,
        lead,
        s.TargetListCreate(
            name=LIST_NAME,
            team_id=team_id,
            targets=[
                s.TargetIn(
                    label=label,
                    client=client,
                    fields={"ip": ip, "os": os, "site": site},
                    notes="Reboot window agreed with the client: 22:00-02:00.",
                )
                for label, client, ip, os, site in SERVERS
            ],
        ),
    )
    row, _ = await service.create_schedule(
        db,
        lead,
        s.MaintenanceScheduleCreate(
            flow_id=flow_id,
            target_list_id=target_list.id,
            cron="0 21 * * 3",  # Wednesdays at 21:00 UK time
            timezone="Europe/London",
            title="Monthly patching — Fabrikam and Contoso",
            assignee_user_id=engineer.id,
            client_tickets={},
        ),
        None,
    )
    # This month's run, half done: two servers patched, one skipped, one under way.
    batch = await service.run_schedule(db, account.id, row, actor_id=admin.id, slot_at=None)
    items = list(
        await db.scalars(
            select(MaintenanceBatchItem)
            .where(MaintenanceBatchItem.batch_id == batch.id)
            .order_by(MaintenanceBatchItem.position)
        )
    )
    worker = _principal(engineer)
    for item in items[:2]:
        assert item.session_id is not None
        await sessions.append_event(
            db,
            worker,
            item.session_id,
            AnswerIn(type="answer", node_id="i_server", answer="", value=item.label),
        )
        await sessions.append_event(
            db,
            worker,
            item.session_id,
            NoteIn(type="note", text="Cumulative update installed; rebooted in 6 minutes."),
        )
        await sessions.append_event(
            db,
            worker,
            item.session_id,
            ResolveIn(type="resolve", summary="Patched, rebooted, services checked."),
        )
    await service.close_item(
        db, worker, batch.id, items[2].id, "skipped", "Being decommissioned next week.", None
    )
    assert items[3].session_id is not None
    await sessions.append_event(
        db,
        worker,
        items[3].session_id,
        AnswerIn(type="answer", node_id="i_server", answer="", value=items[3].label),
    )
    return True
