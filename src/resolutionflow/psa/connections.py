"""PSA connections: per team, with an account-wide default; secrets encrypted at rest.

Which connection a session uses: the session owner's team that has its own connection (oldest
membership first), otherwise the account default.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit import service as audit
from resolutionflow.auth.principal import Principal
from resolutionflow.common import crypto
from resolutionflow.common.context import ClientInfo
from resolutionflow.config import get_settings
from resolutionflow.db import uow
from resolutionflow.errors import AppError, NotFound, ValidationFailed
from resolutionflow.models.psa import ACCOUNT_SCOPE, PsaConnection
from resolutionflow.providers.psa import registry
from resolutionflow.providers.psa.base import PsaError, PsaProvider
from resolutionflow.providers.psa.http import RetryPolicy
from resolutionflow.psa import repository
from resolutionflow.psa import schemas as s
from resolutionflow.teams import repository as teams


class PsaNotConfigured(AppError):
    status = 409
    slug = "psa-not-configured"
    title = "No PSA is connected"

    def __init__(
        self,
        detail: str = "No PSA is connected for your team; a team admin can "
        "connect one in Settings → PSA integration.",
    ) -> None:
        super().__init__(detail)


class PsaFailed(AppError):
    """The PSA answered with a failure (or not at all); `kind` says what to do about it."""

    status = 502
    slug = "psa-error"
    title = "The PSA did not answer as expected"

    def __init__(self, error: PsaError) -> None:
        super().__init__(error.message, errors=[{"kind": error.kind, "msg": error.message}])
        self.kind = error.kind


def scope_of(team_id: uuid.UUID | None) -> str:
    return str(team_id) if team_id else ACCOUNT_SCOPE


async def check_team(db: AsyncSession, account_id: uuid.UUID, team_id: uuid.UUID | None) -> None:
    if team_id is None:
        return
    if not await teams.exists_in_account(db, account_id, team_id):
        raise NotFound("No such team.")


async def load(
    db: AsyncSession, account_id: uuid.UUID, team_id: uuid.UUID | None, *, lock: bool = False
) -> PsaConnection | None:
    return await repository.connection_of_scope(db, account_id, scope_of(team_id), lock=lock)


async def effective(
    db: AsyncSession, account_id: uuid.UUID, team_id: uuid.UUID | None
) -> tuple[PsaConnection | None, bool]:
    """The connection a team works with, and whether it is inherited from the account."""
    await check_team(db, account_id, team_id)
    own = await load(db, account_id, team_id)
    if own is not None or team_id is None:
        return own, False
    return await load(db, account_id, None), True


async def for_user(
    db: AsyncSession, account_id: uuid.UUID, user_id: uuid.UUID | None
) -> PsaConnection | None:
    if user_id is not None:
        found = await repository.first_team_connection(db, account_id, user_id)
        if found is not None:
            return found
    return await load(db, account_id, None)


def _secret_names(provider: str) -> set[str]:
    return {f.name for f in registry.provider_class(provider).fields if f.kind == "secret"}


def secrets_of(conn: PsaConnection) -> dict[str, str]:
    if not conn.secrets_encrypted:
        return {}
    loaded = json.loads(crypto.decrypt(conn.secrets_encrypted))
    return {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}


def full_config(conn: PsaConnection) -> dict[str, str]:
    return {**conn.config, **secrets_of(conn)}


def read(
    conn: PsaConnection | None, team_id: uuid.UUID | None, inherited: bool
) -> s.PsaSettingsRead:
    if conn is None:
        return s.PsaSettingsRead(
            configured=False, scope="team" if team_id else "account", team_id=team_id,
            inherited=False, provider=None, config={}, secrets_set=[], push_on_resolve=False,
            push_on_escalate=False, resolve_note_type="resolution", escalate_note_type="internal",
            time_entry_on_resolve=False, status_on_resolve={}, status_on_escalate={},
            last_test_at=None, last_test_ok=None, last_test_message="",
        )  # fmt: skip
    try:
        stored = secrets_of(conn)
    except crypto.DecryptionFailed:
        stored = {}
    return s.PsaSettingsRead(
        configured=True,
        scope="account" if conn.team_id is None else "team",
        team_id=conn.team_id,
        inherited=inherited,
        provider=conn.provider,
        config=dict(conn.config),
        secrets_set=sorted(k for k, v in stored.items() if v),
        push_on_resolve=conn.push_on_resolve,
        push_on_escalate=conn.push_on_escalate,
        resolve_note_type=conn.resolve_note_type,
        escalate_note_type=conn.escalate_note_type,
        time_entry_on_resolve=conn.time_entry_on_resolve,
        status_on_resolve=dict(conn.status_on_resolve or {}),
        status_on_escalate=dict(conn.status_on_escalate or {}),
        status_on_workaround=(
            dict(conn.status_on_workaround) if conn.status_on_workaround is not None else None
        ),
        last_test_at=conn.last_test_at,
        last_test_ok=conn.last_test_ok,
        last_test_message=conn.last_test_message,
    )


def _origin(url: str) -> tuple[str, str]:
    """(scheme, host[:port]) of a URL field, lower case; blank for one that does not parse."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "", ""
    return parts.scheme.lower(), parts.netloc.lower()


def _validated(
    body: s.PsaSettingsWrite, existing: PsaConnection | None
) -> tuple[dict[str, str], dict[str, str]]:
    """(non-secret config, secrets) from the form, keeping saved secrets left blank."""
    cls = registry.provider_class(body.provider)
    known = {f.name for f in cls.fields}
    secret_names = _secret_names(body.provider)
    given = body.fields()
    errors = [
        {"loc": ["body", k], "msg": f"{cls.label} has no setting '{k}'", "type": "extra_forbidden"}
        for k in given
        if k not in known
    ]
    kept: dict[str, str] = {}
    moved = (
        existing is not None
        and existing.provider == body.provider
        and any(
            _origin(existing.config.get(f.name, "")) != _origin(given.get(f.name, ""))
            for f in cls.fields
            if f.kind == "url"
        )
    )
    if existing is not None and existing.provider == body.provider and not moved:
        try:
            kept = secrets_of(existing)
        except crypto.DecryptionFailed:
            kept = {}
    problems = registry.validate_config(
        body.provider, given, have_secrets={k for k, v in kept.items() if v}
    )
    if moved:
        # A saved secret only ever goes to the host it was saved for: otherwise anyone who
        # may edit (or merely test) the form could point it at their own server and read the
        # key there, although the API never returns it.
        problems = {
            k: f"{m}: enter it again, the PSA address changed" if k in secret_names else m
            for k, m in problems.items()
        }
    errors += [{"loc": ["body", k], "msg": m, "type": "value_error"} for k, m in problems.items()]
    if errors:
        raise ValidationFailed("Some PSA settings need fixing.", errors=errors)
    config = {k: v for k, v in given.items() if k not in secret_names and v}
    secrets = {k: kept.get(k, "") for k in secret_names}
    secrets.update({k: v for k, v in given.items() if k in secret_names and v})
    return config, secrets


async def save(
    db: AsyncSession,
    principal: Principal,
    team_id: uuid.UUID | None,
    body: s.PsaSettingsWrite,
    client: ClientInfo | None,
) -> PsaConnection:
    await check_team(db, principal.account_id, team_id)
    conn = await load(db, principal.account_id, team_id, lock=True)
    config, secrets = _validated(body, conn)
    if conn is None:
        conn = PsaConnection(
            account_id=principal.account_id, scope=scope_of(team_id), team_id=team_id
        )
        db.add(conn)
    credentials_changed = conn.provider != body.provider or conn.config != config
    conn.provider = body.provider
    conn.config = config
    new_secrets = crypto.encrypt(json.dumps(secrets))
    if conn.secrets_encrypted:
        try:
            credentials_changed = credentials_changed or secrets_of(conn) != secrets
        except crypto.DecryptionFailed:
            credentials_changed = True
    conn.secrets_encrypted = new_secrets
    conn.push_on_resolve = body.push_on_resolve
    conn.push_on_escalate = body.push_on_escalate
    conn.resolve_note_type = body.resolve_note_type
    conn.escalate_note_type = body.escalate_note_type
    conn.time_entry_on_resolve = body.time_entry_on_resolve
    conn.status_on_resolve = dict(body.status_on_resolve)
    conn.status_on_escalate = dict(body.status_on_escalate)
    conn.status_on_workaround = (
        dict(body.status_on_workaround) if body.status_on_workaround is not None else None
    )
    if credentials_changed:
        # A test of the old credentials says nothing about the new ones.
        conn.last_test_at, conn.last_test_ok, conn.last_test_message = None, None, ""
    await db.flush()
    audit.record_by(
        db, principal, "psa.connection_saved", client=client, target_type="psa_connection",
        target_id=conn.id, detail={"provider": body.provider, "scope": conn.scope},
    )  # fmt: skip
    return conn


async def delete(
    db: AsyncSession, principal: Principal, team_id: uuid.UUID | None, client: ClientInfo | None
) -> None:
    await check_team(db, principal.account_id, team_id)
    conn = await load(db, principal.account_id, team_id, lock=True)
    if conn is None:
        raise NotFound("There is no PSA connection here to remove.")
    audit.record_by(
        db, principal, "psa.connection_deleted", client=client, target_type="psa_connection",
        target_id=conn.id, detail={"provider": conn.provider, "scope": conn.scope},
    )  # fmt: skip
    await db.delete(conn)
    await db.flush()


def provider_for(name: str, config: dict[str, str]) -> PsaProvider:
    settings = get_settings()
    return registry.provider_for(
        name,
        config,
        timeout_s=settings.psa_timeout_s,
        policy=RetryPolicy(
            max_retries=settings.psa_max_retries, backoff_base_s=settings.psa_backoff_base_s
        ),
    )


def open_provider(conn: PsaConnection) -> PsaProvider:
    try:
        config = full_config(conn)
    except crypto.DecryptionFailed as exc:
        raise PsaFailed(
            PsaError(
                "credentials",
                "The saved PSA keys cannot be decrypted (the encryption "
                "keys changed); enter them again.",
            )
        ) from exc
    return provider_for(conn.provider, config)


# A test or a discovery may be pointed at any address the outbound policy allows, so what it
# reports of a failed answer is the kind and the status, in our words: never the remote's.
_PLAIN: dict[str, str] = {
    "credentials": "The PSA refused the keys ({status}).",
    "permission": "The PSA refused the request ({status}): the API member lacks a permission.",
    "not_found": "The PSA found nothing there ({status}).",
    "wrong_codebase": "The address answered ({status}), but not as this PSA's API.",
    "redirected": "The PSA answered with a redirect ({status}); it is not followed.",
    "rate_limited": "The PSA is rate limiting us ({status}).",
    "server": "The PSA answered {status}.",
}


def plain_failure(error: PsaError) -> PsaError:
    """`error` without words from the remote's body. Errors raised without a status are ours
    (a bad company id, a refused or unreachable address) and are kept."""
    if error.status is None:
        return error
    words = _PLAIN.get(error.kind, "The PSA refused the request ({status}).")
    return PsaError(error.kind, words.format(status=error.status), status=error.status)


async def run_test(provider: PsaProvider) -> s.TestResult:
    try:
        version = await provider.test()
    except PsaError as exc:
        plain = plain_failure(exc)
        return s.TestResult(ok=False, kind=plain.kind, message=plain.message)
    finally:
        await provider.aclose()
    version = version[:100]  # a label the PSA gave itself: shown, but not at any length
    return s.TestResult(ok=True, version=version, message=f"Connected (version {version}).")


async def test_form(
    db: AsyncSession, principal: Principal, team_id: uuid.UUID | None, body: s.PsaSettingsWrite
) -> s.TestResult:
    """Tests what the form holds (saved secrets fill blanks) without saving it."""
    await check_team(db, principal.account_id, team_id)
    conn = await load(db, principal.account_id, team_id)
    config, secrets = _validated(body, conn)
    # Nothing was written: releasing stores nothing, and no transaction waits on the PSA.
    return await uow.while_released(
        db, run_test(provider_for(body.provider, {**config, **secrets}))
    )


async def test_saved(
    db: AsyncSession, principal: Principal, team_id: uuid.UUID | None
) -> s.TestResult:
    await check_team(db, principal.account_id, team_id)
    conn, _ = await effective(db, principal.account_id, team_id)
    if conn is None:
        raise PsaNotConfigured("Nothing to test yet: save the PSA settings first.")
    conn_id = conn.id
    provider = open_provider(conn)
    result = await uow.while_released(db, run_test(provider))
    # Read again, not the copy from before the commit: the settings may have been saved or
    # removed while the PSA answered (a removed row updated from the stale copy is a 500).
    fresh = await db.get(PsaConnection, conn_id, populate_existing=True)
    if fresh is not None:
        fresh.last_test_at = datetime.now(UTC)
        fresh.last_test_ok = result.ok
        fresh.last_test_message = result.message[:500]
    return result


def provider_info(name: str) -> dict[str, Any]:
    cls = registry.provider_class(name)
    return {
        "name": cls.name,
        "label": cls.label,
        "fields": [f.__dict__ for f in cls.fields],
        "supports_status": cls.supports_status,
        "supports_time_entries": cls.supports_time_entries,
        "supports_discovery": cls.name == "connectwise",
    }
