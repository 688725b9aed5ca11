/** A radio group drawn as selectable cards: real radio inputs, each with its own label. */
import { useId } from "react";
import { cn } from "@/lib/cn";

export interface RadioCardOption<T extends string> {
  value: T;
  label: string;
  description?: string;
}

export function RadioCards<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly RadioCardOption<T>[];
  value: T;
  onChange: (value: T) => void;
}) {
  const baseId = useId();
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="grid grid-cols-2 gap-2">
        {options.map((o) => {
          const id = `${baseId}-${o.value}`;
          const checked = o.value === value;
          return (
            <div
              key={o.value}
              className={cn(
                "flex items-start gap-2 rounded-md p-2.5 ring-1 ring-inset",
                checked ? "bg-indigo-50/60 ring-indigo-400" : "ring-slate-300",
              )}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={o.value}
                checked={checked}
                onChange={() => onChange(o.value)}
                className="mt-0.5 size-4 accent-indigo-600"
                aria-describedby={o.description ? `${id}-desc` : undefined}
              />
              <div>
                <label htmlFor={id} className="block text-sm font-medium text-slate-900">
                  {o.label}
                </label>
                {o.description && (
                  <p id={`${id}-desc`} className="text-xs text-slate-500">
                    {o.description}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
