/**
 * Adding to the timeline by hand: a Markdown note, or command output kept exactly as pasted.
 * Ctrl/Cmd+Enter adds. The text stays in the box until the server has it.
 */
import { type FormEvent, type KeyboardEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, InputField } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import type { EventInput } from "../api/types";
import { RedactionNotice } from "./redaction-notice";

type Tab = "note" | "output";

export function Composer({
  onAdd,
  notesOnly,
  disabledReason,
}: {
  /** Resolves when the server accepted it (the box is then cleared), rejects otherwise. */
  onAdd: (input: EventInput) => Promise<unknown>;
  /** Ended sessions take notes only. */
  notesOnly: boolean;
  disabledReason: string | null;
}) {
  const [tab, setTab] = useState<Tab>("note");
  const [note, setNote] = useState("");
  const [output, setOutput] = useState("");
  const [command, setCommand] = useState("");
  const [sending, setSending] = useState<Tab | null>(null);
  const current: Tab = notesOnly ? "note" : tab;
  const disabled = disabledReason !== null;

  async function send(kind: Tab) {
    if (disabled || sending) return;
    const input: EventInput | null =
      kind === "note"
        ? note.trim()
          ? { type: "note", text: note.trim() }
          : null
        : output.trim()
          ? { type: "command_output", text: output, command: command.trim() || null }
          : null;
    if (!input) return;
    setSending(kind);
    try {
      await onAdd(input);
      if (kind === "note") setNote("");
      else {
        setOutput("");
        setCommand("");
      }
    } catch {
      // The runner shows the problem; the text stays so nothing is lost.
    } finally {
      setSending(null);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void send(current);
  }

  const submitOnCtrlEnter = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send(current);
    }
  };

  return (
    <section aria-label="Composer" className="rounded-lg bg-white ring-1 ring-slate-200">
      <div role="tablist" aria-label="What to add" className="flex gap-1 border-b border-slate-100 px-3 pt-2">
        {(notesOnly ? (["note"] as const) : (["note", "output"] as const)).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`composer-tab-${t}`}
            aria-selected={current === t}
            aria-controls={`composer-panel-${t}`}
            onClick={() => setTab(t)}
            className={cn(
              "-mb-px border-b-2 px-2.5 pt-1 pb-2 text-sm font-medium",
              current === t ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {t === "note" ? "Note" : "Command output"}
          </button>
        ))}
      </div>
      <form onSubmit={onSubmit} className="space-y-3 p-3">
        {current === "note" ? (
          <div role="tabpanel" id="composer-panel-note">
            <Field label="Note" hint="Markdown. Ctrl+Enter (⌘+Enter) adds it.">
              {({ id, describedBy }) => (
                <textarea
                  id={id}
                  aria-describedby={describedBy}
                  rows={4}
                  value={note}
                  maxLength={20000}
                  disabled={disabled}
                  placeholder="What you found, what you tried, what the user said…"
                  onChange={(e) => setNote(e.target.value)}
                  onKeyDown={submitOnCtrlEnter}
                  className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none disabled:bg-slate-50"
                />
              )}
            </Field>
            <RedactionNotice key="note" text={note} />
          </div>
        ) : (
          <div role="tabpanel" id="composer-panel-output" className="space-y-3">
            <InputField
              label="Command"
              hint="Optional: what you ran."
              value={command}
              maxLength={2000}
              disabled={disabled}
              placeholder="e.g. ipconfig /all"
              onChange={(e) => setCommand(e.target.value)}
              className="[&_input]:font-mono"
            />
            <Field label="Command output" hint="Kept exactly as pasted. Ctrl+Enter (⌘+Enter) adds it.">
              {({ id, describedBy }) => (
                <textarea
                  id={id}
                  aria-describedby={describedBy}
                  rows={7}
                  value={output}
                  disabled={disabled}
                  spellCheck={false}
                  wrap="off"
                  placeholder="Paste terminal output here"
                  onChange={(e) => setOutput(e.target.value)}
                  onKeyDown={submitOnCtrlEnter}
                  className="block w-full rounded-md border-0 px-2.5 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none disabled:bg-slate-50"
                />
              )}
            </Field>
            <RedactionNotice key="output" text={output} mono />
          </div>
        )}
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs text-slate-500">{disabledReason ?? "Passwords, keys and tokens are redacted in the documentation."}</p>
          {current === "note" ? (
            <Button type="submit" disabled={disabled || !note.trim()} loading={sending === "note"}>
              Add note
            </Button>
          ) : (
            <Button type="submit" disabled={disabled || !output.trim()} loading={sending === "output"}>
              Add output
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
