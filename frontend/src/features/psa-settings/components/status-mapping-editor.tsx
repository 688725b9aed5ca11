/** Board → status rows for one trigger ("*" = any board without its own row). */
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { ANY_BOARD, type StatusRow, statusRowErrors } from "../model/settings-form";

export function StatusMappingEditor({
  legend,
  when,
  rows,
  serverError,
  onChange,
}: {
  legend: string;
  /** "on resolve" / "on escalate": names the row controls so each is unique on the page. */
  when: string;
  rows: StatusRow[];
  serverError?: string;
  onChange: (rows: StatusRow[]) => void;
}) {
  const errors = statusRowErrors(rows);
  const update = (i: number, patch: Partial<StatusRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const slug = when.replace(/\s+/g, "-");
  return (
    <fieldset className="space-y-2" data-testid={`psa-status-${slug}`}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <p className="text-xs text-slate-500">
        Set the ticket's status on these boards. {ANY_BOARD} means any board without its own row; with no rows the status is left as
        it is.
      </p>
      {rows.length > 0 && (
        <ul className="space-y-2">
          {rows.map((r, i) => {
            const errorId = `psa-status-${slug}-${i}-error`;
            const bad = errors[i] !== undefined;
            return (
              <li key={i} className="space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Input
                    aria-label={`Board ${i + 1} ${when}`}
                    placeholder={`Board name, or ${ANY_BOARD}`}
                    value={r.board}
                    onChange={(e) => update(i, { board: e.target.value })}
                    aria-invalid={bad || undefined}
                    aria-describedby={bad ? errorId : undefined}
                    className={cn("w-56", bad && "ring-red-400")}
                  />
                  <span aria-hidden="true" className="text-slate-400">
                    →
                  </span>
                  <Input
                    aria-label={`Status ${i + 1} ${when}`}
                    placeholder="Status, e.g. Completed"
                    value={r.status}
                    onChange={(e) => update(i, { status: e.target.value })}
                    aria-invalid={bad || undefined}
                    aria-describedby={bad ? errorId : undefined}
                    className={cn("w-56", bad && "ring-red-400")}
                  />
                  <Button variant="ghost" size="sm" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    Remove row {i + 1} {when}
                  </Button>
                </div>
                {bad && (
                  <p id={errorId} className="text-xs text-red-600">
                    {errors[i]}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Button
        variant="secondary"
        size="sm"
        onClick={() => onChange([...rows, { board: rows.some((r) => r.board.trim() === ANY_BOARD) ? "" : ANY_BOARD, status: "" }])}
      >
        Add a board {when}
      </Button>
      {serverError && <p className="text-xs text-red-600">{serverError}</p>}
    </fieldset>
  );
}
