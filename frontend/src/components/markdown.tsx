/** Renders a node body's Markdown, sanitised (see lib/markdown.ts). */
import { useMemo } from "react";
import { cn } from "@/lib/cn";
import { renderMarkdown } from "@/lib/markdown";

export function Markdown({
  source,
  className,
  highlightRedactions = false,
}: {
  source: string;
  className?: string;
  /** Wrap `[REDACTED:kind]` markers in `<mark>`. */
  highlightRedactions?: boolean;
}) {
  const html = useMemo(() => renderMarkdown(source, { highlightRedactions }), [source, highlightRedactions]);
  return (
    <div
      className={cn(
        "text-sm leading-relaxed text-slate-700 [&_a]:text-indigo-700 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em] [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-1.5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-900 [&_pre]:p-2 [&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_ul]:list-disc",
        className,
      )}
      // Sanitised by DOMPurify in renderMarkdown.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
