/**
 * Markdown -> sanitised HTML for node bodies. marked renders; DOMPurify strips anything active
 * (scripts, event handlers, javascript: URLs, iframes…). Links open in a new tab.
 */
import DOMPurify from "dompurify";
import { Marked } from "marked";
import { splitMarkers } from "./redaction";

const marked = new Marked({ gfm: true, breaks: true, async: false });

let hooked = false;
function ensureHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName === "A" && node.getAttribute("href")) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer");
    }
  });
}

const SANITIZE = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed"],
  FORBID_ATTR: ["style"],
};

/** Class of the `<mark>` around a `[REDACTED:kind]` marker (subtle: it is information, not an error). */
export const REDACTION_MARK_CLASS = "rounded-sm bg-amber-100 px-0.5 text-amber-900 ring-1 ring-amber-200 ring-inset";

export interface RenderOptions {
  /** Wrap every `[REDACTED:kind]` marker in a `<mark>` (done on the sanitised DOM, as text). */
  highlightRedactions?: boolean;
}

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  ensureHooks();
  const html = marked.parse(source) as string;
  if (!options.highlightRedactions || !source.includes("[REDACTED:")) return DOMPurify.sanitize(html, SANITIZE);
  const fragment = DOMPurify.sanitize(html, { ...SANITIZE, RETURN_DOM_FRAGMENT: true });
  markRedactions(fragment);
  const holder = document.createElement("div");
  holder.appendChild(fragment);
  return holder.innerHTML;
}

/** Splits text nodes on the markers; the marker text goes in via textContent, never as markup. */
function markRedactions(root: DocumentFragment): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const hits: Text[] = [];
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (node.data.includes("[REDACTED:")) hits.push(node);
  }
  for (const node of hits) {
    const doc = node.ownerDocument;
    const parts = doc.createDocumentFragment();
    for (const seg of splitMarkers(node.data)) {
      if (seg.kind === null) {
        parts.appendChild(doc.createTextNode(seg.text));
        continue;
      }
      const mark = doc.createElement("mark");
      mark.className = REDACTION_MARK_CLASS;
      mark.title = `Redacted ${seg.kind.replace(/_/g, " ")}`;
      mark.textContent = seg.text;
      parts.appendChild(mark);
    }
    node.replaceWith(parts);
  }
}
