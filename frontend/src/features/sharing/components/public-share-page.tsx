/**
 * `/s/:token` — a public link, outside the signed-in shell: the session's redacted ticket note and
 * nothing else. The note is rendered from its Markdown by the shared, sanitising Markdown component.
 */
import type { ReactNode } from "react";
import { useParams } from "react-router";
import { Markdown } from "@/components/markdown";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { formatDate } from "@/lib/format";
import { ApiError } from "@/lib/problem";
import { usePublicShare } from "../api/get-public-share";
import { CopyButton } from "./copy-button";

const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

function Shell({ children }: { children: ReactNode }) {
  return (
    <main className="min-h-screen px-4 py-10">
      <div className="mx-auto w-full max-w-3xl">
        <div className="mb-6 flex items-center gap-2">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-md bg-indigo-600 text-sm font-bold text-white">
            R
          </span>
          <span className="text-base font-semibold tracking-tight text-slate-900">ResolutionFlow</span>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
      </div>
    </main>
  );
}

export function Unavailable() {
  return (
    <section aria-labelledby="share-gone" className="py-6 text-center">
      <h1 id="share-gone" className="text-lg font-semibold text-slate-900">
        This link is no longer available.
      </h1>
      <p className="mt-2 text-sm text-slate-500">It may have expired or been revoked. Ask whoever sent it for a new one.</p>
    </section>
  );
}

export function PublicSharePage() {
  const { token = "" } = useParams();
  const valid = TOKEN.test(token);
  return <Shell>{valid ? <PublicNote token={token} /> : <Unavailable />}</Shell>;
}

function PublicNote({ token }: { token: string }) {
  const share = usePublicShare(token);
  if (share.isPending) return <LoadingBlock label="Loading the shared note" />;
  if (share.isError) {
    if (share.error instanceof ApiError && (share.error.status === 404 || share.error.status === 422)) return <Unavailable />;
    return <ErrorState error={share.error} onRetry={() => void share.refetch()} title="Couldn't load the shared note" />;
  }
  const { title, note_markdown, note_text, shared_at, expires_at } = share.data;
  return (
    <article aria-labelledby="share-title">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 pb-4">
        <div>
          <h1 id="share-title" className="text-lg font-semibold text-slate-900">
            {title}
          </h1>
          <p className="mt-1 text-sm text-slate-500">
            Shared {formatDate(shared_at)} · redacted
            {expires_at && <> · link expires {formatDate(expires_at)}</>}
          </p>
        </div>
        <CopyButton text={note_text} />
      </div>
      <div data-testid="shared-note" className="pt-4">
        <Markdown source={note_markdown} />
      </div>
    </article>
  );
}
