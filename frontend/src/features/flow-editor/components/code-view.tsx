/**
 * Code mode: the flow as Markdown text (format in docs/flows.md, "Code mode"). A plain textarea
 * with line numbers; errors are marked in the gutter and listed under the text, and a text with
 * errors is never applied to the graph. Tab inserts two spaces (Shift+Tab leaves the field);
 * Ctrl/⌘+Z and Ctrl/⌘+Shift+Z undo and redo the flow, as on the canvas.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { cn } from "@/lib/cn";
import { useCodeText } from "../hooks/use-code-text";
import { useEditorStoreApi } from "../model/editor-context";
import { MOD } from "./editor-toolbar";

const LINE_PX = 20;

function lineStart(text: string, line: number): number {
  let at = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf("\n", at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
}

export function CodeView() {
  const store = useEditorStoreApi();
  const code = useCodeText(store);
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const caret = useRef<number | null>(null);

  const lineCount = useMemo(() => code.text.split("\n").length, [code.text]);
  const errorsByLine = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const e of code.errors) m.set(e.line, [...(m.get(e.line) ?? []), e.message]);
    return m;
  }, [code.errors]);

  useLayoutEffect(() => {
    if (caret.current !== null && area.current) {
      area.current.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  });

  // Opening code mode with a node selected puts the caret on that node's heading.
  useEffect(() => {
    const selected = store.getState().selectedNodeIds[0];
    if (!selected || !area.current) return;
    const line = area.current.value.split("\n").findIndex((l) => l.startsWith(`## ${selected} `));
    if (line >= 0) goToLine(line + 1);
  }, []); // once, on opening

  function goToLine(line: number) {
    const el = area.current;
    if (!el) return;
    const at = lineStart(el.value, line);
    el.focus();
    el.setSelectionRange(at, at);
    el.scrollTop = Math.max(0, (line - 3) * LINE_PX);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    const el = e.currentTarget;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (e.key === "Tab" && !e.shiftKey && !mod && !e.altKey) {
      e.preventDefault();
      const { selectionStart: from, selectionEnd: to, value } = el;
      caret.current = from + 2;
      code.setText(`${value.slice(0, from)}  ${value.slice(to)}`);
      return;
    }
    if (mod && !e.altKey && (key === "z" || key === "y")) {
      // The flow's undo history, not the textarea's (which can't follow a text written afresh).
      e.preventDefault();
      const s = store.getState();
      if (key === "z" && !e.shiftKey) {
        if (code.unapplied && !code.flush()) code.revert();
        else s.undo();
      } else {
        code.flush();
        s.redo();
      }
    }
  }

  const status =
    code.errors.length > 0
      ? `${code.errors.length === 1 ? "1 error" : `${code.errors.length} errors`}: not applied, the flow keeps its last valid version`
      : code.unapplied
        ? "Applying…"
        : "In sync with the canvas";

  return (
    <section aria-label="Code" className="flex h-full min-h-0 flex-col bg-white">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-1.5 text-xs text-slate-600">
        <span>
          Markdown. Valid edits apply to the flow as you type. <kbd className="font-mono">{MOD}Shift+M</kbd> switches back.
        </span>
        <span role="status" className={cn(code.errors.length > 0 ? "font-medium text-red-700" : "text-slate-500")}>
          {status}
        </span>
      </div>
      <div className="flex min-h-0 flex-1">
        <div
          ref={gutter}
          aria-hidden="true"
          data-testid="code-gutter"
          className="w-12 shrink-0 overflow-hidden border-r border-slate-200 bg-slate-50 py-2 text-right font-mono text-xs leading-5 text-slate-400 select-none"
        >
          {Array.from({ length: lineCount }, (_, i) => {
            const messages = errorsByLine.get(i + 1);
            return (
              <div
                key={i}
                data-error={messages ? "true" : undefined}
                title={messages?.join("\n")}
                className={cn("pr-2", messages && "bg-red-100 font-semibold text-red-700")}
              >
                {messages ? "! " : ""}
                {i + 1}
              </div>
            );
          })}
        </div>
        <textarea
          ref={area}
          aria-label="Flow as Markdown"
          aria-invalid={code.errors.length > 0}
          aria-describedby={code.errors.length > 0 ? "code-errors" : undefined}
          value={code.text}
          onChange={(e) => code.setText(e.target.value)}
          onKeyDown={onKeyDown}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          className="min-w-0 flex-1 resize-none overflow-auto bg-white p-2 font-mono text-xs leading-5 whitespace-pre text-slate-900 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-inset"
        />
      </div>
      {code.errors.length > 0 && (
        <ul id="code-errors" aria-label="Errors in the text" className="max-h-40 shrink-0 overflow-y-auto border-t border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800">
          {code.errors.map((e, i) => (
            <li key={i}>
              <button type="button" className="text-left hover:underline" onClick={() => goToLine(e.line)}>
                <span className="font-semibold">Line {e.line}:</span> {e.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
