/** The folder tree: All flows, No folder, then the account's folders nested by parent. */
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/problem";
import { useDeleteFolder } from "../api/delete-folder";
import { useFolders } from "../api/list-folders";
import type { Folder } from "../api/types";
import { FolderDialog } from "./folder-dialog";
import { flattenFolderTree } from "./folder-tree";

/** `null` = all flows, `"root"` = flows in no folder, else a folder id. */
export type FolderFilter = string | null;

export function FolderSidebar({
  value,
  onChange,
  canEdit,
}: {
  value: FolderFilter;
  onChange: (v: FolderFilter) => void;
  canEdit: boolean;
}) {
  const folders = useFolders();
  const rows = useMemo(() => flattenFolderTree(folders.data?.items ?? []), [folders.data]);
  const selected = folders.data?.items.find((f) => f.id === value) ?? null;
  const [dialog, setDialog] = useState<{ mode: "create" | "rename"; folder?: Folder; parent?: Folder | null } | null>(null);
  const [deleting, setDeleting] = useState<Folder | null>(null);
  const del = useDeleteFolder();
  const toast = useToast();

  const item = (v: FolderFilter, label: string, count: number | null, depth = 0) => (
    <li key={v ?? "__all"}>
      <button
        type="button"
        aria-current={value === v ? "true" : undefined}
        onClick={() => onChange(v)}
        style={{ paddingLeft: `${0.5 + depth * 0.875}rem` }}
        className={cn(
          "flex w-full items-center justify-between gap-2 rounded-md py-1.5 pr-2 text-left text-sm",
          value === v ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
        )}
      >
        <span className="flex min-w-0 items-center gap-1.5">
          {depth > 0 || v !== null ? (
            <span aria-hidden="true" className="text-slate-400">
              {v === "root" ? "○" : "▸"}
            </span>
          ) : null}
          <span className="truncate">{label}</span>
        </span>
        {count !== null && <span className="text-xs text-slate-400">{count}</span>}
      </button>
    </li>
  );

  return (
    <nav aria-label="Folders" className="w-full shrink-0 md:w-56">
      <h2 className="px-2 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Folders</h2>
      <ul className="space-y-0.5">
        {item(null, "All flows", null)}
        {item("root", "No folder", null)}
        {folders.isPending && (
          <li className="px-2 py-1">
            <Spinner label="Loading folders" />
          </li>
        )}
        {folders.isError && <li className="px-2 py-1 text-xs text-red-700">Couldn't load folders.</li>}
        {rows.map((r) => item(r.folder.id, r.folder.name, r.folder.flow_count, r.depth + 1))}
      </ul>
      {canEdit && (
        <div className="mt-3 flex flex-wrap gap-1 px-1">
          <Button variant="ghost" size="sm" onClick={() => setDialog({ mode: "create", parent: selected })}>
            {selected ? "New subfolder" : "New folder"}
          </Button>
          {selected && (
            <>
              <Button variant="ghost" size="sm" onClick={() => setDialog({ mode: "rename", folder: selected })}>
                Rename<span className="sr-only"> {selected.name}</span>
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setDeleting(selected)}>
                Delete<span className="sr-only"> {selected.name}</span>
              </Button>
            </>
          )}
        </div>
      )}
      {dialog && <FolderDialog folder={dialog.folder} parent={dialog.parent} onClose={() => setDialog(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? "folder"}?`}
        confirmLabel="Delete folder"
        danger
        pending={del.isPending}
        error={del.error ? errorMessage(del.error) : null}
        onClose={() => {
          del.reset();
          setDeleting(null);
        }}
        onConfirm={() =>
          deleting &&
          del.mutate(deleting.id, {
            onSuccess: () => {
              toast.show(`Folder “${deleting.name}” deleted.`);
              if (value === deleting.id) onChange(null);
              setDeleting(null);
            },
          })
        }
      >
        <p>Only empty folders can be deleted: move its flows and subfolders out first.</p>
      </ConfirmDialog>
    </nav>
  );
}
