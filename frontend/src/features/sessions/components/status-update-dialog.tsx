/**
 * "Status update" in the runner header: a status update on the session for an audience (an
 * internal note, a client update, an email draft), short or detailed, to edit and copy. Nothing is
 * sent anywhere — the engineer pastes it into the ticket or an email.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { Spinner } from "@/components/ui/spinner";
import { copyText } from "@/lib/clipboard";
import { errorMessage } from "@/lib/problem";
import { type Audience, type UpdateDetail, useCreateStatusUpdate } from "../api/create-status-update";

const AUDIENCES = [
  { value: "internal", label: "Internal note", description: "For colleagues: known, tried, next" },
  { value: "client", label: "Client update", description: "Plain language for the affected user" },
  { value: "email", label: "Email draft", description: "Subject line, greeting and sign-off" },
] as const;

const DETAILS = [
  { value: "short", label: "Short", description: "Two to four sentences" },
  { value: "detailed", label: "Detailed", description: "A few short paragraphs or a list" },
] as const;

/** The header button; any role may write one (it reads the session, changes nothing). */
export function StatusUpdateButton({ sessionId, title }: { sessionId: string; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Status update
      </Button>
      {open && <StatusUpdateDialog sessionId={sessionId} title={title} onClose={() => setOpen(false)} />}
    </>
  );
}

export function StatusUpdateDialog({ sessionId, title, onClose }: { sessionId: string; title: string; onClose: () => void }) {
  const write = useCreateStatusUpdate(sessionId);
  const [audience, setAudience] = useState<Audience>("internal");
  const [detail, setDetail] = useState<UpdateDetail>("short");
  const [text, setText] = useState("");
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<number | undefined>(undefined);
  const textId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const result = write.data;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setCopied("idle");
    write.mutate({ audience, detail }, { onSuccess: (r) => setText(r.text) });
  }

  async function onCopy() {
    const ok = await copyText(text);
    setCopied(ok ? "copied" : "failed");
    if (!ok) textRef.current?.select();
    window.clearTimeout(timer.current);
    if (ok) timer.current = window.setTimeout(() => setCopied("idle"), 2500);
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title="Status update"
      description={`“${title}” · nothing is sent anywhere — copy it into the ticket or your email.`}
      size="lg"
      busy={write.isPending}
      footer={
        <Button variant="secondary" onClick={onClose} disabled={write.isPending}>
          Close
        </Button>
      }
    >
      <div className="space-y-4">
        <form id="status-update-form" onSubmit={onSubmit} noValidate className="space-y-4">
          <fieldset disabled={write.isPending} className="space-y-4">
            <RadioCards<Audience> legend="Audience" name="status-audience" value={audience} onChange={setAudience} options={AUDIENCES} />
            <RadioCards<UpdateDetail> legend="Detail" name="status-detail" value={detail} onChange={setDetail} options={DETAILS} />
          </fieldset>
          <div className="flex items-center gap-3">
            <Button type="submit" loading={write.isPending}>
              {result ? "Regenerate" : "Write update"}
            </Button>
            {write.isPending && (
              <span className="inline-flex items-center gap-2 text-sm text-slate-600">
                <Spinner label="Writing" /> Writing the update…
              </span>
            )}
          </div>
          <FormError message={write.error ? errorMessage(write.error) : null} />
        </form>

        {result && (
          <section aria-label="Written update" className="space-y-2">
            <label htmlFor={textId} className="block text-sm font-medium text-slate-700">
              Update text
            </label>
            <textarea
              id={textId}
              ref={textRef}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={result.detail === "detailed" ? 12 : 7}
              data-testid="status-update-text"
              className="block w-full rounded-md border-0 bg-white px-2.5 py-1.5 font-mono text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
            />
            <div className="flex flex-wrap items-center gap-3">
              <Button variant="secondary" size="sm" onClick={() => void onCopy()} disabled={!text.trim()}>
                Copy
              </Button>
              <span role="status" className="text-xs font-medium text-emerald-700">
                {copied === "copied" ? "Copied" : copied === "failed" ? <span className="text-red-700">Couldn't copy automatically — the text is selected, press Ctrl+C.</span> : ""}
              </span>
              <span className="ml-auto text-xs text-slate-500" data-testid="status-update-model">
                {result.model === "offline" ? "Written offline from the session" : `Written by ${result.model}`} · redacted
              </span>
            </div>
            {result.note && (
              <p role="note" data-testid="status-update-note" className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800 ring-1 ring-inset ring-amber-200">
                {result.note}
              </p>
            )}
            <p className="text-xs text-slate-500">Edit it here if you like; Regenerate replaces your edits.</p>
          </section>
        )}
      </div>
    </Dialog>
  );
}
