/**
 * Choosing 1–5 stars: a native radio group (arrow keys move and choose, Tab leaves it), drawn
 * as stars; the stars up to the one under the pointer or focus light up.
 */
import { useId, useState } from "react";
import { cn } from "@/lib/cn";

const LABELS = ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"];

export function StarInput({
  value,
  onChange,
  label = "Your rating",
  disabled = false,
  describedBy,
}: {
  value: number;
  onChange: (stars: number) => void;
  label?: string;
  disabled?: boolean;
  describedBy?: string;
}) {
  const name = useId();
  const [hover, setHover] = useState(0);
  const lit = hover || value;
  return (
    <div role="radiogroup" aria-label={label} aria-describedby={describedBy} className="inline-flex items-center gap-0.5" onMouseLeave={() => setHover(0)}>
      {LABELS.map((text, i) => {
        const stars = i + 1;
        return (
          <label
            key={stars}
            className={cn(
              "relative cursor-pointer rounded px-0.5 text-2xl leading-none has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-500",
              stars <= lit ? "text-amber-500" : "text-slate-300",
              disabled && "cursor-not-allowed opacity-60",
            )}
            onMouseEnter={() => !disabled && setHover(stars)}
          >
            <input
              type="radio"
              name={name}
              value={stars}
              checked={value === stars}
              disabled={disabled}
              onChange={() => onChange(stars)}
              aria-label={text}
              className="sr-only"
            />
            <span aria-hidden="true">★</span>
          </label>
        );
      })}
    </div>
  );
}
