"""Candidate targets from the connected PSA's configurations (devices, assets) of one company:
the caller reviews them and saves them as (part of) a target list. Nothing is stored here."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.db import uow
from resolutionflow.errors import AppError, ValidationFailed
from resolutionflow.maintenance import schemas as s
from resolutionflow.providers.psa import registry
from resolutionflow.providers.psa.base import CompanyConfiguration, PsaError
from resolutionflow.psa import connections

# More than this in one company is not a maintenance list anyone reviews by hand.
LIMIT = 1000


class PsaUnsupported(AppError):
    status = 409
    slug = "psa-unsupported"
    title = "Not supported by this PSA"


def _target(c: CompanyConfiguration) -> s.TargetIn:
    fields = {
        k: v[:500]
        for k, v in (("ip", c.ip_address), ("os", c.os), ("site", c.site), ("type", c.type))
        if v
    }
    return s.TargetIn(
        label=" ".join(c.name.split())[:200] or f"Configuration {c.id}",
        client=" ".join((c.company or "").split())[:200],
        fields=fields,
        psa_company_id=(c.company_id or "")[:100] or None,
        psa_config_id=c.id[:100],
    )


async def candidates(
    db: AsyncSession, principal: Principal, company_id: str
) -> s.PsaConfigurationImport:
    """The company's active configurations as targets, from the caller's PSA connection (their
    team's, else the account's). The database is released while the PSA answers."""
    conn = await connections.for_user(db, principal.account_id, principal.user_id)
    if conn is None:
        raise connections.PsaNotConfigured()
    name = conn.provider
    label = registry.provider_class(name).label
    provider = connections.open_provider(conn)
    try:
        found = await uow.while_released(db, provider.configurations(company_id, limit=LIMIT + 1))
    except PsaError as exc:
        if exc.kind == "unsupported":
            raise PsaUnsupported(exc.message) from exc
        if exc.kind == "not_found":
            raise ValidationFailed(
                f"{label} has no company {company_id!r}.",
                errors=[
                    {"loc": ["query", "company_id"], "msg": "not found", "type": "value_error"}
                ],
            ) from exc
        raise connections.PsaFailed(exc) from exc
    finally:
        await provider.aclose()
    targets = [_target(c) for c in found[:LIMIT]]
    seen: dict[str, int] = {}
    repeated = 0
    for t in targets:
        key = t.label.casefold()
        seen[key] = seen.get(key, 0) + 1
        repeated += seen[key] == 2
    return s.PsaConfigurationImport(
        provider=name,
        company_id=company_id,
        client=targets[0].client if targets else "",
        targets=targets,
        truncated=len(found) > LIMIT,
        repeated_labels=repeated,
    )
