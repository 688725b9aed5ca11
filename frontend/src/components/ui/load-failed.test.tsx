import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/problem";
import { LoadFailed } from "./load-failed";

const back = { to: "/flows", label: "Back to flows" };

function problem(status: number) {
  return new ApiError({ title: "Nope", status, detail: `status ${status}`, errors: [], retryAfter: null });
}

describe("LoadFailed", () => {
  it.each([404, 422])("says a %i thing doesn't exist and links back", (status) => {
    render(
      <MemoryRouter>
        <LoadFailed error={problem(status)} onRetry={() => undefined} thing="flow" hint="It may have been deleted." back={back} />
      </MemoryRouter>,
    );
    expect(screen.getByRole("heading", { name: "This flow doesn't exist" })).toBeInTheDocument();
    expect(screen.getByText("It may have been deleted.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to flows" })).toHaveAttribute("href", "/flows");
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("shows any other failure as an error with Retry", async () => {
    const retry = vi.fn();
    render(
      <MemoryRouter>
        <LoadFailed error={problem(500)} onRetry={retry} thing="flow" back={back} />
      </MemoryRouter>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Couldn't load this flow");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(retry).toHaveBeenCalledOnce();
  });
});
