/**
 * The draft's save status as a small state machine, kept pure so it can be tested:
 *
 *   saved --edit--> dirty --save-start--> saving --save-ok--> saved (or dirty if edited meanwhile)
 *                                          saving --save-conflict--> conflict (waits for a choice)
 *                                          saving --save-failed-->  failed  (retry, or the next edit)
 */
export type SaveStatus = "saved" | "dirty" | "saving" | "conflict" | "failed";

export interface AutosaveState {
  status: SaveStatus;
  /** Edits made while a save was in flight (they need another save). */
  pendingEdits: boolean;
  message: string | null;
}

export type AutosaveEvent =
  | { type: "edit" }
  | { type: "save-start" }
  | { type: "save-ok" }
  | { type: "save-conflict"; message: string }
  | { type: "save-failed"; message: string }
  | { type: "reset" };

export const initialAutosave: AutosaveState = { status: "saved", pendingEdits: false, message: null };

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case "edit":
      if (state.status === "saving") return { ...state, pendingEdits: true };
      // A conflict waits for the person to choose; their edits stay local meanwhile.
      if (state.status === "conflict") return state;
      return { status: "dirty", pendingEdits: false, message: null };
    case "save-start":
      if (state.status === "saving") return state;
      return { status: "saving", pendingEdits: false, message: null };
    case "save-ok":
      if (state.status !== "saving") return state;
      return state.pendingEdits
        ? { status: "dirty", pendingEdits: false, message: null }
        : { status: "saved", pendingEdits: false, message: null };
    case "save-conflict":
      return { status: "conflict", pendingEdits: false, message: event.message };
    case "save-failed":
      return { status: "failed", pendingEdits: false, message: event.message };
    case "reset":
      return initialAutosave;
  }
}

export function saveStatusText(state: AutosaveState): string {
  switch (state.status) {
    case "saved":
      return "Saved";
    case "dirty":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "conflict":
      return "Conflict — someone else saved this draft";
    case "failed":
      return "Save failed — retry";
  }
}

/** True while leaving the page would lose work. */
export function hasUnsavedWork(state: AutosaveState): boolean {
  return state.status !== "saved";
}
