/**
 * The session's private scratchpad (Ctrl+/): only its owner sees it, and it never reaches the
 * note, shares, exports, search or the copilot. It saves itself a moment after typing stops;
 * "Add line to timeline" promotes the line at the caret (or the selection) as a note.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/problem";
import { useScratchpad, useSaveScratchpad } from "../api/scratchpad";
import { lineAt } from "../model/scratchpad";

export const SCRATCHPAD_SAVE_DELAY_MS = 800;

export function ScratchpadPanel({
  sessionId,
  onPromote,
  onClose,
}: {
  sessionId: string;
  /** Appends the text as a note on the timeline. */
  onPromote: (text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const pad = useScratchpad(sessionId, true);
  const save = useSaveScratchpad(sessionId);
  const [text, setText] = useState<string | null>(null);
  const [promoting, setPromoting] = useState(false);
  const [promoteError, setPromoteError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const hintId = useId();
  const loaded = pad.data?.text;
  const value = text ?? loaded ?? "";
  const max = pad.data?.max_length ?? 20000;
  const dirty = text !== null && text !== (save.data?.text ?? loaded);

  useEffect(() => {
    if (pad.isSuccess) area.current?.focus();
  }, [pad.isSuccess]);

  // Autosave: a moment after typing stops.
  useEffect(() => {
    if (text === null || !dirty) return;
    const t = window.setTimeout(() => save.mutate(text), SCRATCHPAD_SAVE_DELAY_MS);
    return () => window.clearTimeout(t);
  }, [text, dirty]);

  async function promote() {
    const el = area.current;
    const line = el ? lineAt(value, el.selectionStart, el.selectionEnd) : "";
    if (!line) {
      setPromoteError("Put the caret on a line (or select text) to add it to the timeline.");
      return;
    }
    setPromoting(true);
    setPromoteError(null);
    try {
      await onPromote(line);
    } catch (err) {
      setPromoteError(`Couldn't add it: ${errorMessage(err)}`);
    } finally {
      setPromoting(false);
    }
  }

  const status = save.isPending
    ? "Saving…"
    : save.isError
      ? `Couldn't save: ${errorMessage(save.error)}`
      : dirty
        ? "Unsaved changes"
        : save.isSuccess
          ? "Saved"
          : pad.data?.updated_at
            ? "Saved"
            : "";

  return (
    <section aria-labelledby={titleId} data-testid="scratchpad" className="rounded-lg bg-amber-50/60 p-3 ring-1 ring-amber-200">
      <div className="mb-2 flex items-center gap-2">
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          Scratchpad <span className="font-normal text-slate-500">· private</span>
        </h2>
        <span role="status" data-testid="scratchpad-status" className={save.isError ? "text-xs text-red-700" : "text-xs text-slate-500"}>
          {status}
        </span>
        <Button size="sm" variant="secondary" className="ml-auto" onClick={onClose} aria-keyshortcuts="Control+/">
          Close
        </Button>
      </div>
      {pad.isError ? (
        <p role="alert" className="text-sm text-red-700">
          Couldn't load your scratchpad: {errorMessage(pad.error)}
        </p>
      ) : pad.isPending ? (
        <div className="h-28 animate-pulse rounded-md bg-amber-100/70" aria-label="Loading the scratchpad" />
      ) : (
        <>
          <textarea
            ref={area}
            aria-labelledby={titleId}
            aria-describedby={hintId}
            value={value}
            maxLength={max}
            rows={6}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.preventDefault();
                onClose();
              }
            }}
            className="block w-full resize-y rounded-md border-0 bg-white px-2.5 py-2 font-mono text-sm text-slate-900 ring-1 ring-amber-200 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
            placeholder="Hunches, half-checked ideas, numbers to try… Only you see this."
          />
          <p id={hintId} className="mt-1 text-xs text-slate-500">
            Never in the note, shares or exports. Ctrl+/ to show or hide.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <Button size="sm" onClick={() => void promote()} loading={promoting}>
              Add line to timeline
            </Button>
            {promoteError && (
              <p role="alert" className="text-xs text-red-700">
                {promoteError}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
