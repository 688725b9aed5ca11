/** A "Copy" button for a block of text, with a polite status ("Copied"). */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { copyText } from "@/lib/clipboard";


export function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="flex items-center gap-2">
      <span role="status" className="text-xs text-slate-500">
        {state === "copied" ? "Copied" : state === "failed" ? "Couldn't copy — select the text and press Ctrl+C." : ""}
      </span>
      <Button variant="secondary" size="sm" onClick={async () => setState((await copyText(text)) ? "copied" : "failed")}>
        Copy
      </Button>
    </div>
  );
}
