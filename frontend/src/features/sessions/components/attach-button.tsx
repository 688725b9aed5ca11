/** "Attach file": screenshots, logs, PDFs onto the timeline. The server checks type and size. */
import { useId, useRef } from "react";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import { useUploadAttachment } from "../api/attachments";

export function AttachButton({ sessionId, disabled }: { sessionId: string; disabled: boolean }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadAttachment(sessionId);
  const toast = useToast();

  async function onChange(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    try {
      await upload.mutateAsync(file);
      toast.show(`Attached ${file.name}`, "success");
    } catch (error) {
      toast.show(`Couldn't attach ${file.name}: ${errorMessage(error)}`, "error");
    } finally {
      if (input.current) input.current.value = "";
    }
  }

  return (
    <div className="flex items-center gap-2 px-3 pb-3 text-sm">
      <label
        htmlFor={id}
        className="cursor-pointer rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-700 hover:bg-slate-50 focus-within:ring-2 focus-within:ring-indigo-500"
      >
        {upload.isPending ? "Attaching…" : "Attach file"}
        <input
          ref={input}
          id={id}
          type="file"
          className="sr-only"
          disabled={disabled || upload.isPending}
          accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,.zip,.txt,.log,.csv,.json,.xml,.ps1,.cfg,.conf,.ini,.yaml,.yml,.md"
          onChange={(e) => void onChange(e.target.files)}
        />
      </label>
      <span className="text-xs text-slate-500">Screenshots, logs, PDFs — up to 10 MB</span>
    </div>
  );
}
