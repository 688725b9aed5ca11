"""The built SPA is served at / and client-side routes fall back to index.html."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from httpx import ASGITransport, AsyncClient

from resolutionflow.config import get_settings


@pytest.fixture
async def spa_client(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    (tmp_path / "assets" / "app.js").write_text("console.log('rf')")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    monkeypatch.setattr("resolutionflow.app.STATIC_DIR", tmp_path)
    from resolutionflow.app import create_app

    app = create_app(get_settings())
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://t") as client:
        yield client
    await app.state.engine.dispose()


async def test_client_routes_get_index_html(spa_client: AsyncClient) -> None:
    for path in ("/", "/sign-in", "/admin/people", "/teams/123"):
        r = await spa_client.get(path)
        assert r.status_code == 200, path
        assert r.text.startswith("<!doctype html>")
        assert r.headers["content-type"].startswith("text/html")


async def test_assets_and_root_files_are_served(spa_client: AsyncClient) -> None:
    r = await spa_client.get("/assets/app.js")
    assert r.status_code == 200 and "console.log" in r.text
    assert (await spa_client.get("/favicon.svg")).text == "<svg/>"


async def test_paths_outside_the_build_are_not_served(spa_client: AsyncClient) -> None:
    r = await spa_client.get("/../pyproject.toml")
    assert "[project]" not in r.text
    r = await spa_client.get("/%2e%2e/%2e%2e/pyproject.toml")
    assert "[project]" not in r.text


async def test_api_paths_never_fall_back_to_the_spa(spa_client: AsyncClient) -> None:
    r = await spa_client.get("/api/v1/nothing-here")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
