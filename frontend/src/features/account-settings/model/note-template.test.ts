import { describe, expect, it } from "vitest";
import {
  DEFAULT_HEADINGS,
  defaultTemplate,
  isValid,
  moveSection,
  normalise,
  SECTION_KEYS,
  sameTemplate,
  setEnabled,
  setHeading,
  templateErrors,
} from "./note-template";

const keys = (t: { sections: { key: string }[] }) => t.sections.map((s) => s.key);

describe("note template model", () => {
  it("defaults to all seven sections, enabled, with the default headings", () => {
    const t = defaultTemplate();
    expect(keys(t)).toEqual([...SECTION_KEYS]);
    expect(t.sections.every((s) => s.enabled && s.heading === DEFAULT_HEADINGS[s.key])).toBe(true);
    expect(t.header).toBe("");
    expect(t.footer).toBe("");
  });

  it("moves a section up and down, and not past either end", () => {
    const { sections } = defaultTemplate();
    expect(moveSection(sections, 1, -1).map((s) => s.key).slice(0, 3)).toEqual(["context", "summary", "steps"]);
    expect(moveSection(sections, 5, 1).map((s) => s.key).slice(4)).toEqual(["resolution", "time", "follow_ups"]);
    expect(moveSection(sections, 0, -1)).toEqual(sections);
    expect(moveSection(sections, 6, 1)).toEqual(sections);
    expect(moveSection(sections, 9, 1)).toEqual(sections);
    // Pure: the input is untouched.
    expect(sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
  });

  it("toggles and renames one section by key", () => {
    const { sections } = defaultTemplate();
    const off = setEnabled(sections, "time", false);
    expect(off.find((s) => s.key === "time")?.enabled).toBe(false);
    expect(off.filter((s) => !s.enabled)).toHaveLength(1);
    expect(setEnabled(off, "time", true)).toEqual(sections);

    const renamed = setHeading(sections, "summary", "Issue");
    expect(renamed[0]).toEqual({ key: "summary", heading: "Issue", enabled: true });
    expect(renamed.slice(1)).toEqual(sections.slice(1));
  });

  it("checks headings, header and footer like the server does", () => {
    const t = defaultTemplate();
    expect(isValid(templateErrors(t))).toBe(true);

    const empty = { ...t, sections: setHeading(t.sections, "notes", "   ") };
    expect(templateErrors(empty).headings).toEqual({ notes: "A heading can't be empty." });
    expect(isValid(templateErrors(empty))).toBe(false);

    const long = { ...t, sections: setHeading(t.sections, "steps", "x".repeat(101)) };
    expect(templateErrors(long).headings.steps).toMatch(/100/);
    expect(isValid(templateErrors({ ...t, sections: setHeading(t.sections, "steps", "x".repeat(100)) }))).toBe(true);

    const tab = { ...t, sections: setHeading(t.sections, "steps", "a\tb") };
    expect(templateErrors(tab).headings.steps).toBeDefined();

    expect(templateErrors({ ...t, footer: "f".repeat(2001) }).footer).toBeDefined();
    expect(templateErrors({ ...t, header: "h".repeat(2000) }).header).toBeUndefined();
  });

  it("compares templates after trimming headings", () => {
    const t = defaultTemplate();
    const padded = { ...t, sections: setHeading(t.sections, "summary", "  Problem summary ") };
    expect(sameTemplate(padded, t)).toBe(false);
    expect(sameTemplate(normalise(padded), t)).toBe(true);
    expect(sameTemplate({ ...t, sections: moveSection(t.sections, 0, 1) }, t)).toBe(false);
    expect(sameTemplate({ ...t, header: "x" }, t)).toBe(false);
  });
});
