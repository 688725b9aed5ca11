"""Managing the account's people: list, create (with password or invite), change role, deactivate."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit.service import record_by
from resolutionflow.auth.passwords import check_password, hash_password_async
from resolutionflow.auth.principal import Principal
from resolutionflow.auth.service import normalise_email, revoke_all_for_user
from resolutionflow.common.context import ClientInfo
from resolutionflow.common.schemas import PageParams
from resolutionflow.db import rls
from resolutionflow.db.scoping import get_in_account, readable
from resolutionflow.errors import Conflict, Forbidden
from resolutionflow.models import Invite, Role, Team, TeamMembership, User
from resolutionflow.users import invites, repository
from resolutionflow.users.repository import ADMIN_ROLES
from resolutionflow.users.schemas import TeamRef, UserCreate, UserRead, UserStatus, UserUpdate


def user_status(user: User) -> UserStatus:
    if not user.is_active:
        return "deactivated"
    return "invited" if user.password_hash is None else "active"


def to_read(user: User, teams: list[TeamRef]) -> UserRead:
    return UserRead(
        id=user.id,
        email=user.email,
        name=user.name,
        role=Role(user.role),
        is_active=user.is_active,
        status=user_status(user),
        created_at=user.created_at,
        last_login_at=user.last_login_at,
        teams=teams,
    )


async def teams_of(db: AsyncSession, user_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[TeamRef]]:
    out: dict[uuid.UUID, list[TeamRef]] = defaultdict(list)
    if not user_ids:
        return out
    rows = await db.execute(
        select(TeamMembership.user_id, Team.id, Team.name)
        .join(Team, Team.id == TeamMembership.team_id)
        .where(TeamMembership.user_id.in_(user_ids))
        .order_by(Team.name)
    )
    for user_id, team_id, team_name in rows:
        out[user_id].append(TeamRef(id=team_id, name=team_name))
    return out


async def read_users(db: AsyncSession, users: list[User]) -> list[UserRead]:
    teams = await teams_of(db, [u.id for u in users])
    return [to_read(u, teams.get(u.id, [])) for u in users]


async def list_users(
    db: AsyncSession,
    principal: Principal,
    page: PageParams,
    *,
    q: str | None,
    role: Role | None,
    include_inactive: bool,
) -> list[User]:
    query = readable(principal.account_id, User)
    if not include_inactive:
        query = query.where(User.is_active.is_(True))
    if role is not None:
        query = query.where(User.role == role.value)
    if q:
        like = f"%{q.lower()}%"
        query = query.where(
            or_(func.lower(User.name).like(like), func.lower(User.email).like(like))
        )
    if page.cursor:
        c = page.cursor
        query = query.where(
            or_(
                User.created_at > c.created_at,
                and_(User.created_at == c.created_at, User.id > c.id),
            )
        )
    query = query.order_by(User.created_at, User.id).limit(page.limit + 1)
    return list((await db.scalars(query)).all())


async def get_user(db: AsyncSession, principal: Principal, user_id: uuid.UUID) -> User:
    return await get_in_account(db, principal.account_id, User, user_id, what="user")


def _check_may_grant(principal: Principal, role: Role) -> None:
    if role is Role.super_admin and principal.role is not Role.super_admin:
        raise Forbidden("Only a super admin can grant the super admin role.")


# Emails are unique across the installation, so an address can be taken by another account.
# One answer for every case (active, deactivated or invited; this account or another), naming
# neither the account nor whether a sign-in exists: an admin learns nothing from it that the
# account's own user list does not already tell them.
EMAIL_UNAVAILABLE = (
    "This email address can't be used for a new user. If the person is already in your "
    "account, find them in the user list (deactivated people included); otherwise use "
    "a different address."
)


async def ensure_email_free(db: AsyncSession, email: str) -> None:
    async with rls.across_accounts(db):  # an email signs in to one account only
        taken = await db.scalar(select(User.id).where(User.email == email))
    if taken is not None:
        raise Conflict(
            EMAIL_UNAVAILABLE,
            errors=[
                {
                    "loc": ["body", "email"],
                    "msg": "can't be used for a new user",
                    "type": "conflict",
                }
            ],
        )


@dataclass
class CreatedUser:
    user: User
    invite: Invite | None
    invite_token: str | None


async def create_user(
    db: AsyncSession,
    principal: Principal,
    data: UserCreate,
    client: ClientInfo,
    *,
    account_id: uuid.UUID | None = None,
) -> CreatedUser:
    """Create a user in the principal's account (or `account_id`, for a super admin's new account)."""
    _check_may_grant(principal, data.role)
    email = normalise_email(str(data.email))
    target_account = account_id or principal.account_id
    await ensure_email_free(db, email)
    if data.password is not None:
        check_password(data.password, email)
    user = User(
        account_id=target_account,
        email=email,
        name=data.name,
        role=data.role.value,
        password_hash=(
            await hash_password_async(data.password) if data.password is not None else None
        ),
        is_active=True,
    )
    db.add(user)
    await db.flush()
    record_by(
        db,
        principal,
        "user.created",
        client=client,
        target_type="user",
        target_id=user.id,
        detail={"email": email, "role": data.role.value},
        account_id=target_account,
    )
    if data.password is not None:
        return CreatedUser(user, None, None)
    invite, token = await invites.issue(db, principal, user, client)
    return CreatedUser(user, invite, token)


async def update_user(
    db: AsyncSession, principal: Principal, user_id: uuid.UUID, data: UserUpdate, client: ClientInfo
) -> User:
    user = await get_user(db, principal, user_id)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("role") is None:
        changes.pop("role", None)
    if changes.get("is_active") is None:
        changes.pop("is_active", None)
    if changes.get("name") is None:
        changes.pop("name", None)
    new_role: Role | None = changes.get("role")
    if new_role is not None and new_role.value == user.role:
        new_role = None
    deactivate = changes.get("is_active") is False and user.is_active
    reactivate = changes.get("is_active") is True and not user.is_active

    if user.id == principal.user_id and new_role is not None:
        raise Forbidden("You can't change your own role; ask another admin.")
    if user.id == principal.user_id and deactivate:
        raise Forbidden("You can't deactivate yourself; ask another admin.")
    if user.role == Role.super_admin.value and principal.role is not Role.super_admin:
        raise Forbidden("Only a super admin can change a super admin.")
    if new_role is not None:
        _check_may_grant(principal, new_role)

    loses_admin = (
        user.role in ADMIN_ROLES
        and user.is_active
        and (deactivate or (new_role is not None and new_role.value not in ADMIN_ROLES))
    )
    if loses_admin:
        admins = await repository.active_admin_ids(db, user.account_id)
        if admins == [user.id] or set(admins) <= {user.id}:
            raise Conflict(
                "This is the account's last team admin. Make someone else a team admin first."
            )

    if "name" in changes:
        user.name = changes["name"]
    if new_role is not None:
        old = user.role
        user.role = new_role.value
        record_by(
            db,
            principal,
            "user.role_changed",
            client=client,
            target_type="user",
            target_id=user.id,
            detail={"from": old, "to": new_role.value},
        )
    if deactivate:
        user.is_active = False
        # Cut every existing sign-in: refresh tokens revoked, access tokens fail the version check.
        user.token_version += 1
        await revoke_all_for_user(db, user.id)
        # A deactivated person's open invite must not let them in later.
        await db.execute(
            update(Invite)
            .where(
                Invite.user_id == user.id,
                Invite.accepted_at.is_(None),
                Invite.revoked_at.is_(None),
            )
            .values(revoked_at=datetime.now(UTC))
        )
        record_by(
            db,
            principal,
            "user.deactivated",
            client=client,
            target_type="user",
            target_id=user.id,
            detail={"email": user.email},
        )
    if reactivate:
        user.is_active = True
        if user.password_hash is None:
            # Deactivation withdrew their invite; bring back the latest one so the admin can
            # resend it (a fresh link is still needed: the old one may have expired).
            await invites.reopen_latest(db, user.id)
        record_by(
            db,
            principal,
            "user.reactivated",
            client=client,
            target_type="user",
            target_id=user.id,
            detail={"email": user.email},
        )
    await db.flush()
    return user


async def sign_out_everywhere(
    db: AsyncSession, principal: Principal, user_id: uuid.UUID, client: ClientInfo
) -> None:
    """Ends every sign-in of the user (a lost laptop, a shared browser): their refresh tokens are
    revoked and their access tokens fail at once. Personal API tokens are not sign-ins and stay;
    the user revokes those on their profile (changing the password revokes them too)."""
    user = await get_user(db, principal, user_id)
    if user.role == Role.super_admin.value and principal.role is not Role.super_admin:
        raise Forbidden("Only a super admin can sign a super admin out.")
    user.token_version += 1
    await revoke_all_for_user(db, user.id)
    record_by(
        db,
        principal,
        "user.signed_out_everywhere",
        client=client,
        target_type="user",
        target_id=user.id,
        detail={"email": user.email},
    )
