"""create_app(): middleware, routers, error handlers, and the built SPA."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response

from resolutionflow import __version__
from resolutionflow.accounts.router import router as accounts_router
from resolutionflow.ai.router import router as ai_router
from resolutionflow.analytics.router import router as analytics_router
from resolutionflow.assist.router import router as assist_router
from resolutionflow.audit.router import router as audit_router
from resolutionflow.auth.router import router as auth_router
from resolutionflow.config import Settings, get_settings
from resolutionflow.db import in_use
from resolutionflow.db.engine import (
    make_check_engine,
    make_engine,
    make_read_engine,
    make_sessionmaker,
)
from resolutionflow.documentation.router import router as documentation_router
from resolutionflow.errors import (
    MethodNotAllowed,
    NotFound,
    declare_problems,
    install_error_handlers,
)
from resolutionflow.escalations.router import router as escalations_router
from resolutionflow.experiments.router import router as experiments_router
from resolutionflow.flowgen.router import router as flowgen_router
from resolutionflow.flows.router import router as flows_router
from resolutionflow.flywheel.router import router as flywheel_router
from resolutionflow.health.router import router as health_router
from resolutionflow.home.router import router as home_router
from resolutionflow.jobs.handlers import make_worker
from resolutionflow.jobs.router import router as jobs_router
from resolutionflow.knowledge.router import router as knowledge_router
from resolutionflow.logging import configure_logging
from resolutionflow.maintenance import service as maintenance
from resolutionflow.maintenance.router import router as maintenance_router
from resolutionflow.me.router import router as me_router
from resolutionflow.middleware import BodySizeLimitMiddleware, RequestContextMiddleware
from resolutionflow.pilot.router import router as pilot_router
from resolutionflow.psa import hooks as psa_hooks
from resolutionflow.psa.outbox import Outbox
from resolutionflow.psa.router import router as psa_router
from resolutionflow.psa_tickets.router import router as psa_tickets_router
from resolutionflow.redaction import redact
from resolutionflow.redaction.router import router as redaction_router
from resolutionflow.scripts.router import router as scripts_router
from resolutionflow.sessions.live import Listener
from resolutionflow.sessions.router import router as sessions_router
from resolutionflow.sharing.router import router as sharing_router
from resolutionflow.sso.router import router as sso_router
from resolutionflow.static_files import SpaFiles
from resolutionflow.steps.router import router as steps_router
from resolutionflow.storage import from_settings as storage_from_settings
from resolutionflow.teams.router import router as teams_router
from resolutionflow.users.router import router as users_router

STATIC_DIR = Path(__file__).resolve().parent / "static"
LARGE_BODY_PATHS = re.compile(
    r"^/api/v1/flows(/validate|/import|/import-library|/[0-9a-fA-F-]{36}/draft)?$"
    r"|^/api/v1/sessions/[0-9a-fA-F-]{36}/attachments$"
    r"|^/api/v1/knowledge/documents$|^/api/v1/flows/from-article$|^/api/v1/sessions$"
    r"|^/api/v1/assist/conversations/[0-9a-fA-F-]{36}/messages$"
)


# The API's routers, in the order their routes are matched. Each is included into the app
# itself under /api/v1 rather than into one /api/v1 router first: FastAPI matches a request by
# walking the included routers, and walks each level again to handle it, so one level fewer is a
# walk fewer on every request.
# No two routers answer the same request (tests/test_routing.py), so the order only decides how
# soon a request finds its route: each router before it is tried route by route. The busiest
# come first: a desk's requests are mostly note appends and timeline reads.
API_ROUTERS: tuple[APIRouter, ...] = (
    sessions_router,
    me_router,
    auth_router,
    sso_router,
    accounts_router,
    users_router,
    teams_router,
    audit_router,
    flows_router,
    experiments_router,
    sharing_router,
    redaction_router,
    documentation_router,
    ai_router,
    knowledge_router,
    assist_router,
    pilot_router,
    flowgen_router,
    escalations_router,
    psa_router,
    psa_tickets_router,
    jobs_router,
    maintenance_router,
    flywheel_router,
    steps_router,
    scripts_router,
    analytics_router,
    home_router,
)
API_PREFIX = "/api/v1"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Redaction's one-sweep scanner compiles its database on first use (~300 ms): here, so
        # no request pays for it.
        await asyncio.to_thread(redact, "ResolutionFlow is starting")
        # A restore refuses to swap a SQLite file this process has open (db/in_use.py).
        with in_use.using(settings.effective_database_url):
            # Queued work (PSA pushes, notices, assessments; also what a previous run left)
            # runs from startup on.
            if settings.jobs_in_process:
                app.state.jobs.start()
            yield
            # Running jobs are handed back (their leases released) before the engine goes.
            await app.state.jobs.stop()
            await app.state.live_listener.close()
            await app.state.read_engine.dispose()
            await app.state.engine.dispose()

    app = FastAPI(
        title="ResolutionFlow",
        version=__version__,
        description="Guided troubleshooting flows, an AI copilot, and ticket notes that write "
        "themselves.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings)
    app.state.sessionmaker = make_sessionmaker(app.state.engine)
    app.state.read_engine = make_read_engine(settings, app.state.engine)
    app.state.read_sessionmaker = make_sessionmaker(app.state.read_engine)
    app.state.check_sessionmaker = make_sessionmaker(make_check_engine(app.state.read_engine))
    app.state.live_listener = Listener(app.state.engine)
    app.state.storage = storage_from_settings(settings)
    app.state.psa_outbox = Outbox(app.state.sessionmaker)
    app.state.jobs = make_worker(settings, app.state.sessionmaker, app.state.live_listener)
    psa_hooks.register()
    maintenance.register()

    install_error_handlers(app)
    _document_problems(app)
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        large_bytes=settings.max_upload_bytes,
        # Whole flows travel in these bodies; a 2,000-node flow is well over a megabyte.
        large_paths=LARGE_BODY_PATHS,
    )
    app.add_middleware(RequestContextMiddleware)

    app.include_router(health_router)
    for router in API_ROUTERS:
        app.include_router(router, prefix=API_PREFIX)

    _mount_spa(app)
    return app


def _document_problems(app: FastAPI) -> None:
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = declare_problems(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _mount_spa(app: FastAPI) -> None:
    # Hashed /assets/* are cached for a year, everything else revalidates; bodies go out
    # compressed (see static_files.py).
    files = SpaFiles(STATIC_DIR)

    @app.api_route(
        "/{path:path}",
        methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
        include_in_schema=False,
    )
    async def spa(path: str, request: Request) -> Response:
        if path == "api" or path.startswith("api/"):
            # Unknown API paths are a problem+json 404 (or 405 when only the method is wrong),
            # never the SPA's index.html.
            if _known_api_path(app, "/" + path):
                raise MethodNotAllowed(f"{request.method} is not allowed here.")
            raise NotFound(f"No API route /{path}.")
        if request.method not in ("GET", "HEAD"):
            raise MethodNotAllowed(f"{request.method} is not allowed here.")
        return await files.response(request, path)


def _known_api_path(app: FastAPI, path: str) -> bool:
    patterns: list[re.Pattern[str]] | None = getattr(app.state, "api_path_patterns", None)
    if patterns is None:
        patterns = [
            re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(p)) + "$")
            for p in app.openapi()["paths"]
        ]
        app.state.api_path_patterns = patterns
    return any(p.match(path) for p in patterns)


def configure() -> None:
    configure_logging(get_settings().log_level)


def process_app() -> FastAPI:
    """The app of one of several serving processes (`serve --workers N`): each process is
    started afresh by uvicorn's supervisor, so it configures its own logging."""
    configure()
    return create_app(get_settings())
