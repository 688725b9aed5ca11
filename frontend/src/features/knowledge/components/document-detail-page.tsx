/** /knowledge/:id — one document's metadata and its chunks, as the copilot retrieves and cites them. */
import type { ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { formatDateTime, plural } from "@/lib/format";
import { useHasRole } from "@/lib/use-role";
import { type Chunk, useDocument } from "../api/get-document";
import { chunkBlocks, formatBytes, formatLabel } from "../model/chunk-text";
import { DocumentActions } from "./document-actions";
import { DocumentStatusBadge } from "./document-status";

export function DocumentDetailPage() {
  const { id = "" } = useParams();
  const doc = useDocument(id);
  const isAdmin = useHasRole("team_admin");
  const navigate = useNavigate();

  const back = (
    <Link to="/knowledge" className="text-sm font-medium text-indigo-700 hover:underline">
      ← Knowledge
    </Link>
  );

  if (doc.isPending) return <LoadingBlock label="Loading document" />;
  if (doc.isError) {
    return (
      <div className="space-y-4">
        {back}
        <ErrorState error={doc.error} onRetry={() => void doc.refetch()} title="Couldn't load this document" />
      </div>
    );
  }

  const d = doc.data;
  return (
    <div className="max-w-5xl space-y-5">
      {back}
      <PageHeader
        title={d.title}
        description={`${d.filename} · ${formatLabel(d.format)} · ${formatBytes(d.size)}`}
        actions={isAdmin ? <DocumentActions doc={d} onDeleted={() => navigate("/knowledge", { replace: true })} /> : undefined}
      />
      <p className="text-sm text-slate-600">
        The copilot and ResolutionAssist search these chunks and cite the document when an answer uses one.
      </p>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-6" aria-label="Document details">
        <Meta label="Status">
          <DocumentStatusBadge status={d.status} />
        </Meta>
        <Meta label="Chunks">{d.chunk_count}</Meta>
        <Meta label="Characters">{d.char_count.toLocaleString()}</Meta>
        <Meta label="Uploaded by">{d.uploaded_by_name ?? "—"}</Meta>
        <Meta label="Uploaded">{formatDateTime(d.created_at)}</Meta>
        <Meta label="Indexed">{formatDateTime(d.indexed_at)}</Meta>
      </dl>
      {d.status === "failed" && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
          This document couldn't be read{d.error ? `: ${d.error}` : "."}
        </div>
      )}

      <section aria-labelledby="chunks-title" className="space-y-3">
        <h2 id="chunks-title" className="text-sm font-semibold text-slate-900">
          {plural(d.chunks.length, "chunk")}
        </h2>
        {d.chunks.length === 0 ? (
          <EmptyState title="No chunks">{d.status === "failed" ? "Nothing could be extracted from the file." : "The document has no text."}</EmptyState>
        ) : (
          <ol aria-label="Chunks" className="space-y-3">
            {d.chunks.map((c) => (
              <ChunkItem key={c.ordinal} chunk={c} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function ChunkItem({ chunk }: { chunk: Chunk }) {
  return (
    <li className="rounded-lg bg-white ring-1 ring-slate-200" data-testid="chunk">
      <div className="flex flex-wrap items-baseline gap-2 border-b border-slate-100 px-4 py-2">
        <span className="font-mono text-xs text-slate-400">#{chunk.ordinal + 1}</span>
        <h3 className="text-sm font-semibold text-slate-800">{chunk.heading ?? "Untitled section"}</h3>
        {chunk.page != null && <span className="ml-auto text-xs text-slate-500">Page {chunk.page}</span>}
      </div>
      <div className="space-y-2 px-4 py-3 text-sm leading-relaxed text-slate-700">
        {chunkBlocks(chunk.text).map((b, i) =>
          b.kind === "code" ? (
            <pre key={i} className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs leading-5 text-slate-100">
              <code>{b.code}</code>
            </pre>
          ) : (
            <p key={i} className="whitespace-pre-line">
              {b.text}
            </p>
          ),
        )}
      </div>
    </li>
  );
}
