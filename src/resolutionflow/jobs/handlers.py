"""Every job kind the app can enqueue, registered by importing the modules that define them
(a worker process must know them all, whichever routes it serves)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resolutionflow.config import Settings
from resolutionflow.jobs.runner import Worker
from resolutionflow.jobs.schedules import Scheduler
from resolutionflow.sessions.live import Listener


def load_all() -> None:
    from resolutionflow.analytics import jobs as analytics_jobs  # noqa: F401
    from resolutionflow.escalations import jobs as escalation_jobs  # noqa: F401
    from resolutionflow.flywheel import jobs as flywheel_jobs  # noqa: F401
    from resolutionflow.maintenance import jobs as maintenance_jobs  # noqa: F401
    from resolutionflow.outbound import notices  # noqa: F401
    from resolutionflow.psa import jobs as psa_jobs  # noqa: F401
    from resolutionflow.search import jobs as search_jobs  # noqa: F401


def make_worker(
    settings: Settings,
    sessionmaker: async_sessionmaker[AsyncSession],
    listener: Listener | None = None,
) -> Worker:
    load_all()
    return Worker(
        sessionmaker,
        concurrency=settings.jobs_concurrency,
        poll_s=settings.jobs_poll_s,
        lease_s=settings.jobs_lease_s,
        listener=listener,
        tick=Scheduler(sessionmaker),
        inline=settings.jobs_in_process,
    )
