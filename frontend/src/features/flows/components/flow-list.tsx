/** The library's results: one card per flow with its badges, snippet and actions. */
import { Link, useNavigate } from "react-router";
import { Snippet } from "@/components/snippet";
import { Badge } from "@/components/ui/badge";
import { useToast } from "@/components/ui/toast";
import { flowKindLabel } from "@/lib/flow-graph/types";
import { formatDateTime, plural } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { useArchiveFlow } from "../api/archive-flow";
import { useDuplicateFlow } from "../api/duplicate-flow";
import { useExportFlow } from "../api/export-flow";
import type { FlowSummary } from "../api/types";
import { useUnarchiveFlow } from "../api/unarchive-flow";
import { type MenuItem, RowMenu } from "./row-menu";

export function FlowList({ flows, canEdit, onMove }: { flows: FlowSummary[]; canEdit: boolean; onMove: (f: FlowSummary) => void }) {
  const navigate = useNavigate();
  const toast = useToast();
  const duplicate = useDuplicateFlow();
  const archive = useArchiveFlow();
  const unarchive = useUnarchiveFlow();
  const exportFlow = useExportFlow();
  const fail = (what: string) => (err: unknown) => toast.show(`Couldn't ${what}: ${errorMessage(err)}`, "error");

  function menu(f: FlowSummary): MenuItem[] {
    const items: MenuItem[] = [{ label: "Open", onSelect: () => navigate(`/flows/${f.id}`) }];
    if (canEdit) {
      items.push({ label: "Edit", onSelect: () => navigate(`/flows/${f.id}/edit`) });
      items.push({
        label: "Duplicate",
        onSelect: () =>
          duplicate.mutate(f.id, { onSuccess: (copy) => toast.show(`Created “${copy.title}”.`), onError: fail("duplicate the flow") }),
      });
      items.push({ label: "Move to folder…", onSelect: () => onMove(f) });
    }
    items.push({
      label: "Export",
      onSelect: () => exportFlow.mutate({ id: f.id }, { onError: fail("export the flow") }),
    });
    if (canEdit) {
      items.push(
        f.archived
          ? {
              label: "Unarchive",
              onSelect: () => unarchive.mutate(f.id, { onSuccess: () => toast.show(`“${f.title}” is back in the library.`), onError: fail("unarchive") }),
            }
          : {
              label: "Archive",
              danger: true,
              onSelect: () => archive.mutate(f.id, { onSuccess: () => toast.show(`“${f.title}” archived.`), onError: fail("archive") }),
            },
      );
    }
    return items;
  }

  return (
    <ul aria-label="Flows" className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200">
      {flows.map((f) => (
        <li key={f.id} className="flex items-start gap-3 px-4 py-3 hover:bg-slate-50/60">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Link to={`/flows/${f.id}`} className="text-sm font-semibold text-slate-900 hover:text-indigo-700 hover:underline">
                {f.title}
              </Link>
              <Badge tone="indigo">{flowKindLabel(f.kind)}</Badge>
              {f.latest_version !== null ? <Badge tone="green">v{f.latest_version}</Badge> : <Badge>Draft only</Badge>}
              {f.has_unpublished_changes && f.latest_version !== null && <Badge tone="amber">Unpublished changes</Badge>}
              {f.archived && <Badge tone="red">Archived</Badge>}
            </div>
            {f.snippet ? (
              <p className="mt-1 line-clamp-2 text-sm text-slate-600">
                <Snippet text={f.snippet} />
              </p>
            ) : f.description ? (
              <p className="mt-1 line-clamp-2 text-sm text-slate-600">{f.description}</p>
            ) : null}
            <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              {f.category && <span className="font-medium text-slate-600">{f.category}</span>}
              {f.tags.length > 0 && (
                <span className="flex flex-wrap gap-1">
                  {f.tags.map((t) => (
                    <span key={t} className="rounded bg-slate-100 px-1.5 py-px text-slate-600">
                      #{t}
                    </span>
                  ))}
                </span>
              )}
              <span>Updated {formatDateTime(f.updated_at)}</span>
              {f.owner_name && <span>by {f.owner_name}</span>}
              <span>Used {plural(f.use_count, "time")}</span>
            </div>
          </div>
          <RowMenu label={`Actions for ${f.title}`} items={menu(f)} />
        </li>
      ))}
    </ul>
  );
}
