"""Journeys of building flows with AI on the demo server (offline engine): a KB article with
numbered steps becomes a procedure in the editor; "Build with AI" says what to configure; a
status update for the client is written, shown and copied."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import sign_in

ARTICLE = """# Replace a label printer ribbon {tag}

1. Open the printer's top cover
2. Lift out the empty ribbon spool
3. Thread the new ribbon:
   - Feed it under the print head
   - Wind it onto the take-up spool
4. Close the cover and print a test label
"""


def _node(page: Page, text: str):  # type: ignore[no-untyped-def]
    return page.get_by_test_id(re.compile("^node-")).filter(has_text=text)


def test_an_article_becomes_a_procedure_in_the_editor(page: Page, tmp_path: Path) -> None:
    tag = secrets.token_hex(2)
    article = tmp_path / "ribbon.md"
    article.write_text(ARTICLE.format(tag=tag), encoding="utf-8")
    sign_in(page, "engineer@acme.example")
    page.goto("/flows")
    page.get_by_role("button", name="From an article").click()
    dialog = page.get_by_role("dialog", name="Flow from an article")
    dialog.get_by_test_id("article-file-input").set_input_files(str(article))
    expect(dialog.get_by_test_id("article-file-name")).to_have_text("ribbon.md")
    expect(dialog.get_by_label("Procedure")).to_be_checked()
    dialog.get_by_role("button", name="Create flow").click()

    expect(page).to_have_url(re.compile(r"/flows/[0-9a-f-]{36}/edit$"))
    expect(page.get_by_test_id("flow-canvas")).to_be_visible()
    for step in (
        "Open the printer's top cover",
        "Lift out the empty ribbon spool",
        "Thread the new ribbon:",
        "Close the cover and print a test label",
        "Procedure complete",
    ):
        expect(_node(page, step)).to_have_count(1)
    # The numbered steps are in order, one node each, the sub-bullets a checklist.
    expect(page.get_by_test_id("node-s3")).to_contain_text("Thread the new ribbon")
    page.get_by_test_id("node-s3").click()
    expect(page.get_by_label("Node title")).to_have_value("Thread the new ribbon:")


def test_an_article_without_steps_says_why(page: Page, tmp_path: Path) -> None:
    article = tmp_path / "empty.txt"
    article.write_text("Just a sentence without any steps.\n", encoding="utf-8")
    sign_in(page, "engineer@acme.example")
    page.goto("/flows")
    page.get_by_role("button", name="From an article").click()
    dialog = page.get_by_role("dialog", name="Flow from an article")
    dialog.get_by_test_id("article-file-input").set_input_files(str(article))
    dialog.get_by_role("button", name="Create flow").click()
    expect(dialog.get_by_test_id("generation-error")).to_contain_text(
        "No headings or numbered steps found"
    )
    expect(page).to_have_url(re.compile(r"/flows$"))


def test_build_with_ai_without_a_model_says_what_to_configure(page: Page) -> None:
    sign_in(page, "engineer@acme.example")
    page.goto("/flows")
    page.get_by_role("button", name="Build with AI").click()
    dialog = page.get_by_role("dialog", name="Build a flow with AI")
    dialog.get_by_label("Description").fill(
        "Outlook asks for the password again and again after the MFA change."
    )
    dialog.get_by_role("button", name="Build flow").click()
    error = dialog.get_by_test_id("generation-error")
    expect(error).to_contain_text("needs a model")
    expect(error).to_contain_text("AI settings")
    # Engineers can't configure it themselves: no link to the admin page.
    expect(error.get_by_role("link", name="Open AI settings")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/flows$"))


def test_build_with_ai_links_team_admins_to_ai_settings(page: Page) -> None:
    sign_in(page, "admin@acme.example")
    page.goto("/flows")
    page.get_by_role("button", name="Build with AI").click()
    dialog = page.get_by_role("dialog", name="Build a flow with AI")
    dialog.get_by_label("Description").fill("Printers in the warehouse drop off the network.")
    dialog.get_by_role("button", name="Build flow").click()
    dialog.get_by_test_id("generation-error").get_by_role("link", name="Open AI settings").click()
    expect(page).to_have_url(re.compile(r"/admin/ai$"))
    expect(page.get_by_role("heading", name="AI settings")).to_be_visible()


def test_status_update_for_the_client_is_written_and_copied(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(
        base_url=base_url, permissions=["clipboard-read", "clipboard-write"]
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        sign_in(page, "engineer@acme.example")
        page.goto("/sessions/new")
        page.get_by_label("Title").fill("Scanner offline for Priya")
        page.get_by_role("button", name="Start", exact=True).click()
        expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f-]{36}$"))

        page.get_by_role("button", name="Status update").click()
        dialog = page.get_by_role("dialog", name="Status update")
        expect(dialog).to_contain_text("copy it into the ticket or your email")
        dialog.get_by_label("Client update").check()
        dialog.get_by_role("button", name="Write update").click()
        text = dialog.get_by_label("Update text")
        expect(text).to_have_value(re.compile("We are working on the issue you reported"))
        expect(dialog.get_by_test_id("status-update-model")).to_contain_text(
            "Written offline from the session"
        )
        written = text.input_value()
        dialog.get_by_role("button", name="Copy").click()
        expect(dialog.get_by_text("Copied", exact=True)).to_be_visible()
        assert page.evaluate("navigator.clipboard.readText()") == written

        dialog.get_by_label("Email draft").check()
        dialog.get_by_role("button", name="Regenerate").click()
        expect(text).to_have_value(re.compile(r"^Subject: Update on your support request"))
    finally:
        context.close()
