import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ResolveDialog } from "./resolve-dialog";
import { StatusBadge } from "./status-badge";

describe("ResolveDialog", () => {
  it("resolves with a workaround as a resolve event whose outcome is workaround", async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(<ResolveDialog initialSummary="" onSubmit={onSubmit} onClose={() => {}} />);
    await userEvent.click(screen.getByRole("radio", { name: /Workaround/ }));
    await userEvent.type(screen.getByLabelText("Summary"), "Printing to PDF until HP visits");
    await userEvent.click(screen.getByRole("button", { name: "Resolve with a workaround" }));
    expect(onSubmit).toHaveBeenCalledWith({
      type: "resolve",
      outcome: "workaround",
      summary: "Printing to PDF until HP visits",
      follow_ups: [],
    });
  });

  it("resolves as resolved by default", async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(<ResolveDialog initialSummary="Fixed" onSubmit={onSubmit} onClose={() => {}} />);
    await userEvent.click(screen.getByRole("button", { name: "Resolve session" }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ type: "resolve", outcome: "resolved", summary: "Fixed" }));
  });
});

describe("StatusBadge", () => {
  it("labels a resolved session with a workaround as Workaround", () => {
    render(
      <>
        <StatusBadge status="resolved" outcome="workaround" />
        <StatusBadge status="resolved" outcome="resolved" />
      </>,
    );
    expect(screen.getByText("Workaround")).toBeInTheDocument();
    expect(screen.getByText("Resolved")).toBeInTheDocument();
  });
});
