"""The AI script builder: with a model, a validated, repaired and linted draft; without one,
the closest templates from the library; every draft marked "Review before running". And the
lint rules themselves (shellcheck for Bash, the basic PowerShell check, Python compiling)."""

from __future__ import annotations

import json
import shutil

import pytest
from httpx import AsyncClient

from resolutionflow.scripts import lint
from tests.ai.support import use_model
from tests.fakes.llm_servers import FakeAnthropic, FakeOpenAI, Reply
from tests.fixtures.factories import Tenant
from tests.scripts.conftest import make_script


async def test_without_a_model_the_closest_templates_are_offered(
    client: AsyncClient, tenant: Tenant
) -> None:
    await make_script(client, tenant.engineer)  # "Restart a service" (PowerShell)
    await make_script(
        client,
        tenant.engineer,
        title="Restart a systemd service",
        language="bash",
        body="systemctl restart {{service}}",
        params=[{"name": "service", "required": True}],
        description="Restarts a service on Linux.",
    )
    await make_script(
        client,
        tenant.engineer,
        title="Flush DNS",
        body="ipconfig /flushdns",
        params=[],
        description="Clears the resolver cache.",
        tags=["dns"],
    )
    r = await client.post(
        "/api/v1/scripts/draft",
        headers=tenant.engineer.headers,
        json={"description": "restart the print spooler service", "language": "bash"},
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["source"] == "library" and out["draft"] is None
    assert "No AI model is configured" in out["message"]
    assert out["review_note"] == "Review before running"
    titles = [m["title"] for m in out["matches"]]
    assert titles == ["Restart a systemd service", "Restart a service"]

    r = await client.post(
        "/api/v1/scripts/draft",
        headers=tenant.viewer.headers,
        json={"description": "restart the print spooler", "language": "bash"},
    )
    assert r.status_code == 403


GOOD = {
    "title": "Disk usage of a folder",
    "description": "Shows how much space a folder takes.",
    "body": "du -sh {{folder}}\nls $1\n",
    "risk": "read_only",
    "params": [
        {"name": "folder", "type": "path", "required": True, "help": "The folder", "default": ""},
    ],
}


async def test_the_model_drafts_is_repaired_once_and_linted(
    client: AsyncClient, tenant: Tenant, fake_anthropic: FakeAnthropic
) -> None:
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    broken = {**GOOD, "body": "du -sh {{folder}} {{depth}}"}  # {{depth}} is not declared
    fake_anthropic.script(Reply(json=broken), Reply(json=GOOD))
    r = await client.post(
        "/api/v1/scripts/draft",
        headers=tenant.engineer.headers,
        json={"description": "show the size of a folder", "language": "bash"},
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["source"] == "model" and out["review_note"] == "Review before running"
    assert out["draft"]["language"] == "bash" and out["draft"]["risk"] == "read_only"
    assert [p["name"] for p in out["draft"]["params"]] == ["folder"]
    assert out["draft"]["params"][0]["type"] == "path"
    repair = json.dumps(fake_anthropic.requests[1]["json"])
    assert "previous script had these problems" in repair and "depth" in repair
    if shutil.which("shellcheck"):
        assert out["lint_note"] == "Linted with shellcheck."
        assert any(f["message"].startswith("SC2086") and f["line"] == 2 for f in out["lint"])
    else:  # pragma: no cover - system-deps.sh installs it for the tests
        assert "not installed" in out["lint_note"]
    # A draft is never saved.
    listed = await client.get("/api/v1/scripts", headers=tenant.engineer.headers)
    assert listed.json()["items"] == []


async def test_an_unusable_model_answer_falls_back_to_the_library(
    client: AsyncClient, tenant: Tenant, fake_anthropic: FakeAnthropic
) -> None:
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    await make_script(client, tenant.engineer)
    bad = {**GOOD, "params": [{"name": "folder", "type": "secret", "default": "x"}]}
    fake_anthropic.script(Reply(json=bad), Reply(json=bad))
    r = await client.post(
        "/api/v1/scripts/draft",
        headers=tenant.engineer.headers,
        json={"description": "restart a service", "language": "powershell"},
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["source"] == "library" and "cannot have a default" in out["message"]
    assert [m["title"] for m in out["matches"]] == ["Restart a service"]


async def test_bash_lint_is_skipped_with_a_note_without_shellcheck(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lint.shutil, "which", lambda _name: None)
    found = await lint.lint("bash", "echo {{x}}")
    assert found.findings == [] and "shellcheck is not installed" in found.note


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Get-Service -Name {{name}} | Select-Object Status", []),
        ("if ($true) {\n  Write-Output 'a { b'\n}", []),
        ("@'\nunbalanced { in a here-string\n'@\nWrite-Output {{x}}", []),
        ("if ($x) {\n  Write-Output 1\n", ["'{' is never closed"]),
        ("Write-Output 'never closed", ["a '-quoted string is never closed"]),
        ("Invoke-Expression {{command}}", ["Invoke-Expression runs text as code"]),
        ("iex $cmd", ["Invoke-Expression runs text as code"]),
        ('Write-Output "Hello {{name}}"', ["{{name}} is inside quotes"]),
    ],
)
async def test_the_basic_powershell_check(body: str, expected: list[str]) -> None:
    found = await lint.lint("powershell", body)
    messages = [f.message for f in found.findings]
    assert len(messages) == len(expected), messages
    for want, got in zip(expected, messages, strict=True):
        assert got.startswith(want)


async def test_python_drafts_must_compile() -> None:
    assert (await lint.lint("python", "print({{x}})\n")).findings == []
    bad = await lint.lint("python", "print({{x}}\n")
    assert bad.findings and "does not compile" in bad.findings[0].message


async def test_an_openai_compatible_model_drafts_too(
    client: AsyncClient, tenant: Tenant, fake_openai: FakeOpenAI
) -> None:
    await use_model(client, tenant, "openai", fake_openai.base_url)
    fake_openai.script(Reply(json={**GOOD, "body": "Get-ChildItem -LiteralPath {{folder}}"}))
    r = await client.post(
        "/api/v1/scripts/draft",
        headers=tenant.engineer.headers,
        json={"description": "list a folder", "language": "powershell"},
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["source"] == "model" and out["draft"]["language"] == "powershell"
    assert out["lint"] == [] and "basic PowerShell check" in out["lint_note"]
