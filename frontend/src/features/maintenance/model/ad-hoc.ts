/** Ad-hoc targets typed one per line: `label` or `label, client`. */
import { emptyRow, type TargetRow } from "./target-rows";

export function parseAdHoc(text: string): TargetRow[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const comma = line.indexOf(",");
      const label = (comma === -1 ? line : line.slice(0, comma)).trim();
      const client = comma === -1 ? "" : line.slice(comma + 1).trim();
      return { ...emptyRow(), label, client };
    });
}
