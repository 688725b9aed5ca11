import { api, unwrap } from "@/api/client";
import type { DraftBody } from "./types";

/**
 * PUT the draft. With `revision`, the server refuses (409, `current_revision`) when someone else
 * saved since; without it, it overwrites. Used by the autosave loop, not as a React mutation.
 */
export function saveDraft(id: string, body: DraftBody) {
  return unwrap(api.PUT("/api/v1/flows/{flow_id}/draft", { params: { path: { flow_id: id } }, body }));
}
