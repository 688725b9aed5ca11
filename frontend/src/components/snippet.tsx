/** A search snippet: the text with its <mark>ed matches highlighted, nothing else as markup. */
import { useMemo } from "react";
import { parseSnippet } from "@/lib/flow-graph/snippet";

export function Snippet({ text, className }: { text: string; className?: string }) {
  const parts = useMemo(() => parseSnippet(text), [text]);
  return (
    <span className={className}>
      {parts.map((p, i) =>
        p.mark ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-slate-900">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
