import { describe, expect, it } from "vitest";
import { type AutosaveEvent, autosaveReducer, hasUnsavedWork, initialAutosave, saveStatusText } from "./autosave-machine";

const run = (...events: AutosaveEvent[]) => events.reduce(autosaveReducer, initialAutosave);

describe("autosave state machine", () => {
  it("saved -> dirty -> saving -> saved", () => {
    expect(saveStatusText(run())).toBe("Saved");
    expect(run({ type: "edit" }).status).toBe("dirty");
    expect(saveStatusText(run({ type: "edit" }))).toBe("Unsaved changes");
    expect(saveStatusText(run({ type: "edit" }, { type: "save-start" }))).toBe("Saving…");
    expect(run({ type: "edit" }, { type: "save-start" }, { type: "save-ok" }).status).toBe("saved");
  });

  it("an edit during a save leaves the draft dirty afterwards", () => {
    const s = run({ type: "edit" }, { type: "save-start" }, { type: "edit" }, { type: "save-ok" });
    expect(s.status).toBe("dirty");
    expect(hasUnsavedWork(s)).toBe(true);
  });

  it("a conflict waits for a choice; edits don't leave it", () => {
    const s = run({ type: "edit" }, { type: "save-start" }, { type: "save-conflict", message: "Sam saved" }, { type: "edit" });
    expect(s.status).toBe("conflict");
    expect(s.message).toBe("Sam saved");
    expect(saveStatusText(s)).toBe("Conflict — someone else saved this draft");
    expect(run({ type: "save-conflict", message: "x" }, { type: "reset" }).status).toBe("saved");
    expect(run({ type: "save-conflict", message: "x" }, { type: "save-start" }, { type: "save-ok" }).status).toBe("saved");
  });

  it("a failure offers a retry, and the next edit tries again", () => {
    const failed = run({ type: "edit" }, { type: "save-start" }, { type: "save-failed", message: "offline" });
    expect(saveStatusText(failed)).toBe("Save failed — retry");
    expect(autosaveReducer(failed, { type: "edit" }).status).toBe("dirty");
    expect(autosaveReducer(failed, { type: "save-start" }).status).toBe("saving");
  });

  it("ignores a stray save-ok when not saving", () => {
    expect(run({ type: "edit" }, { type: "save-ok" }).status).toBe("dirty");
  });
});
