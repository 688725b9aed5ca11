import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { authStore } from "@/lib/auth-store";
import { createQueryClient } from "@/lib/query-client";
import { json, stubApi } from "@/testing/fake-api";
import { Composer } from "./composer";

type Finding = { kind: string; start: number; end: number };

function fakeRedaction(find: (text: string) => Finding[]) {
  const checked: string[] = [];
  stubApi(null, async ({ input, route }) => {
    if (route === "POST /api/v1/redaction/preview") {
      const { text } = (await input.json()) as { text: string };
      checked.push(text);
      const findings = find(text);
      return json(200, { redacted: text, findings });
    }
  });
  return { checked };
}

/** Every occurrence of `needle` in `text`, as code-point offsets (ASCII here). */
function spans(text: string, needle: string, kind: string): Finding[] {
  const out: Finding[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push({ kind, start: i, end: i + needle.length });
  return out;
}

function renderComposer(onAdd = vi.fn(async () => undefined)) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <Composer onAdd={onAdd} notesOnly={false} disabledReason={null} />
    </QueryClientProvider>,
  );
  return { onAdd };
}

beforeEach(() => authStore.reset());
afterEach(() => vi.unstubAllGlobals());

describe("Composer redaction notice", () => {
  it("says what will be redacted from a note and highlights it", async () => {
    const { checked } = fakeRedaction((t) => [...spans(t, "hunter2", "password"), ...spans(t, "AKIAIOSFODNN7EXAMPLE", "aws_access_key")]);
    const u = userEvent.setup();
    renderComposer();
    const note = "pw is hunter2, key AKIAIOSFODNN7EXAMPLE";
    await u.type(screen.getByLabelText("Note"), note);

    const status = await screen.findByText("2 values will be redacted in the ticket note: password, aws_access_key");
    expect(status).toHaveAttribute("role", "status");
    const highlighted = screen.getByLabelText("Text with redacted values highlighted");
    expect(within(highlighted).getAllByText(/.+/, { selector: "mark" }).map((m) => m.textContent)).toEqual(["hunter2", "AKIAIOSFODNN7EXAMPLE"]);
    expect(highlighted).toHaveTextContent(note);
    // Debounced: typing doesn't send one request per keystroke.
    expect(checked.length).toBeLessThan(note.length / 2);
    expect(checked.at(-1)).toBe(note);
  });

  it("checks command output too", async () => {
    fakeRedaction((t) => spans(t, "s3cr3t", "password"));
    const u = userEvent.setup();
    renderComposer();
    await u.click(screen.getByRole("tab", { name: "Command output" }));
    await u.type(screen.getByLabelText("Command output"), "login --password s3cr3t");
    expect(await screen.findByText("1 value will be redacted in the ticket note: password")).toBeInTheDocument();
    expect(document.querySelector("mark")).toHaveTextContent("s3cr3t");
  });

  it("shows nothing when there is nothing to redact", async () => {
    const { checked } = fakeRedaction(() => []);
    const u = userEvent.setup();
    renderComposer();
    await u.type(screen.getByLabelText("Note"), "Rebooted the router");
    await waitFor(() => expect(checked).toContain("Rebooted the router"));
    // Let the response render.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/will be redacted/)).toBeNull();
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    expect(document.querySelector("mark")).toBeNull();
  });

  it("drops the notice once the note has been added", async () => {
    fakeRedaction((t) => spans(t, "hunter2", "password"));
    const u = userEvent.setup();
    const { onAdd } = renderComposer();
    await u.type(screen.getByLabelText("Note"), "pw hunter2");
    expect(await screen.findByText(/1 value will be redacted/)).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Add note" }));
    expect(onAdd).toHaveBeenCalledWith({ type: "note", text: "pw hunter2" });
    await waitFor(() => expect(screen.queryByText(/will be redacted/)).toBeNull());
    expect(document.querySelector("mark")).toBeNull();
  });
});
