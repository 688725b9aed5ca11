"""Journeys through AI settings and knowledge documents: a team admin checks what is in effect,
tests the connection, sets a budget, uploads runbooks (and a file that can't be read); an
engineer reads the knowledge list without the admin controls."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in

RUNBOOK = """# Printer queue stuck {tag}

Jobs sit in the queue and never print. Applies to the office printers on Windows.

## Restart the spooler

Stop the spooler, clear the queue folder, then start it again.

```powershell
Stop-Service Spooler -Force
Remove-Item C:\\Windows\\System32\\spool\\PRINTERS\\* -Force
Start-Service Spooler
```

## Check the driver

If jobs still stall, reinstall the printer driver from the vendor package.
"""


def _nav(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("navigation", name="Main")


def test_admin_checks_ai_settings_tests_the_connection_and_sets_a_budget(page: Page) -> None:
    sign_in(page, "admin@acme.example")
    _nav(page).get_by_role("link", name="AI settings").click()
    expect(page).to_have_url(re.compile(r"/admin/ai$"))
    expect(page.get_by_role("region", name="What's in effect")).to_be_visible()
    expect(page.get_by_test_id("effective-provider")).to_have_text("Offline engine")

    page.get_by_role("button", name="Test connection").click()
    result = page.get_by_test_id("connection-result")
    expect(result.get_by_text("Connection works")).to_be_visible()
    expect(result).to_contain_text("The offline engine answers")
    expect(result.locator("[data-ok]")).to_have_attribute("data-ok", "true")

    save = page.get_by_role("button", name="Save", exact=True)
    expect(save).to_be_disabled()
    budget = page.get_by_label("Monthly budget (USD)")
    budget.fill("42.50")
    expect(save).to_be_enabled()
    save.click()
    expect(page.get_by_text("AI settings saved.")).to_be_visible()
    expect(save).to_be_disabled()

    page.reload()
    expect(page.get_by_label("Monthly budget (USD)")).to_have_value("42.50")
    expect(page.get_by_test_id("month-spend").first).to_contain_text("of $42.50 this month")

    page.get_by_role("link", name="Usage", exact=True).click()
    expect(page.get_by_role("heading", name="AI usage")).to_be_visible()
    expect(page.get_by_test_id("usage-total-calls")).to_be_visible()

    # Leave the shared demo account without a budget again.
    page.get_by_role("link", name="Settings", exact=True).click()
    page.get_by_label("Monthly budget (USD)").fill("")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("AI settings saved.")).to_be_visible()


def test_admin_uploads_knowledge_documents_and_reads_the_chunks(page: Page, tmp_path: Path) -> None:
    tag = secrets.token_hex(3)
    runbook = tmp_path / f"printer-{tag}.md"
    runbook.write_text(RUNBOOK.format(tag=tag), encoding="utf-8")
    junk = tmp_path / f"budget-{tag}.xlsx"
    junk.write_bytes(b"this is not a spreadsheet at all")

    sign_in(page, "admin@acme.example")
    _nav(page).get_by_role("link", name="Knowledge").click()
    expect(page.get_by_role("heading", name="Knowledge")).to_be_visible()
    page.get_by_test_id("knowledge-file-input").set_input_files([str(runbook), str(junk)])

    uploads = page.get_by_role("list", name="Uploads")
    ok_row = uploads.get_by_test_id("upload-row").filter(has_text=runbook.name)
    bad_row = uploads.get_by_test_id("upload-row").filter(has_text=junk.name)
    expect(ok_row).to_have_attribute("data-status", "indexed")
    expect(ok_row).to_contain_text(re.compile(r"Indexed · \d+ chunks?"))
    expect(bad_row).to_have_attribute("data-status", "failed")
    expect(bad_row).to_contain_text("Unsupported file type .xlsx")

    title = f"Printer queue stuck {tag}"
    table = page.get_by_role("table", name="Knowledge documents")
    row = table.get_by_test_id("knowledge-row").filter(has_text=title)
    expect(row.get_by_text("Indexed")).to_be_visible()
    expect(table).not_to_contain_text(junk.name)
    chunk_count = int(row.get_by_role("cell").nth(2).inner_text())
    assert chunk_count >= 1

    row.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    chunks = page.get_by_role("list", name="Chunks").get_by_test_id("chunk")
    expect(chunks).to_have_count(chunk_count)
    code = page.locator("pre", has_text="Start-Service Spooler")
    expect(code).to_be_visible()
    expect(chunks.filter(has_text="Restart the spooler")).to_have_count(1)

    # Tidy up: delete it again (with the confirmation).
    page.get_by_role("button", name=f"Delete {title}").click()
    page.get_by_role("dialog", name="Delete document?").get_by_role(
        "button", name="Delete document"
    ).click()
    expect(page).to_have_url(re.compile(r"/knowledge$"))
    expect(page.get_by_role("link", name=title)).to_have_count(0)


def test_engineer_reads_knowledge_without_admin_controls(page: Page) -> None:
    sign_in(page, "engineer@acme.example")
    expect(_nav(page).get_by_role("link", name="AI settings")).to_have_count(0)
    _nav(page).get_by_role("link", name="Knowledge").click()
    table = page.get_by_role("table", name="Knowledge documents")
    demo = table.get_by_role("link", name="Acme MSP remote access standards")
    expect(demo).to_be_visible()
    expect(page.get_by_role("button", name="Upload documents")).to_have_count(0)
    expect(page.get_by_test_id("knowledge-file-input")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile(r"^(Delete|Reindex) "))).to_have_count(0)

    demo.click()
    expect(page.get_by_role("list", name="Chunks").get_by_test_id("chunk").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^(Delete|Reindex) "))).to_have_count(0)

    page.goto("/admin/ai")
    expect(page.get_by_role("heading", name="You don't have access")).to_be_visible()
