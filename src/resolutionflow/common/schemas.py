"""Schema base classes and the list/cursor conventions every list endpoint shares."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import AwareDatetime, BaseModel, ConfigDict, StringConstraints, field_validator

from resolutionflow.errors import BadRequest

T = TypeVar("T")


class ReadSchema(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class WriteSchema(BaseModel):
    # Unknown fields on writes are refused: a typo must not be silently ignored.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        # PostgreSQL cannot store NUL in text; refuse it here rather than fail at the database,
        # in lists and mappings too (tags, answers, fields).
        if _has_nul(value):
            raise ValueError("must not contain NUL characters")
        return value


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple | set | frozenset):
        return any(_has_nul(v) for v in value)
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    return False


# A one-line display name (people, teams, accounts, tokens): no control characters, because
# names end up in email subjects and table cells.
Name = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$"
    ),
]
# Free text typed into a search box.
SearchText = Annotated[
    str | None, Query(max_length=200, pattern=r"^[^\x00]*$", description="Contains this text")
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class Cursor(BaseModel):
    """Keyset position: the (created_at, id) of the last item of the previous page."""

    created_at: AwareDatetime
    id: uuid.UUID

    def encode(self) -> str:
        return base64.urlsafe_b64encode(self.model_dump_json().encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, raw: str) -> Cursor:
        try:
            padded = raw + "=" * (-len(raw) % 4)
            return cls.model_validate(json.loads(base64.urlsafe_b64decode(padded)))
        except (ValueError, binascii.Error, TypeError) as exc:
            raise BadRequest(
                "The cursor is not valid; start again from the first page.",
                errors=[
                    {"loc": ["query", "cursor"], "msg": "invalid cursor", "type": "value_error"}
                ],
            ) from exc


class PageParams(BaseModel):
    limit: int
    cursor: Cursor | None


async def page_params(
    limit: Annotated[int, Query(ge=1, le=200, description="Items per page")] = 50,
    cursor: Annotated[str | None, Query(max_length=512, description="From `next_cursor`")] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=Cursor.decode(cursor) if cursor else None)


def next_cursor(rows: list[Any], limit: int) -> str | None:
    """Rows were fetched with limit+1; a surplus row means there is another page."""
    if len(rows) <= limit:
        return None
    last = rows[limit - 1]
    return Cursor(created_at=last.created_at, id=last.id).encode()


def decode_offset(cursor: str | None) -> int:
    """Offset cursors, for lists ordered by something other than creation (relevance, updates)."""
    if not cursor:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        offset = int(json.loads(base64.urlsafe_b64decode(padded))["o"])
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise BadRequest("The cursor is not valid; start again from the first page.") from exc
    if offset < 0:
        raise BadRequest("The cursor is not valid; start again from the first page.")
    return offset


def encode_offset(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")
