"""Which variant a new session of a flow under test runs, by a stable hash.

The key is the session's ticket when it has one (so every session of one ticket gets the same
variant: a re-opened ticket does not switch procedures half way), else the session itself. The
variant is B when sha256("<experiment id>:<key>") read as a fraction of 2**64 (its first 8
bytes) falls below the split, else A. The same key always lands in the same variant of one
test, and different tests split independently.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.experiments import repository as repo
from resolutionflow.models import Experiment, Session


def bucket(experiment_id: uuid.UUID, key: str) -> float:
    """A number in [0, 1), uniform over keys, stable for a key within one test."""
    digest = hashlib.sha256(f"{experiment_id}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def key_of(session_id: uuid.UUID, ticket_id: str | None) -> str:
    ticket = (ticket_id or "").strip()
    return f"ticket:{ticket.casefold()}" if ticket else f"session:{session_id}"


def variant_for(experiment: Experiment, key: str) -> str:
    return "b" if bucket(experiment.id, key) < experiment.split else "a"


@dataclass(frozen=True)
class Assignment:
    experiment_id: uuid.UUID
    variant: str
    version: int
    # False when the session had this variant already (it came back to the flow).
    new: bool = True

    def entry(self, flow_id: uuid.UUID) -> tuple[str, dict[str, Any]]:
        """The timeline entry saying so (internal: the ticket note leaves it out)."""
        return (
            "experiment_assigned",
            {
                "experiment_id": str(self.experiment_id),
                "flow_id": str(flow_id),
                "variant": self.variant,
                "version": self.version,
            },
        )


async def assign(db: AsyncSession, session: Session, flow_id: uuid.UUID) -> Assignment | None:
    """The version a session starting `flow_id` runs when the flow is under test, recorded on
    the session; None when no test runs (the flow's published version, as always).

    A session is assigned once: it keeps its first variant, also after the test stops. Coming
    back to the same flow while that test still runs gives the same version again; a session
    already in another test is not assigned a second one."""
    experiment = await repo.running_for_flow(db, session.account_id, flow_id)
    if experiment is None:
        return None
    if session.experiment_id is not None:
        if session.experiment_id != experiment.id or session.variant is None:
            return None
        variant, new = session.variant, False
    else:
        new = True
        variant = variant_for(experiment, key_of(session.id, session.ticket_id))
        session.experiment_id, session.variant = experiment.id, variant
    version = experiment.version_b if variant == "b" else experiment.version_a
    return Assignment(experiment.id, variant, version, new)
