"""Single sign-on: an account's provider settings, and signing people in through it.

Tenant rules. An email domain belongs to at most one account (SsoDomain is unique), so an email
names exactly one account to sign in to. A login state is bound to the account it was started
for, and the user is looked up only in that account: another account's provider can never sign
anyone in here. Emails are unique across the installation; when the provider vouches for an
email whose user lives in another account, the sign-in is refused and that user is not touched.

Who is signed in: first the (issuer, subject) link made by an earlier sign-in; otherwise a user
of this account with the provider's verified email (then linked); otherwise, for an allowed
domain, a new user with the account's default role (just-in-time provisioning).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit.service import record, record_by
from resolutionflow.auth import service as auth_service
from resolutionflow.auth.principal import Principal
from resolutionflow.common import crypto
from resolutionflow.common.context import ClientInfo
from resolutionflow.config import Settings, get_settings
from resolutionflow.db import uow
from resolutionflow.errors import ValidationFailed
from resolutionflow.models import Role, SsoConfig, SsoIdentity, SsoLoginState, User
from resolutionflow.sso import oidc, repository
from resolutionflow.sso.oidc import SsoFailure
from resolutionflow.sso.schemas import SsoConfigRead, SsoConfigUpdate, SsoDiscovery

log = logging.getLogger("resolutionflow.sso")

CALLBACK_PATH = "/api/v1/auth/sso/callback"
START_PATH = "/api/v1/auth/sso/start"
SIGN_IN_PAGE = "/sign-in"
APP_HOME = "/"
STATE_TTL = timedelta(minutes=10)


def _now() -> datetime:
    """The clock of login states and ID-token expiry (tests move it)."""
    return datetime.now(UTC)


def redirect_uri(settings: Settings) -> str:
    return settings.base_url.rstrip("/") + CALLBACK_PATH


def _hash(state: str) -> str:
    return hashlib.sha256(state.encode()).hexdigest()


def _field_error(field: str | tuple[str | int, ...], msg: str) -> ValidationFailed:
    loc = ["body", *(field if isinstance(field, tuple) else (field,))]
    return ValidationFailed(msg, errors=[{"loc": loc, "msg": msg, "type": "value_error"}])


# -- settings -----------------------------------------------------------------------------------


async def read(db: AsyncSession, account_id: Any) -> SsoConfigRead:
    config = await repository.config_of(db, account_id)
    uri = redirect_uri(get_settings())
    if config is None:
        return SsoConfigRead(
            configured=False,
            issuer=None,
            client_id=None,
            has_secret=False,
            domains=[],
            default_role=None,
            display_name=None,
            required=False,
            redirect_uri=uri,
        )
    return SsoConfigRead(
        configured=True,
        issuer=config.issuer,
        client_id=config.client_id,
        has_secret=bool(config.client_secret_encrypted),
        domains=await repository.domains_of(db, account_id),
        default_role=config.default_role,
        display_name=config.display_name,
        required=config.required,
        redirect_uri=uri,
    )


async def save(
    db: AsyncSession, principal: Principal, data: SsoConfigUpdate, client: ClientInfo
) -> SsoConfigRead:
    issuer = data.issuer.strip()
    problem = oidc.url_problem(issuer)
    if problem is not None:
        raise _field_error("issuer", f"The issuer {problem}.")
    config = await repository.config_of(db, principal.account_id)
    if data.client_secret is None and config is None:
        raise _field_error("client_secret", "A client secret is needed to set up single sign-on.")
    claimed = await repository.domains_claimed_elsewhere(db, principal.account_id, data.domains)
    if claimed:
        index = next(i for i, d in enumerate(data.domains) if d in claimed)
        raise _field_error(
            ("domains", index),
            f"{data.domains[index]} already signs in with another account's single sign-on.",
        )
    try:
        # The provider's answer is awaited without holding the write transaction.
        await uow.while_released(db, oidc.discover(issuer, fresh=True))
    except SsoFailure as failure:
        raise _field_error(
            "issuer",
            f"The issuer's discovery document could not be used ({failure.note or failure.code}).",
        ) from None
    before = None
    if config is None:
        config = SsoConfig(account_id=principal.account_id, required=False)
        repository.add(db, config)
    else:
        before = {"issuer": config.issuer, "client_id": config.client_id}
    secret_changed = data.client_secret is not None
    config.issuer = issuer
    config.client_id = data.client_id
    if data.client_secret is not None:
        config.client_secret_encrypted = crypto.encrypt(data.client_secret)
    config.default_role = data.default_role
    config.display_name = data.display_name
    await repository.replace_domains(db, principal.account_id, data.domains)
    record_by(
        db,
        principal,
        "sso.config_saved",
        client=client,
        target_type="account",
        target_id=principal.account_id,
        detail={
            "before": before,
            "issuer": issuer,
            "client_id": data.client_id,
            "domains": data.domains,
            "default_role": data.default_role,
            "secret_changed": secret_changed,
        },
    )
    return await read(db, principal.account_id)


async def remove(db: AsyncSession, principal: Principal, client: ClientInfo) -> None:
    config = await repository.config_of(db, principal.account_id)
    if config is None:
        return
    await repository.delete_config(db, principal.account_id)
    record_by(
        db,
        principal,
        "sso.config_deleted",
        client=client,
        target_type="account",
        target_id=principal.account_id,
        detail={"issuer": config.issuer},
    )


async def set_required(db: AsyncSession, account_id: Any, required: bool) -> bool:
    """Sets `sso_required`; 422 naming it when turning it on without a provider. Returns the
    previous value."""
    config = await repository.config_of(db, account_id)
    if config is None:
        if required:
            raise _field_error(
                "sso_required", "Set up single sign-on before requiring it for sign-in."
            )
        return False
    before = config.required
    config.required = required
    return before


async def required(db: AsyncSession, account_id: Any) -> bool:
    config = await repository.config_of(db, account_id)
    return bool(config and config.required)


# -- signing in ---------------------------------------------------------------------------------


def _domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower().rstrip(".")


async def discover(db: AsyncSession, email: str) -> SsoDiscovery:
    email = auth_service.normalise_email(email)
    config = await repository.config_for_domain(db, _domain(email)) if "@" in email else None
    if config is None:
        return SsoDiscovery(sso=False)
    return SsoDiscovery(
        sso=True,
        display_name=config.display_name,
        start_url=START_PATH,
        password_allowed=not config.required,
    )


def error_location(code: str) -> str:
    return f"{SIGN_IN_PAGE}?sso_error={code}"


@dataclass(frozen=True)
class Started:
    location: str
    state: str | None  # for the browser-binding cookie; None when not sent to a provider


async def start(db: AsyncSession, settings: Settings, email: str) -> Started:
    """Where to send the browser: the provider's authorization endpoint, or back to the
    sign-in page with an error code (no provider for this email's domain, provider down)."""
    email = auth_service.normalise_email(email)
    config = await repository.config_for_domain(db, _domain(email)) if "@" in email else None
    if config is None:
        return Started(error_location("not_configured"), None)
    try:
        metadata = await uow.while_released(db, oidc.discover(config.issuer))
    except SsoFailure as failure:
        log.warning("SSO start failed: %s (%s)", failure.code, failure.note)
        return Started(error_location("provider_unreachable"), None)
    state = secrets.token_urlsafe(32)
    nonce = secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)
    now = _now()
    await repository.purge_states(db, config.account_id, now - STATE_TTL)
    repository.add_state(
        db,
        SsoLoginState(
            account_id=config.account_id,
            state_hash=_hash(state),
            nonce=nonce,
            code_verifier=verifier,
            issuer=config.issuer,
            expires_at=now + STATE_TTL,
        ),
    )
    await db.flush()
    location = oidc.authorization_url(
        metadata,
        client_id=config.client_id,
        redirect_uri=redirect_uri(settings),
        state=state,
        nonce=nonce,
        code_verifier=verifier,
        login_hint=email,
    )
    return Started(location, state)


@dataclass(frozen=True)
class Finished:
    location: str
    issued: auth_service.IssuedTokens | None = None


async def callback(
    db: AsyncSession,
    settings: Settings,
    *,
    code: str | None,
    state: str | None,
    error: str | None,
    browser_state: str | None,
    client: ClientInfo,
) -> Finished:
    """Finishes a sign-in the provider sent back; every failure is a redirect to the sign-in
    page with its code, and an audit row without tokens or secrets."""
    login: SsoLoginState | None = None
    try:
        login = await _claim_state(db, state, browser_state)
        if error:
            raise SsoFailure("provider_error", error[:64])
        if not code:
            raise SsoFailure("state_invalid", "no code")
        user = await _sign_in(db, settings, login, code)
    except SsoFailure as failure:
        log.warning("SSO sign-in refused: %s %s", failure.code, failure.note)
        record(
            db,
            "auth.sso_failed",
            account_id=login.account_id if login else None,
            client=client,
            detail={"reason": failure.code, "note": failure.note[:200]},
        )
        return Finished(error_location(failure.code))
    issued = await auth_service.signed_in(db, settings, user, client, via="sso")
    return Finished(APP_HOME, issued)


async def _claim_state(
    db: AsyncSession, state: str | None, browser_state: str | None
) -> SsoLoginState:
    if not state or len(state) > 200:
        raise SsoFailure("state_invalid", "no state")
    login = await repository.state_by_hash(db, _hash(state))
    if login is None:
        raise SsoFailure("state_invalid", "unknown state")
    if login.consumed_at is not None:
        raise SsoFailure("state_replayed")
    if not await repository.consume_state(db, login, _now()):
        raise SsoFailure("state_replayed")
    if login.expires_at <= _now():
        raise SsoFailure("state_expired")
    # The state must come back to the browser that started it (no signing someone else in
    # with a callback URL an attacker started).
    if not browser_state or not secrets.compare_digest(browser_state, state):
        raise SsoFailure("state_mismatch")
    return login


async def _sign_in(db: AsyncSession, settings: Settings, login: SsoLoginState, code: str) -> User:
    config = await repository.config_of(db, login.account_id)
    if config is None or config.issuer != login.issuer:
        raise SsoFailure("not_configured", "the provider changed during the sign-in")
    secret = crypto.decrypt(config.client_secret_encrypted)
    claims = await uow.while_released(
        db, _fetch_claims(config, secret, settings, code, login.code_verifier, login.nonce)
    )
    return await _resolve_user(db, config, claims)


async def _fetch_claims(
    config: SsoConfig, secret: str, settings: Settings, code: str, verifier: str, nonce: str
) -> dict[str, Any]:
    metadata = await oidc.discover(config.issuer)
    token = await oidc.exchange_code(
        metadata,
        client_id=config.client_id,
        client_secret=secret,
        redirect_uri=redirect_uri(settings),
        code=code,
        code_verifier=verifier,
    )
    return await oidc.validate_id_token(
        metadata,
        id_token=token["id_token"],
        access_token=token.get("access_token"),
        client_id=config.client_id,
        nonce=nonce,
        now=_now().timestamp(),
    )


def _verified_email(claims: dict[str, Any]) -> str | None:
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        return None
    # email_verified (OIDC); Entra ID says the same with xms_edov (domain owner verified).
    if claims.get("email_verified") is True or claims.get("xms_edov") is True:
        return auth_service.normalise_email(email)
    return None


async def _resolve_user(db: AsyncSession, config: SsoConfig, claims: dict[str, Any]) -> User:
    issuer, subject = str(claims["iss"]), str(claims["sub"])
    account_id = config.account_id
    linked = await repository.identity(db, account_id, issuer, subject)
    if linked is not None:
        user = await repository.user_in_account(db, account_id, linked.user_id)
        if user is None:
            raise SsoFailure("invalid_token", "linked user is gone")
        return _active(user, linked)
    email = _verified_email(claims)
    if email is None:
        raise SsoFailure("email_not_verified")
    if _domain(email) not in await repository.domains_of(db, account_id):
        raise SsoFailure("domain_not_allowed", _domain(email))
    user = await repository.user_by_email(db, email)
    if user is not None and user.account_id != account_id:
        raise SsoFailure("email_in_other_account")
    if user is None:
        name = claims.get("name") if isinstance(claims.get("name"), str) else None
        user = User(
            account_id=account_id,
            email=email,
            name=(name or email.partition("@")[0])[:200],
            role=Role(config.default_role).value,
            password_hash=None,
            is_active=True,
        )
        repository.add(db, user)
        await db.flush()
        record(
            db,
            "user.created",
            account_id=account_id,
            actor_id=user.id,
            actor_email=email,
            target_type="user",
            target_id=user.id,
            detail={"via": "sso", "role": user.role},
        )
    link = SsoIdentity(account_id=account_id, user_id=user.id, issuer=issuer, subject=subject)
    repository.add(db, link)
    await db.flush()
    return _active(user, link)


def _active(user: User, link: SsoIdentity) -> User:
    if not user.is_active:
        raise SsoFailure("user_deactivated")
    link.last_login_at = datetime.now(UTC)
    return user
