/**
 * Modal dialog: role="dialog" + aria-modal, focus moves in on open and is trapped, Escape
 * closes, focus returns to the element that opened it, and the page behind is made inert.
 */
import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { cn } from "@/lib/cn";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.hasAttribute("inert") && el.getAttribute("aria-hidden") !== "true",
  );
}

const stack: symbol[] = [];
let openCount = 0;
function setBackgroundInert(on: boolean): void {
  const root = document.getElementById("root");
  if (!root) return;
  openCount += on ? 1 : -1;
  root.inert = openCount > 0;
  // inert blocks focus and clicks; aria-hidden also hides the page from assistive tech (and
  // from role queries), so only the dialog is "there" while it is open.
  if (openCount > 0) root.setAttribute("aria-hidden", "true");
  else root.removeAttribute("aria-hidden");
}

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** While true (e.g. a request is in flight) Escape and the backdrop don't close it. */
  busy?: boolean;
  /** Extra classes on the whole layer (backdrop + panel), e.g. a fade-out. */
  className?: string;
}

export function Dialog(props: DialogProps) {
  if (!props.open) return null;
  return createPortal(<DialogPanel {...props} />, document.body);
}

function DialogPanel({ onClose, title, description, children, footer, size = "md", initialFocusRef, busy, className }: DialogProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descId = useId();
  const onCloseRef = useRef(onClose);
  const busyRef = useRef(busy);
  onCloseRef.current = onClose;
  busyRef.current = busy;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const token = Symbol("dialog");
    stack.push(token);
    setBackgroundInert(true);
    const panel = panelRef.current;
    if (panel) {
      const target = initialFocusRef?.current ?? focusables(panel)[0] ?? panel;
      target.focus();
    }

    // Listening on the document (not the panel) keeps Escape and Tab working even when the
    // focused element disappears from under us (e.g. a form swapped for its result).
    function onKeyDown(e: KeyboardEvent) {
      if (stack[stack.length - 1] !== token || !panelRef.current) return;
      const root = panelRef.current;
      if (e.key === "Escape") {
        e.preventDefault();
        if (!busyRef.current) onCloseRef.current();
        return;
      }
      if (e.key !== "Tab") return;
      const items = focusables(root);
      const active = document.activeElement;
      if (items.length === 0) {
        e.preventDefault();
        root.focus();
        return;
      }
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const inside = active instanceof Node && root.contains(active);
      if (!inside) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      } else if (e.shiftKey && (active === first || active === root)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    }
    document.addEventListener("keydown", onKeyDown);

    return () => {
      document.removeEventListener("keydown", onKeyDown);
      const i = stack.indexOf(token);
      if (i >= 0) stack.splice(i, 1);
      setBackgroundInert(false);
      if (opener && opener.isConnected) opener.focus();
    };
    // Only on mount/unmount: focus must not jump around while the dialog is open.
  }, []);

  return (
    <div className={cn("fixed inset-0 z-50 flex items-start justify-center overflow-y-auto p-4 pt-[10vh]", className)}>
      <div
        className="fixed inset-0 bg-slate-900/40 motion-safe:animate-[fade-in_120ms_ease-out]"
        aria-hidden="true"
        onMouseDown={() => !busyRef.current && onCloseRef.current()}
      />
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descId : undefined}
        tabIndex={-1}
        className={cn(
          "relative w-full rounded-lg bg-white shadow-xl ring-1 ring-slate-900/10 focus:outline-none",
          size === "sm" && "max-w-sm",
          size === "md" && "max-w-md",
          size === "lg" && "max-w-2xl",
        )}
      >
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description && (
            <div id={descId} className="mt-1 text-sm text-slate-500">
              {description}
            </div>
          )}
        </div>
        <div className="px-5 py-4">{children}</div>
        {footer && <div className="flex justify-end gap-2 border-t border-slate-100 px-5 py-3">{footer}</div>}
      </div>
    </div>
  );
}
