"""The script library's logic: creating and editing script templates (their placeholders and
declared parameters checked against each other), rendering with safely quoted values, and
recording a render on a session's timeline with secrets masked.

Who may do what, as in the step library: everyone in the account reads the library and renders
its scripts; engineers (and above) create scripts; a script is edited or deleted by its author,
by a team admin of its owner team (any team admin when it has no owner team) and by a super
admin. Rendering onto a session's timeline needs the right to work on that session.

Secret parameters: their values are used for the one rendered script that is returned, and
are never stored, logged or written to the timeline (masked as ••••)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow import search
from resolutionflow.audit.service import record_by
from resolutionflow.auth import library_rights
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.errors import Conflict, Forbidden, ValidationFailed
from resolutionflow.models import Script
from resolutionflow.scripts import lint, quoting, template
from resolutionflow.scripts import repository as repo
from resolutionflow.scripts import schemas as s
from resolutionflow.sessions import service as sessions
from resolutionflow.teams import repository as teams_repo

SCRIPT_RAN = "script_ran"


def _now() -> datetime:
    return datetime.now(UTC)


def _error(loc: list[str | int], msg: str) -> dict[str, Any]:
    return {"loc": loc, "msg": msg, "type": "value_error"}


def as_params(params: list[s.ScriptParam]) -> list[quoting.Param]:
    return [
        quoting.Param(
            name=p.name,
            type=p.type,
            required=p.required,
            default=p.default,
            pattern=p.pattern,
            choices=tuple(p.choices),
        )
        for p in params
    ]


def check_definition(body: s.ScriptCreate) -> None:
    """Placeholders and declared parameters agree, names are unique, defaults fit their type
    and can be quoted for the language; a 422 naming each problem."""
    errors: list[dict[str, Any]] = []
    used = template.placeholders(body.body)
    names = [p.name for p in body.params]
    for name in used:
        if name not in names:
            errors.append(
                _error(
                    ["body", "body"], f"the placeholder {{{{{name}}}}} is not a declared parameter"
                )
            )
    seen: set[str] = set()
    for i, p in enumerate(body.params):
        if p.name in seen:
            errors.append(_error(["body", "params", str(i), "name"], f"{p.name} is declared twice"))
        seen.add(p.name)
        if p.name not in used:
            errors.append(
                _error(
                    ["body", "params", str(i), "name"],
                    f"{p.name} is declared but the body never uses {{{{{p.name}}}}}",
                )
            )
        if p.default is not None:
            (param,) = as_params([p])
            try:
                quoting.quote(body.language, quoting.check(param, p.default))
            except quoting.BadValue as exc:
                errors.append(
                    _error(["body", "params", str(i), "default"], f"{p.name}: the default {exc}")
                )
    if errors:
        raise ValidationFailed(
            "The script's placeholders and parameters do not fit: "
            + "; ".join(e["msg"] for e in errors)
            + ".",
            errors=errors,
        )


def _index_text(script: Script) -> str:
    params = " ".join(f"{p.get('name', '')} {p.get('help', '')}" for p in script.params or [])
    return "\n".join(
        [script.description, " ".join(script.tags or []), script.language, params, script.body]
    )


async def _index(db: AsyncSession, script: Script) -> None:
    await search.put(
        db,
        kind=repo.SEARCH_KIND,
        ref_id=script.id,
        account_id=script.account_id,
        title=script.title,
        body=_index_text(script),
    )


def _apply(script: Script, body: s.ScriptCreate) -> None:
    script.title = body.title
    script.language = body.language
    script.body = body.body
    script.params = [p.model_dump(mode="json") for p in body.params]
    script.description = body.description
    script.tags = list(body.tags)
    script.risk = body.risk
    script.team_id = body.team_id


def params_of(script: Script) -> list[s.ScriptParam]:
    return [s.ScriptParam.model_validate(p) for p in script.params or []]


# --- reading ------------------------------------------------------------------------------------


async def reads(
    db: AsyncSession, principal: Principal, scripts: list[Script]
) -> list[s.ScriptRead]:
    teams = await teams_repo.member_team_ids(db, principal)
    return [
        s.ScriptRead(
            id=sc.id,
            title=sc.title,
            language=sc.language,
            body=sc.body,
            params=params_of(sc),
            description=sc.description,
            tags=list(sc.tags or []),
            risk=sc.risk,
            team_id=sc.team_id,
            created_by_id=sc.created_by_id,
            revision=sc.revision,
            can_edit=library_rights.may_edit(principal, sc, teams),
            created_at=sc.created_at,
            updated_at=sc.updated_at,
        )
        for sc in scripts
    ]


async def read(db: AsyncSession, principal: Principal, script: Script) -> s.ScriptRead:
    return (await reads(db, principal, [script]))[0]


# --- writing ------------------------------------------------------------------------------------


async def create(
    db: AsyncSession, principal: Principal, body: s.ScriptCreate, client: ClientInfo | None
) -> Script:
    check_definition(body)
    await library_rights.check_team_choice(
        db, principal, body.team_id, await teams_repo.member_team_ids(db, principal), what="script"
    )
    script = Script(account_id=principal.account_id, created_by_id=principal.user_id, revision=1)
    _apply(script, body)
    db.add(script)
    await db.flush()
    await _index(db, script)
    record_by(
        db, principal, "script.created", client=client, target_type="script", target_id=script.id
    )
    return script


async def _editable(db: AsyncSession, principal: Principal, script_id: uuid.UUID) -> Script:
    script = await repo.get_script(db, principal, script_id, lock=True)
    if not library_rights.may_edit(
        principal, script, await teams_repo.member_team_ids(db, principal)
    ):
        raise Forbidden(
            "Only the script's author, a team admin of its owner team or a super admin may "
            "change it."
        )
    return script


async def update(
    db: AsyncSession,
    principal: Principal,
    script_id: uuid.UUID,
    body: s.ScriptUpdate,
    client: ClientInfo | None,
) -> Script:
    script = await _editable(db, principal, script_id)
    if body.revision is not None and body.revision != script.revision:
        raise Conflict(
            f"The script was changed since you opened it (revision {script.revision}, yours "
            f"{body.revision}). Reload it and apply your change again."
        )
    check_definition(body)
    if body.team_id != script.team_id:
        await library_rights.check_team_choice(
            db,
            principal,
            body.team_id,
            await teams_repo.member_team_ids(db, principal),
            what="script",
        )
    _apply(script, body)
    script.revision += 1
    script.updated_at = _now()
    await db.flush()
    await _index(db, script)
    record_by(
        db, principal, "script.updated", client=client, target_type="script", target_id=script.id
    )
    return script


async def delete(
    db: AsyncSession, principal: Principal, script_id: uuid.UUID, client: ClientInfo | None
) -> None:
    script = await _editable(db, principal, script_id)
    await search.delete(db, repo.SEARCH_KIND, script.id)
    record_by(
        db, principal, "script.deleted", client=client, target_type="script", target_id=script.id
    )
    await db.delete(script)
    await db.flush()


# --- rendering ----------------------------------------------------------------------------------


def shown_value(param: s.ScriptParam, value: quoting.Value) -> str:
    """How a value appears on the timeline and in notes: secrets masked."""
    if param.type == "secret":
        return s.SECRET_MASK
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def ran_text(title: str, shown: dict[str, str]) -> str:
    if not shown:
        return f"“{title}”"
    return f"“{title}” with parameters " + ", ".join(f"{k}={v}" for k, v in shown.items())


async def render(
    db: AsyncSession, principal: Principal, script_id: uuid.UUID, body: s.RenderIn
) -> s.RenderOut:
    script = await repo.get_script(db, principal, script_id)
    params = params_of(script)
    rendered, typed, problems = template.render(
        script.language, script.body, as_params(params), body.values
    )
    if problems:
        errors = [_error(["body", "values", name], msg) for name, msg in problems.items()]
        raise ValidationFailed(
            "Some parameters are not acceptable: "
            + "; ".join(f"{name}: {msg}" for name, msg in problems.items())
            + ".",
            errors=errors,
        )
    if body.session_id is None:
        return s.RenderOut(script=rendered)
    session = await sessions.get_session(db, principal, body.session_id, lock=True)
    sessions.may_work(principal, session)
    shown = {p.name: shown_value(p, typed[p.name]) for p in params if p.name in typed}
    (event,) = await sessions.append_entries(
        db,
        principal,
        session,
        [
            (
                SCRIPT_RAN,
                {
                    "script_id": str(script.id),
                    "script_title": script.title,
                    "language": script.language,
                    "risk": script.risk,
                    "params": shown,
                    "text": ran_text(script.title, shown),
                },
            )
        ],
    )
    return s.RenderOut(script=rendered, recorded_seq=event.seq)


# --- the script builder -------------------------------------------------------------------------

NO_MODEL = (
    "No AI model is configured, so nothing was drafted: here are the closest scripts in your "
    "library instead. A team admin can configure a model in AI settings."
)
NOTHING_CLOSE = " Your library has nothing close yet."


async def closest(
    db: AsyncSession, principal: Principal, description: str, language: str, limit: int = 5
) -> list[s.ScriptRead]:
    """Library scripts for a description, any word matching, the requested language first."""
    rows = await repo.search(db, principal, q=description, limit=limit * 3, mode="any")
    rows.sort(key=lambda sc: sc.language != language)  # stable: rank kept within each group
    return await reads(db, principal, rows[:limit])


async def with_lint(draft: s.ScriptDraft) -> tuple[list[s.LintFinding], str]:
    found = await lint.lint(draft.language, draft.body)
    return [s.LintFinding(line=f.line, message=f.message) for f in found.findings], found.note
