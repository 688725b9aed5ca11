"""AppError hierarchy and the handlers that turn every error into RFC 9457 problem+json."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("resolutionflow.errors")

PROBLEM_JSON = "application/problem+json"
_TYPE_BASE = "https://resolutionflow.dev/problems/"


class AppError(Exception):
    """A failure the caller can understand; services raise these, never HTTPException."""

    status = 400
    slug = "bad-request"
    title = "Bad request"

    def __init__(
        self,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        persist: bool = False,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}
        # True when what the service wrote before failing must be kept (a failed sign-in's
        # audit row, a revoked token family): the request edge commits instead of rolling back.
        self.persist = persist
        # More members for the problem body (e.g. `problems`, `current_revision`).
        self.extra: dict[str, Any] = {}


class BadRequest(AppError):
    pass


class Unauthorized(AppError):
    status = 401
    slug = "unauthorized"
    title = "Not signed in"

    def __init__(self, detail: str = "Sign in to continue.", **kw: Any) -> None:
        kw.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(detail, **kw)


class Forbidden(AppError):
    status = 403
    slug = "forbidden"
    title = "Not allowed"


class NotFound(AppError):
    status = 404
    slug = "not-found"
    title = "Not found"


class MethodNotAllowed(AppError):
    status = 405
    slug = "method-not-allowed"
    title = "Method not allowed"


class Conflict(AppError):
    status = 409
    slug = "conflict"
    title = "Conflict"


class Gone(AppError):
    status = 410
    slug = "gone"
    title = "No longer available"


class PayloadTooLarge(AppError):
    status = 413
    slug = "payload-too-large"
    title = "Request body too large"


class ValidationFailed(AppError):
    status = 422
    slug = "validation-error"
    title = "Validation failed"


class TooManyRequests(AppError):
    status = 429
    slug = "too-many-requests"
    title = "Too many requests"

    def __init__(self, detail: str, retry_after_s: int, *, persist: bool = False) -> None:
        headers = {"Retry-After": str(max(1, retry_after_s))}
        super().__init__(detail, headers=headers, persist=persist)
        self.retry_after_s = retry_after_s


class ServiceUnavailable(AppError):
    status = 503
    slug = "unavailable"
    title = "Service unavailable"


_HTTP_TITLES = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "Not signed in"),
    403: ("forbidden", "Not allowed"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    409: ("conflict", "Conflict"),
    413: ("payload-too-large", "Request body too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    422: ("validation-error", "Validation failed"),
    429: ("too-many-requests", "Too many requests"),
}


PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "ProblemDetails",
    "description": "An RFC 9457 problem: what went wrong, for people (`detail`) and programs "
    "(`type`, `status`); `errors` lists field problems (`loc`, `msg`, `type`).",
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
        "request_id": {"type": "string"},
    },
    "additionalProperties": True,
}


def declare_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """Every API operation's error answers, as they really are: problem+json for any 4xx
    (FastAPI documents only its own 422 shape, as application/json)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    assert components.get("ProblemDetails", PROBLEM_SCHEMA) is PROBLEM_SCHEMA, "name taken"
    components["ProblemDetails"] = PROBLEM_SCHEMA
    ref = {"$ref": "#/components/schemas/ProblemDetails"}
    problem = {"content": {PROBLEM_JSON: {"schema": ref}}}
    for path, operations in schema.get("paths", {}).items():
        if not path.startswith("/api/"):
            continue
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if "422" in responses:
                responses["422"] = {"description": "Validation failed", **problem}
            responses["4XX"] = {
                "description": "A problem: not signed in (401), not allowed (403), not found "
                "or another account's (404), a conflict (409), too large (413), invalid (422), "
                "too many requests (429)",
                **problem,
            }
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    return schema


def problem_response(
    status: int,
    slug: str,
    title: str,
    detail: str,
    request: Request | None = None,
    *,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        **(extra or {}),
        "type": _TYPE_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    request_id = getattr(request.state, "request_id", None) if request is not None else None
    if request_id:
        body["request_id"] = request_id
        # 500s are answered outside the middleware that normally adds this header.
        headers = {**(headers or {}), "X-Request-ID": request_id}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _clean_validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Echoing the rejected input back could reflect a password into a log or a screen; leave it out.
    out = []
    for err in exc.errors():
        msg = str(err.get("msg", "Invalid value"))
        out.append(
            {"loc": [str(p) for p in err.get("loc", ())], "msg": msg, "type": err.get("type")}
        )
    return out


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        return problem_response(
            exc.status,
            exc.slug,
            exc.title,
            exc.detail,
            request,
            errors=exc.errors,
            headers=exc.headers,
            extra=exc.extra,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _clean_validation_errors(exc)
        if any(e["type"] == "json_invalid" for e in errors):
            return problem_response(
                400,
                "malformed-json",
                "Malformed JSON",
                "The request body is not valid JSON.",
                request,
                errors=errors,
            )
        return problem_response(
            422,
            "validation-error",
            "Validation failed",
            "Some fields are missing or invalid; see `errors`.",
            request,
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        slug, title = _HTTP_TITLES.get(exc.status_code, ("error", "Error"))
        detail = exc.detail if isinstance(exc.detail, str) else title
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Nothing exists at this address."
        if exc.status_code == 405:
            detail = f"{request.method} is not allowed here."
        return problem_response(
            exc.status_code, slug, title, detail, request, headers=dict(exc.headers or {})
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        # A uniqueness or reference rule caught by the database, usually two requests racing
        # past the service's own check. The request edge has rolled back: nothing was stored.
        log.info("integrity conflict", extra={"error": type(exc.orig).__name__})
        return problem_response(
            409,
            "conflict",
            "Conflict",
            "This conflicts with data that already exists (perhaps saved a moment ago); "
            "reload and try again.",
            request,
        )

    @app.exception_handler(PoolTimeout)
    async def _busy(request: Request, exc: PoolTimeout) -> JSONResponse:
        # Every pooled connection was busy for the whole pool timeout: overload, not a bug in
        # the request. Nothing was stored; the client may try again shortly.
        log.warning("database pool exhausted", extra={"route": request.url.path})
        return problem_response(
            503,
            "busy",
            "Service busy",
            "The server is too busy to take this request right now; try again in a moment.",
            request,
            headers={"Retry-After": "2"},
        )

    @app.exception_handler(DBAPIError)
    async def _database_error(request: Request, exc: DBAPIError) -> JSONResponse:
        if not exc.connection_invalidated:
            return await _unexpected(request, exc)
        # The server dropped the connection (a restart, a failover, an idle timeout): the pool
        # has discarded its connections and the next request gets fresh ones. Nothing of this
        # one was stored.
        log.warning("database connection lost", extra={"route": request.url.path})
        return problem_response(
            503,
            "database-unavailable",
            "Database connection lost",
            "The connection to the database was lost; nothing was saved. Try again.",
            request,
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # This runs outside the request middleware, so name the request id explicitly.
        log.exception(
            "unhandled error",
            extra={
                "route": request.url.path,
                "request_id": getattr(request.state, "request_id", None),
            },
        )
        return problem_response(
            500,
            "internal-error",
            "Internal server error",
            "Something went wrong on our side. Quote the request id when you report it.",
            request,
        )
