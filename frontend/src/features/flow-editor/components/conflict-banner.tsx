import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function ConflictBanner({
  message,
  onReload,
  onOverwrite,
}: {
  message: string | null;
  onReload: () => Promise<unknown>;
  onOverwrite: () => Promise<unknown>;
}) {
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState<"reload" | "overwrite" | null>(null);
  const run = async (which: "reload" | "overwrite", fn: () => Promise<unknown>) => {
    setBusy(which);
    try {
      await fn();
    } finally {
      setBusy(null);
      setConfirm(false);
    }
  };
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">Someone else saved this draft.</strong> {message} Your changes are kept here but not saved.
      </p>
      <Button variant="secondary" size="sm" loading={busy === "reload"} onClick={() => void run("reload", onReload)}>
        Reload their version
      </Button>
      <Button variant="danger" size="sm" onClick={() => setConfirm(true)}>
        Overwrite with mine
      </Button>
      <ConfirmDialog
        open={confirm}
        title="Overwrite their changes?"
        confirmLabel="Overwrite"
        danger
        pending={busy === "overwrite"}
        onClose={() => setConfirm(false)}
        onConfirm={() => void run("overwrite", onOverwrite)}
      >
        <p>The draft on the server will be replaced by yours. Whatever the other person saved is lost (published versions are not affected).</p>
      </ConfirmDialog>
    </div>
  );
}
