"""PostgreSQL row-level security, the net under the repositories' tenant scoping: a query that
forgets its account filter still sees and changes nothing of another account.

The attack is simulated by making the teams service forget its filter (as a bug would), then
calling the real routes as one tenant's admin while another tenant's rows exist. SQLite has no
row-level security and keeps the application-level scoping alone (tests/test_tenancy.py).
"""

from __future__ import annotations

import os
import uuid
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import func, select, text

from resolutionflow.db import rls, uow
from resolutionflow.models import Team
from resolutionflow.teams import service as teams_service
from tests.fixtures.factories import Factory

pytestmark = pytest.mark.skipif(
    not os.environ.get("RF_TEST_DATABASE_URL"), reason="row-level security is PostgreSQL's"
)


def _forgetful_readable(account_id: uuid.UUID, model: type[Any]) -> Any:
    return select(model)  # the bug: no account filter


async def _forgetful_get(
    db: Any, account_id: uuid.UUID, model: type[Any], id_: uuid.UUID, *, what: str
) -> Any:
    from resolutionflow.errors import NotFound

    row = await db.get(model, id_)  # the bug: a lookup by id alone
    if row is None:
        raise NotFound(f"No {what} with id {id_}.")
    return row


@pytest.fixture
def forgetful_teams(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(teams_service, "readable", _forgetful_readable)
    monkeypatch.setattr(teams_service, "get_in_account", _forgetful_get)


async def test_a_list_that_forgets_its_account_filter_shows_only_the_callers_rows(
    client: AsyncClient, factory: Factory, app: FastAPI, forgetful_teams: None
) -> None:
    mine, theirs = await factory.tenant(), await factory.tenant()
    my_team = await factory.team(mine)
    their_team = await factory.team(theirs)

    # Control: without the policy's tenant the forgetful query does see both accounts' teams,
    # so what the request gets below is the policy's doing, not the query's.
    async with uow.transaction(app.state.sessionmaker) as db:
        every = set((await db.scalars(_forgetful_readable(mine.id, Team))).all())
    assert {my_team, their_team} <= {team.id for team in every}

    r = await client.get("/api/v1/teams", headers=mine.admin.headers)
    assert r.status_code == 200
    ids = {item["id"] for item in r.json()["items"]}
    assert str(my_team) in ids
    assert str(their_team) not in ids


async def test_a_lookup_by_id_alone_finds_nothing_of_another_account(
    client: AsyncClient, factory: Factory, app: FastAPI, forgetful_teams: None
) -> None:
    mine, theirs = await factory.tenant(), await factory.tenant()
    their_team = await factory.team(theirs)

    r = await client.get(f"/api/v1/teams/{their_team}", headers=mine.admin.headers)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")

    # A write through the same forgetful lookup changes nothing either.
    r = await client.patch(
        f"/api/v1/teams/{their_team}", json={"name": "Taken over"}, headers=mine.admin.headers
    )
    assert r.status_code == 404
    async with uow.transaction(app.state.sessionmaker) as db:
        stored = await db.get(Team, their_team)
    assert stored is not None and stored.name != "Taken over"


async def test_a_unit_of_work_confined_to_an_account_cannot_write_into_another(
    factory: Factory, app: FastAPI
) -> None:
    mine, theirs = await factory.tenant(), await factory.tenant()
    with pytest.raises(Exception, match="row-level security"):
        async with uow.transaction(app.state.sessionmaker, account_id=mine.id) as db:
            db.add(Team(account_id=theirs.id, name="Planted", description=""))
            await db.flush()
    async with uow.transaction(app.state.sessionmaker, account_id=mine.id) as db:
        # And the confined unit of work counts only its own account's teams.
        await factory.team(theirs)
        seen = await db.scalar(select(func.count()).select_from(Team))
        own = await db.scalar(
            select(func.count()).select_from(Team).where(Team.account_id == mine.id)
        )
    assert seen == own


async def test_every_tenant_table_is_under_the_policy(app: FastAPI) -> None:
    async with uow.transaction(app.state.sessionmaker) as db:
        tenant_tables = set(
            (
                await db.scalars(
                    text(
                        "SELECT c.table_name FROM information_schema.columns c "
                        "JOIN information_schema.tables t USING (table_schema, table_name) "
                        "WHERE c.table_schema = current_schema() AND c.column_name = 'account_id' "
                        "AND t.table_type = 'BASE TABLE'"
                    )
                )
            ).all()
        ) | {"account"}
        protected = {
            row.relname: row
            for row in (
                await db.execute(
                    text(
                        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
                        "EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid "
                        "AND p.polname = :policy) AS has_policy "
                        "FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
                    ),
                    {"policy": rls.POLICY},
                )
            ).all()
        }
    assert len(tenant_tables) > 20
    missing = sorted(
        table
        for table in tenant_tables
        if not (
            protected[table].relrowsecurity
            and protected[table].relforcerowsecurity
            and protected[table].has_policy
        )
    )
    assert missing == [], f"tenant tables without the row-level security policy: {missing}"


async def test_the_app_role_owns_nothing_and_cannot_bypass_the_policy(app: FastAPI) -> None:
    async with uow.transaction(app.state.sessionmaker) as db:
        role = (
            await db.execute(
                text(
                    "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles "
                    "WHERE rolname = current_user"
                )
            )
        ).one()
        owned = await db.scalar(
            text(
                "SELECT count(*) FROM pg_tables "
                "WHERE schemaname = current_schema() AND tableowner = current_user"
            )
        )
    assert (role.rolsuper, role.rolbypassrls) == (False, False)
    assert owned == 0


async def test_an_installation_wide_check_sees_every_account_then_is_confined_again(
    factory: Factory, app: FastAPI
) -> None:
    mine, theirs = await factory.tenant(), await factory.tenant()
    await factory.team(mine)
    await factory.team(theirs)
    count = select(func.count()).select_from(Team)
    async with uow.transaction(app.state.sessionmaker, account_id=mine.id) as db:
        before = await db.scalar(count)
        async with rls.across_accounts(db):
            across = await db.scalar(count)
        after = await db.scalar(count)
    assert before == after == 1
    assert across is not None and across >= 2
