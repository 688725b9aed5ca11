/** A read-only value with a Copy button (invite links, API token secrets). */
import { useId, useRef, useState } from "react";
import { Button } from "./button";

async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection-based copy
  }
  if (!fallbackInput) return false;
  fallbackInput.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function onCopy() {
    const ok = await copyText(value, inputRef.current);
    setState(ok ? "copied" : "failed");
    if (!ok) inputRef.current?.select();
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          ref={inputRef}
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full rounded-md border-0 bg-slate-50 px-2.5 py-1.5 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
        />
        <Button variant="secondary" onClick={onCopy}>
          {state === "copied" ? "Copied" : "Copy"}
          <span className="sr-only"> {label.toLowerCase()}</span>
        </Button>
      </div>
      <p role="status" className="text-xs text-slate-500">
        {state === "copied" ? "Copied to the clipboard." : state === "failed" ? "Couldn't copy automatically — the text is selected, press Ctrl+C." : ""}
      </p>
    </div>
  );
}
