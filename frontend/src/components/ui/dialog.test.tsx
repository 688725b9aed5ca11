import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Dialog } from "./dialog";

function Harness({ swapOnSubmit = false }: { swapOnSubmit?: boolean }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <div>
      <button type="button" onClick={() => setOpen(true)}>
        Open it
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Test dialog">
        {done ? (
          <p>Done, nothing to focus</p>
        ) : (
          <>
            <input aria-label="First" />
            <button type="button" onClick={() => swapOnSubmit && setDone(true)}>
              Last
            </button>
          </>
        )}
      </Dialog>
    </div>
  );
}

describe("Dialog", () => {
  it("is a labelled modal dialog that takes focus, traps Tab, closes on Escape and restores focus", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole("button", { name: "Open it" });
    await user.click(opener);

    const dialog = screen.getByRole("dialog", { name: "Test dialog" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(screen.getByLabelText("First")).toHaveFocus();

    await user.tab();
    expect(screen.getByRole("button", { name: "Last" })).toHaveFocus();
    await user.tab(); // wraps around instead of leaving the dialog
    expect(screen.getByLabelText("First")).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole("button", { name: "Last" })).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(opener).toHaveFocus();
  });

  it("still closes on Escape after the focused element is removed", async () => {
    const user = userEvent.setup();
    render(<Harness swapOnSubmit />);
    await user.click(screen.getByRole("button", { name: "Open it" }));
    await user.click(screen.getByRole("button", { name: "Last" }));
    expect(screen.getByText("Done, nothing to focus")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
