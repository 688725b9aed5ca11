import { describe, expect, it } from "vitest";
import { groupedNavFor, NAV_ITEMS, type NavNeed, navItemsFor } from "./nav-items";

const labels = (role: string | null) => navItemsFor(role).map((i) => i.label);

describe("navItemsFor", () => {
  it("shows a viewer only what every role can see", () => {
    expect(labels("viewer")).toEqual(["Home", "Sessions", "Flows", "Knowledge", "Step library", "Scripts", "Review queue", "Coverage gaps", "Teams", "Schedules", "Batches", "Target lists", "Profile", "API tokens"]);
  });

  it("gives an engineer what a viewer sees plus Tickets, ResolutionAssist, Escalations and Analytics (nothing admin)", () => {
    expect(labels("engineer")).toEqual(["Home", "Sessions", "Tickets", "Flows", "ResolutionAssist", "Escalations", "Analytics", "Knowledge", "Step library", "Scripts", "Review queue", "Coverage gaps", "Teams", "Schedules", "Batches", "Target lists", "Profile", "API tokens"]);
    expect(labels("viewer")).not.toContain("ResolutionAssist");
    expect(labels("viewer")).not.toContain("Escalations");
    expect(labels("viewer")).not.toContain("Analytics");
  });

  it("adds People, Audit log, Jobs, Account settings and AI settings for team admins, but not Accounts", () => {
    const items = labels("team_admin");
    expect(items).toContain("AI settings");
    expect(items).toContain("People");
    expect(items).toContain("Audit log");
    expect(items).toContain("Jobs");
    expect(items).toContain("Account settings");
    expect(items).toContain("PSA integration");
    expect(items).not.toContain("Accounts");
  });

  it("shows everything to a super admin", () => {
    expect(labels("super_admin")).toEqual(["Home", "Sessions", "Tickets", "Flows", "ResolutionAssist", "Escalations", "Analytics", "Knowledge", "Step library", "Scripts", "Review queue", "Coverage gaps", "Teams", "Schedules", "Batches", "Target lists", "People", "Audit log", "Jobs", "Account settings", "AI settings", "PSA integration", "Accounts", "Profile", "API tokens"]);
  });

  it("shows Tickets only when the team's PSA supports them", () => {
    const labelsWith = (available: ReadonlySet<NavNeed>) => navItemsFor("engineer", NAV_ITEMS, available).map((i) => i.label);
    expect(labelsWith(new Set())).not.toContain("Tickets");
    expect(labelsWith(new Set<NavNeed>(["psa-tickets"]))).toContain("Tickets");
  });

  it("shows nothing for an unknown or missing role", () => {
    expect(labels("root")).toEqual([]);
    expect(labels(null)).toEqual([]);
  });
});

describe("groupedNavFor", () => {
  it("drops the Administration group entirely for viewers", () => {
    expect(groupedNavFor("viewer").map((g) => g.group)).toEqual(["main", "maintenance", "you"]);
    expect(groupedNavFor("team_admin").map((g) => g.group)).toEqual(["main", "maintenance", "admin", "you"]);
  });

  it("puts Maintenance's three parts under their own heading", () => {
    const maintenance = groupedNavFor("engineer").find((g) => g.group === "maintenance")!;
    expect(maintenance.label).toBe("Maintenance");
    expect(maintenance.items.map((i) => [i.label, i.to])).toEqual([
      ["Schedules", "/maintenance"],
      ["Batches", "/maintenance/batches"],
      ["Target lists", "/maintenance/target-lists"],
    ]);
  });
});
