import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useCreateFolder } from "../api/create-folder";
import type { Folder } from "../api/types";
import { useUpdateFolder } from "../api/update-folder";

/** Create a folder (inside `parent` when given), or rename `folder`. */
export function FolderDialog({ folder, parent, onClose }: { folder?: Folder; parent?: Folder | null; onClose: () => void }) {
  const create = useCreateFolder();
  const update = useUpdateFolder();
  const mutation = folder ? update : create;
  const toast = useToast();
  const [name, setName] = useState(folder?.name ?? "");
  const [submitted, setSubmitted] = useState(false);
  const problem = mutation.error ? toProblem(mutation.error) : null;
  const nameError = (submitted && !name.trim() ? "Give the folder a name." : undefined) ?? (problem ? fieldErrors(problem).name : undefined);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    const done = () => {
      toast.show(folder ? "Folder renamed." : `Folder “${name.trim()}” created.`);
      onClose();
    };
    if (folder) update.mutate({ id: folder.id, body: { name: name.trim() } }, { onSuccess: done });
    else create.mutate({ name: name.trim(), parent_id: parent?.id ?? null }, { onSuccess: done });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={folder ? `Rename ${folder.name}` : parent ? `New folder in ${parent.name}` : "New folder"}
      size="sm"
      busy={mutation.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" form="folder-form" loading={mutation.isPending}>
            {folder ? "Rename" : "Create folder"}
          </Button>
        </>
      }
    >
      <form id="folder-form" onSubmit={onSubmit} noValidate className="space-y-3">
        <FormError message={problem ? formMessage(problem, ["name"]) : null} />
        <InputField label="Folder name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} error={nameError} />
      </form>
    </Dialog>
  );
}
