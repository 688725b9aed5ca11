/**
 * The screenshots that go to the model with the next copilot question or FlowPilot step, and
 * the ones that don't (with why). Images can't be redacted, so the person sees this before
 * they ask. Used by the copilot panel and the FlowPilot runner.
 */
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { MODEL_IMAGES_NOTICE, type ModelImage, useModelImages, useRemoveAttachment } from "@/lib/model-images";
import { errorMessage } from "@/lib/problem";

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function ModelImagesBox({
  sessionId,
  lastSeq,
  next = "request",
  canRemove = false,
  resend,
  onResendChange,
}: {
  sessionId: string;
  lastSeq: number;
  /** What the next model call is: "question", "step". */
  next?: string;
  /** The person may work the session (and so remove its files). */
  canRemove?: boolean;
  /** When given, the person may ask for images the model has seen to be sent again. */
  resend?: boolean;
  onResendChange?: (resend: boolean) => void;
}) {
  const q = useModelImages(sessionId, lastSeq, resend ?? false);
  const titleId = `model-images-${sessionId}`;
  return (
    <section aria-labelledby={titleId} data-testid="model-images" className="rounded-md bg-slate-50 px-3 py-2 text-xs ring-1 ring-slate-200">
      <h3 id={titleId} className="font-semibold text-slate-700">
        Images for the model
      </h3>
      {q.isPending ? (
        <div aria-busy="true" aria-label="Checking which images go to the model" className="mt-1.5 h-3 w-2/3 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      ) : q.isError ? (
        <p className="mt-1 text-red-700">
          Couldn't check which images go to the model: {errorMessage(q.error)}{" "}
          <button type="button" onClick={() => void q.refetch()} className="font-medium underline focus-visible:outline-2 focus-visible:outline-indigo-500">
            Check again
          </button>
        </p>
      ) : q.data.items.length === 0 ? (
        <p className="mt-1 text-slate-500" data-testid="model-images-empty">
          No screenshots are attached to this session, so none go with the next {next}.
        </p>
      ) : (
        <Listing
          sessionId={sessionId}
          items={q.data.items}
          notice={q.data.notice || MODEL_IMAGES_NOTICE}
          model={q.data.model}
          accepts={q.data.accepts_images}
          next={next}
          canRemove={canRemove}
          resend={resend}
          onResendChange={onResendChange}
        />
      )}
    </section>
  );
}

function Listing({
  sessionId,
  items,
  notice,
  model,
  accepts,
  next,
  canRemove,
  resend,
  onResendChange,
}: {
  sessionId: string;
  items: ModelImage[];
  notice: string;
  model: string;
  accepts: boolean;
  next: string;
  canRemove: boolean;
  resend?: boolean;
  onResendChange?: (resend: boolean) => void;
}) {
  const seenBefore = items.some((i) => i.reason === "already_sent") || (resend === true && items.some((i) => i.will_send));
  const sending = items.filter((i) => i.will_send);
  const remove = useRemoveAttachment(sessionId);
  const [removing, setRemoving] = useState<ModelImage | null>(null);
  return (
    <>
      <p className="mt-1 text-slate-600">
        {sending.length === 0
          ? `No images go with the next ${next}${accepts ? "." : model === "offline" ? " (no model is in use)." : ` (${model} doesn't accept images).`}`
          : `${sending.length} ${sending.length === 1 ? "image goes" : "images go"} to ${model} with the next ${next}.`}
      </p>
      <ul className="mt-1.5 space-y-1" aria-label="Session images">
        {items.map((i) => (
          <li key={i.attachment_id} data-testid="model-image" className="flex items-start gap-2">
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-block size-2 shrink-0 rounded-full ${i.will_send ? "bg-indigo-500" : "bg-slate-300"}`}
            />
            <span className="min-w-0">
              <span className="font-medium break-all text-slate-800">{i.filename}</span>{" "}
              <span className="text-slate-500">({formatBytes(i.size)})</span>{" "}
              <span className={i.will_send ? "font-medium text-indigo-700" : "text-slate-500"}>
                {i.will_send ? "will be sent" : `not sent: ${i.reason_text ?? i.reason ?? ""}`}
              </span>
            </span>
            {canRemove && (
              <button
                type="button"
                aria-label={`Remove ${i.filename} from the session`}
                onClick={() => {
                  remove.reset();
                  setRemoving(i);
                }}
                className="ml-auto shrink-0 font-medium text-red-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {onResendChange && accepts && seenBefore && (
        <label className="mt-1.5 flex items-center gap-1.5 text-slate-700">
          <input type="checkbox" checked={resend ?? false} onChange={(e) => onResendChange(e.target.checked)} className="size-3.5 accent-indigo-600" />
          Send the images the model has already seen again
        </label>
      )}
      <p role="note" className="mt-1.5 rounded bg-amber-50 px-2 py-1 text-amber-900 ring-1 ring-amber-200">
        {notice}
      </p>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this image from the session?"
        confirmLabel="Remove"
        danger
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onConfirm={() => removing && remove.mutate(removing.attachment_id, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)}
      >
        <p>
          “{removing?.filename}” is deleted: it can no longer be downloaded and no model gets it. The timeline keeps a line saying it was removed.
        </p>
      </ConfirmDialog>
    </>
  );
}
