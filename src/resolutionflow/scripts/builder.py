"""The AI script builder: a description → a draft script with typed parameters, validated by
the same rules as a saved script; its problems are fed back for one repair round. Runs with no
transaction open (the model call)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.errors import ValidationFailed
from resolutionflow.scripts import schemas as s
from resolutionflow.scripts.service import check_definition

ACTION = "script_draft"
REPAIR_ROUNDS = 1

INSTRUCTIONS = """You write scripts for MSP service desk engineers, as reusable templates.
Return one script as structured output: title, description, body, params, risk.
- The body is in the requested language. Values the engineer fills in are placeholders {{name}}; each placeholder becomes one complete, safely quoted literal, so NEVER put a placeholder inside quotes of your own, and never build code from a parameter (no Invoke-Expression, eval, iex).
- params: one per placeholder, each {name (identifier), type: string|int|bool|choice|hostname|path|secret, required, default (omit for secrets), pattern (optional regex the whole value must match), choices (for choice), help}. Passwords, keys and tokens are type secret.
- risk: read_only (only reads), changes_state (changes configuration or services), destructive (deletes or overwrites data).
- Prefer built-in commands; check before changing; print what was done."""

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "description": {"type": "string"},
        "body": {"type": "string"},
        "risk": {"type": "string", "enum": ["read_only", "changes_state", "destructive"]},
        "params": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "type": {
                        "type": "string",
                        "enum": ["string", "int", "bool", "choice", "hostname", "path", "secret"],
                    },
                    "required": {"type": "boolean"},
                    "default": {"type": ["string", "integer", "boolean", "null"]},
                    "pattern": {"type": ["string", "null"]},
                    "choices": {"type": "array", "items": {"type": "string"}},
                    "help": {"type": "string"},
                },
                "required": ["name", "type"],
            },
        },
    },
    "required": ["title", "body", "params", "risk"],
}


@dataclass
class Built:
    draft: s.ScriptDraft | None
    problems: list[str]
    served: list[gateway.Served] = field(default_factory=list)
    note: str | None = None


def parse(data: dict[str, Any] | None, language: str) -> tuple[s.ScriptDraft | None, list[str]]:
    """The model's answer as a draft, or the problems that stop it being one."""
    raw = dict(data or {})
    given = raw.get("params")
    params: list[Any] = given if isinstance(given, list) else []
    cleaned = []
    for p in params:
        if isinstance(p, dict):
            # Models fill every optional field; empty ones mean "none".
            cleaned.append(
                {k: v for k, v in p.items() if v not in (None, "", []) or k in ("name", "type")}
            )
    candidate = {
        "title": str(raw.get("title") or "")[:200],
        "language": language,
        "body": raw.get("body") or "",
        "params": cleaned,
        "description": str(raw.get("description") or "")[:5000],
        "risk": raw.get("risk") or "changes_state",
    }
    try:
        body = s.ScriptCreate.model_validate(candidate)
        check_definition(body)
    except ValidationError as exc:
        return None, [
            f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()[:20]
        ]
    except ValidationFailed as exc:
        return None, [str(e.get("msg")) for e in exc.errors or []] or [exc.detail]
    return (
        s.ScriptDraft(
            title=body.title,
            language=body.language,
            body=body.body,
            params=body.params,
            risk=body.risk,
            description=body.description,
        ),
        [],
    )


async def build(plan: gateway.Plan, description: str, language: str) -> Built:
    """No database here."""

    async def no_model() -> tuple[str, dict[str, Any] | None]:
        return "", None

    request = f"Write a {language} script that does this:\n{description}"
    question = request
    served_all: list[gateway.Served] = []
    problems: list[str] = []
    for _ in range(REPAIR_ROUNDS + 1):
        served = await gateway.run(
            plan,
            gateway.Ask(
                action=ACTION,
                instructions=INSTRUCTIONS,
                blocks=[DataBlock("what the script should do", description)],
                question=question,
                json_schema=SCHEMA,
                max_tokens=4000,
            ),
            no_model,
            lambda _t, _d: None,
        )
        served_all.append(served)
        if served.provider == "offline":
            return Built(None, [], served_all, served.note)
        draft, problems = parse(served.data, language)
        if draft is not None:
            return Built(draft, [], served_all)
        question = (
            request
            + "\n\nYour previous script had these problems; return the whole corrected script:\n"
            + "\n".join(f"- {p}" for p in problems)
            + "\n\nPrevious script:\n"
            + json.dumps(served.data or {}, ensure_ascii=False)[:20000]
        )
    return Built(None, problems, served_all)
