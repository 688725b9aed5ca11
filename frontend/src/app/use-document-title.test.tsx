import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { eventStream, fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";
import { titleFor } from "./use-document-title";

resetAppBetweenTests();

describe("document title", () => {
  it("puts the unread count in front of the page's title", () => {
    expect(titleFor("/sessions", 0)).toBe("Sessions · ResolutionFlow");
    expect(titleFor("/sessions", 2)).toBe("(2) Sessions · ResolutionFlow");
    expect(titleFor("/nowhere", 3)).toBe("(3) ResolutionFlow");
    expect(titleFor("/", undefined)).toBe("Home · ResolutionFlow");
    expect(titleFor("/", 150)).toBe("(99+) Home · ResolutionFlow");
  });

  it("follows the bell's unread count live", async () => {
    const stream = eventStream();
    let unread = 0;
    stubApi(fakeUser(), async ({ route }) => {
      if (route === "GET /api/v1/notifications/stream") return stream.response;
      if (route === "GET /api/v1/notifications") return json(200, { items: [], unread });
    });
    renderApp("/profile");
    await screen.findByRole("button", { name: "Notifications" }, { timeout: 5000 });
    await waitFor(() => expect(document.title).toBe("Profile · ResolutionFlow"));
    unread = 2;
    stream.send("unread", { unread: 2 });
    await waitFor(() => expect(document.title).toBe("(2) Profile · ResolutionFlow"));
    unread = 0;
    stream.send("unread", { unread: 0 });
    await waitFor(() => expect(document.title).toBe("Profile · ResolutionFlow"));
  });
});
