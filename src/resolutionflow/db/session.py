"""The request-edge unit of work: commit when the route succeeds, roll back when it raises."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.errors import AppError


async def get_db(request: Request) -> AsyncIterator[AsyncSession]:
    maker = request.app.state.sessionmaker
    async with maker() as db:
        try:
            yield db
        except AppError as exc:
            if exc.persist:
                await db.commit()
            else:
                await db.rollback()
            raise
        except BaseException:
            await db.rollback()
            raise
        else:
            # Commit before the response is sent so a 2xx always means "durably stored".
            await db.commit()


# scope="function" ends the dependency before the response is sent, so the commit happens first.
DB = Annotated[AsyncSession, Depends(get_db, scope="function")]
