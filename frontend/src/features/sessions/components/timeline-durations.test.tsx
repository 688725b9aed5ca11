import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Timeline } from "./timeline";

function event(seq: number, type: string, payload: Record<string, unknown>, duration_seconds: number | null = null) {
  return { id: `ev-${seq}`, seq, type, actor_id: null, actor_name: null, created_at: "2026-03-01T10:00:00Z", payload, duration_seconds };
}

describe("Timeline step durations", () => {
  it("shows how long each answered step took, and nothing on other entries", () => {
    render(
      <Timeline
        events={[
          event(1, "step_shown", { node_id: "q", node_type: "question", title: "Is the VPN up?" }),
          event(2, "answer", { node_id: "q", node_type: "question", title: "Is the VPN up?", answer: "No" }, 130),
          event(3, "answer", { node_id: "i", node_type: "action", title: "Restart the client" }, 0.4),
        ]}
      />,
    );
    const shown = screen.getAllByTestId("step-duration");
    expect(shown).toHaveLength(1);
    expect(shown[0]).toHaveTextContent("took 2m 10s");
  });
});
