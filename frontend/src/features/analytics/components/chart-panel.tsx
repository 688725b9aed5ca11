/** A titled panel around a chart, with its downloads (PNG of the chart, and CSV where a table exists). */
import { type ReactNode, useId, useRef } from "react";
import { downloadSvgAsPng } from "../model/png";
import { PngButton } from "./download-buttons";

export function ChartPanel({
  title,
  description,
  pngName,
  pngTitle,
  actions,
  children,
  footer,
  className,
}: {
  title: string;
  description?: ReactNode;
  /** File name of the PNG; no PNG button without one. */
  pngName?: string;
  /** The title drawn on the PNG (default: the panel's). */
  pngTitle?: string;
  actions?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
}) {
  const id = useId();
  const chart = useRef<HTMLDivElement>(null);
  return (
    <section aria-labelledby={id} className={`rounded-lg bg-white p-4 ring-1 ring-slate-200 ${className ?? ""}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={id} className="text-sm font-semibold text-slate-900">
            {title}
          </h3>
          {description && <p className="mt-0.5 text-xs text-slate-500">{description}</p>}
        </div>
        <div className="flex items-center gap-1.5">
          {pngName && (
            <PngButton target={chart} save={(el) => downloadSvgAsPng(el, pngName, pngTitle ?? title)} label={`Download ${title} as PNG`} />
          )}
          {actions}
        </div>
      </div>
      <div ref={chart} className="mt-3">
        {children}
      </div>
      {footer}
    </section>
  );
}
