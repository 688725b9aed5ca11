/** "Download CSV" (the table from the API) and "Download PNG" (a chart drawn in the browser). */
import { type RefObject, useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import { type CsvTable, SESSIONS_CSV_MAX, useDownloadCsv } from "../api/download-csv";

export function CsvButton({ what, label }: { what: CsvTable; label: string }) {
  const download = useDownloadCsv();
  const toast = useToast();
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={download.isPending}
      aria-label={label}
      onClick={() =>
        download.mutate(what, {
          onSuccess: (saved) => {
            if (saved.truncated)
              toast.show(`The file holds the newest ${SESSIONS_CSV_MAX.toLocaleString("en")} sessions only: narrow the filters for the rest.`, "info");
          },
          onError: (e) => toast.show(`Couldn't download the CSV: ${errorMessage(e)}`, "error"),
        })
      }
    >
      Download CSV
    </Button>
  );
}

export function PngButton({
  target,
  save,
  label,
}: {
  target: RefObject<HTMLElement | null>;
  save: (element: HTMLElement) => Promise<void>;
  label: string;
}) {
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={busy}
      aria-label={label}
      onClick={async () => {
        if (!target.current) return;
        setBusy(true);
        try {
          await save(target.current);
        } catch (e) {
          toast.show(`Couldn't save the image: ${e instanceof Error ? e.message : String(e)}`, "error");
        } finally {
          setBusy(false);
        }
      }}
    >
      Download PNG
    </Button>
  );
}
