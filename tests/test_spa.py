"""The built SPA is served at / and client-side routes fall back to index.html; files go out
with cache headers, compressed when the client accepts it, and revalidate with ETags."""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from httpx import ASGITransport, AsyncClient, Response

from resolutionflow.config import get_settings
from resolutionflow.static_files import IMMUTABLE
from tests.fixtures.factories import Factory

REPO = Path(__file__).resolve().parents[1]
# A hashed chunk big enough to be worth compressing, and its brotli form as
# frontend/scripts/compress-static.mjs writes it (node's zlib.brotliCompressSync; Python's
# standard library has no brotli, so the bytes are fixed here).
BIG_JS = 'export const rf = "ResolutionFlow";\n' * 64
BIG_JS_BR = base64.b64decode("G/8I+I3UYq0w7qU3vN6155XX9SiXKJRQyEKAui1naMgkn9DgXXuYgILtuSUAgGU/BQ==")
STYLE_CSS = ".rf { color: rebeccapurple; }\n" * 80


@pytest.fixture
async def spa_client(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    (tmp_path / "assets" / "app.js").write_text("console.log('rf')")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    (tmp_path / "assets" / "big-Ab12Cd.js").write_text(BIG_JS)
    (tmp_path / "assets" / "big-Ab12Cd.js.br").write_bytes(BIG_JS_BR)
    (tmp_path / "assets" / "big-Ab12Cd.js.gz").write_bytes(gzip.compress(BIG_JS.encode()))
    # No .br/.gz next to this one: the server gzips it itself.
    (tmp_path / "assets" / "style-Ef34Gh.css").write_text(STYLE_CSS)
    (tmp_path / "assets" / "logo-Ij56Kl.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2048))
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


async def get_raw(
    client: AsyncClient, path: str, accept_encoding: str, **headers: str
) -> tuple[Response, bytes]:
    """The response and its body as sent (httpx would otherwise undo the gzip)."""
    headers["Accept-Encoding"] = accept_encoding
    async with client.stream("GET", path, headers=headers) as r:
        body = b"".join([chunk async for chunk in r.aiter_raw()])
    return r, body


async def test_hashed_assets_are_cached_for_a_year_and_the_rest_revalidates(
    spa_client: AsyncClient,
) -> None:
    r = await spa_client.get("/assets/app.js")
    assert r.headers["cache-control"] == IMMUTABLE == "public, max-age=31536000, immutable"
    assert r.headers["content-type"] == "text/javascript; charset=utf-8"
    for path in ("/", "/index.html", "/sign-in", "/favicon.svg"):
        r = await spa_client.get(path)
        assert r.status_code == 200, path
        assert r.headers["cache-control"] == "no-cache", path
        assert r.headers["etag"].startswith('"'), path
    assert (await spa_client.get("/favicon.svg")).headers["content-type"] == "image/svg+xml"


async def test_brotli_built_next_to_the_file_is_sent_when_accepted(
    spa_client: AsyncClient,
) -> None:
    r, body = await get_raw(spa_client, "/assets/big-Ab12Cd.js", "gzip, deflate, br")
    assert r.status_code == 200
    assert r.headers["content-encoding"] == "br"
    assert r.headers["vary"] == "Accept-Encoding"
    assert r.headers["content-type"] == "text/javascript; charset=utf-8"
    assert r.headers["cache-control"] == IMMUTABLE
    assert body == BIG_JS_BR
    assert r.headers["content-length"] == str(len(BIG_JS_BR))


async def test_gzip_when_brotli_is_not_accepted(spa_client: AsyncClient) -> None:
    for accept in ("gzip", "br;q=0, gzip;q=0.8", "gzip;q=1, br;q=0.5", "deflate, gzip"):
        r, body = await get_raw(spa_client, "/assets/big-Ab12Cd.js", accept)
        assert r.headers["content-encoding"] == "gzip", accept
        assert r.headers["vary"] == "Accept-Encoding"
        assert gzip.decompress(body).decode() == BIG_JS, accept


async def test_a_file_without_a_gz_is_gzipped_by_the_server(spa_client: AsyncClient) -> None:
    first, body = await get_raw(spa_client, "/assets/style-Ef34Gh.css", "br, gzip")
    assert first.headers["content-encoding"] == "gzip"  # no .br was built, and none is made here
    assert first.headers["content-type"] == "text/css; charset=utf-8"
    assert first.headers["cache-control"] == IMMUTABLE
    assert gzip.decompress(body).decode() == STYLE_CSS
    assert len(body) < len(STYLE_CSS) / 4
    again, body_again = await get_raw(spa_client, "/assets/style-Ef34Gh.css", "gzip")
    assert (body_again, again.headers["etag"]) == (body, first.headers["etag"])


async def test_uncompressed_when_the_client_accepts_no_encoding_we_have(
    spa_client: AsyncClient,
) -> None:
    for accept in ("identity", "deflate", "gzip;q=0, br;q=0", "*;q=0"):
        r, body = await get_raw(spa_client, "/assets/big-Ab12Cd.js", accept)
        assert "content-encoding" not in r.headers, accept
        assert r.headers["vary"] == "Accept-Encoding"
        assert body.decode() == BIG_JS
    r, body = await get_raw(spa_client, "/assets/big-Ab12Cd.js", "*")
    assert r.headers["content-encoding"] == "br"


async def test_small_files_and_images_go_out_as_they_are(spa_client: AsyncClient) -> None:
    r, body = await get_raw(spa_client, "/assets/app.js", "br, gzip")
    assert "content-encoding" not in r.headers
    assert body == b"console.log('rf')"
    r, body = await get_raw(spa_client, "/assets/logo-Ij56Kl.png", "br, gzip")
    assert "content-encoding" not in r.headers
    assert "vary" not in r.headers  # the same bytes whatever the client accepts
    assert r.headers["content-type"] == "image/png"
    assert body.startswith(b"\x89PNG") and len(body) == 2056


async def test_a_known_etag_gets_a_304_per_encoding(spa_client: AsyncClient) -> None:
    br, _ = await get_raw(spa_client, "/assets/big-Ab12Cd.js", "br")
    gz, _ = await get_raw(spa_client, "/assets/big-Ab12Cd.js", "gzip")
    assert br.headers["etag"] != gz.headers["etag"]

    r, body = await get_raw(
        spa_client, "/assets/big-Ab12Cd.js", "br", **{"If-None-Match": br.headers["etag"]}
    )
    assert r.status_code == 304 and body == b""
    assert r.headers["etag"] == br.headers["etag"]
    assert r.headers["cache-control"] == IMMUTABLE
    assert r.headers["vary"] == "Accept-Encoding"
    # The gzip body's tag does not match the brotli body.
    r, _ = await get_raw(
        spa_client, "/assets/big-Ab12Cd.js", "br", **{"If-None-Match": gz.headers["etag"]}
    )
    assert r.status_code == 200

    index = await spa_client.get("/sign-in")
    r = await spa_client.get("/teams", headers={"If-None-Match": index.headers["etag"]})
    assert r.status_code == 304
    assert r.headers["cache-control"] == "no-cache"


async def test_head_sends_the_headers_without_the_body(spa_client: AsyncClient) -> None:
    r = await spa_client.head("/assets/big-Ab12Cd.js", headers={"Accept-Encoding": "br"})
    assert r.status_code == 200
    assert r.headers["content-encoding"] == "br"
    assert r.headers["content-length"] == str(len(BIG_JS_BR))
    assert r.headers["cache-control"] == IMMUTABLE
    assert r.content == b""
    r = await spa_client.head("/admin/people")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert r.headers["cache-control"] == "no-cache"
    assert r.content == b""


async def test_a_missing_asset_is_a_404_not_the_spa(spa_client: AsyncClient) -> None:
    r = await spa_client.get("/assets/gone-Zz99.js")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "<!doctype html>" not in r.text


async def test_nothing_outside_the_build_or_hidden_in_it_is_served(
    spa_client: AsyncClient, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text("top secret")
    (tmp_path / "assets" / "link.txt").symlink_to(secret)
    (tmp_path / ".vite").mkdir()
    (tmp_path / ".vite" / "manifest.json").write_text('{"hidden": true}')
    for path in (
        "/assets/link.txt",
        "/assets/..%2f..%2fpyproject.toml",
        "/assets/%2e%2e/%2e%2e/pyproject.toml",
        "/%2e%2e%2fpyproject.toml",
        "/.vite/manifest.json",
        "/assets%5c..%5c..%5cpyproject.toml",
    ):
        r = await spa_client.get(path)
        assert "top secret" not in r.text, path
        assert "[project]" not in r.text, path
        assert "hidden" not in r.text, path
        assert r.status_code in (200, 404), path  # the SPA, or a 404 under /assets


async def test_no_build_is_a_503_that_says_how_to_build(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resolutionflow.app.STATIC_DIR", tmp_path)
    from resolutionflow.app import create_app

    app = create_app(get_settings())
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://t") as client:
        r = await client.get("/sessions/1")
    await app.state.engine.dispose()
    assert r.status_code == 503
    assert "npm run build" in r.text


def compress_with_the_build_script(static_dir: Path) -> None:
    """What `npm run build` does after `vite build` (run here without the siblings made above)."""
    for sibling in [*static_dir.glob("assets/*.br"), *static_dir.glob("assets/*.gz")]:
        sibling.unlink()
    script = REPO / "frontend" / "scripts" / "compress-static.mjs"
    subprocess.run(["node", str(script), str(static_dir)], check=True, capture_output=True)


def brotli_decompress(data: bytes) -> bytes:
    decode = (
        "process.stdout.write(require('zlib').brotliDecompressSync(require('fs').readFileSync(0)))"
    )
    return subprocess.run(
        ["node", "-e", decode], input=data, check=True, capture_output=True
    ).stdout


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node (the frontend's build tool)")
async def test_the_build_step_writes_what_the_server_sends(
    spa_client: AsyncClient, tmp_path: Path
) -> None:
    compress_with_the_build_script(tmp_path)
    assets = tmp_path / "assets"
    assert {p.name for p in assets.iterdir()} == {
        "app.js",  # under 1 KiB: no siblings
        "big-Ab12Cd.js",
        "big-Ab12Cd.js.br",
        "big-Ab12Cd.js.gz",
        "style-Ef34Gh.css",
        "style-Ef34Gh.css.br",
        "style-Ef34Gh.css.gz",
        "logo-Ij56Kl.png",  # not compressible
    }

    r, body = await get_raw(spa_client, "/assets/style-Ef34Gh.css", "gzip, br")
    assert r.headers["content-encoding"] == "br"
    assert brotli_decompress(body).decode() == STYLE_CSS
    r, body = await get_raw(spa_client, "/assets/big-Ab12Cd.js", "br")
    assert brotli_decompress(body).decode() == BIG_JS
    r, body = await get_raw(spa_client, "/assets/style-Ef34Gh.css", "gzip")
    assert r.headers["content-encoding"] == "gzip"
    assert gzip.decompress(body).decode() == STYLE_CSS


def _policy(header: str) -> dict[str, list[str]]:
    directives = [d.split() for d in header.split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


async def test_the_web_ui_carries_a_strict_content_security_policy(
    spa_client: AsyncClient,
) -> None:
    for path in ("/", "/sign-in", "/handoffs/123", "/index.html"):
        r = await spa_client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), path
        assert len(r.headers.get_list("content-security-policy")) == 1, path
        policy = _policy(r.headers["content-security-policy"])
        assert policy["default-src"] == ["'self'"]
        # No inline or injected code, no inline <style> elements, nothing from elsewhere.
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["connect-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert not any("unsafe" in v for values in policy.values() for v in values), path
    # A 304 carries it too (the browser keeps the headers it revalidated).
    first = await spa_client.get("/sign-in")
    again = await spa_client.get("/sign-in", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]


async def test_api_answers_may_load_and_run_nothing(spa_client: AsyncClient) -> None:
    for path in ("/api/v1/nothing-here", "/api/health", "/api/openapi.json"):
        r = await spa_client.get(path)
        policy = _policy(r.headers["content-security-policy"])
        assert policy["default-src"] == ["'none'"], path
        assert policy["frame-ancestors"] == ["'none'"], path


async def test_the_api_explorer_allows_only_its_own_inline_script(spa_client: AsyncClient) -> None:
    r = await spa_client.get("/api/docs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    policy = _policy(r.headers["content-security-policy"])
    inline = re.findall(r"<script>(.*?)</script>", r.text, re.DOTALL)
    assert inline, "FastAPI's explorer page starts Swagger UI with an inline script"
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in inline
    ]
    assert policy["script-src"] == ["https://cdn.jsdelivr.net", *hashes]
    assert policy["default-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert r.headers["content-length"] == str(len(r.content))


async def test_an_attachments_own_sandboxing_policy_is_the_only_one(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    sid = (await client.post("/api/v1/sessions", headers=h, json={"title": "Logs"})).json()["id"]
    up = await client.post(
        f"/api/v1/sessions/{sid}/attachments",
        params={"filename": "page.html.txt"},
        headers=h,
        content=b"<script>alert(1)</script>",
    )
    assert up.status_code == 201, up.text
    got = await client.get(up.json()["url"], headers=h)
    assert got.headers.get_list("content-security-policy") == [
        "default-src 'none'; img-src 'self'; sandbox"
    ]


async def test_strict_transport_security_only_when_the_base_url_is_https(
    spa_client: AsyncClient, database_url: str
) -> None:
    for path in ("/", "/api/v1/nothing-here"):
        assert "strict-transport-security" not in (await spa_client.get(path)).headers
    from resolutionflow.app import create_app

    app = create_app(get_settings().model_copy(update={"base_url": "https://rf.example.com"}))
    try:
        async with AsyncClient(
            transport=ASGITransport(app=app), base_url="http://internal"
        ) as behind_a_proxy:
            for path in ("/", "/sign-in", "/api/v1/nothing-here", "/api/health"):
                r = await behind_a_proxy.get(path)
                assert r.headers["strict-transport-security"] == (
                    "max-age=31536000; includeSubDomains"
                ), path
    finally:
        await app.state.engine.dispose()
