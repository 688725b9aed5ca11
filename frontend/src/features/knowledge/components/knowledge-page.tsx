/** /knowledge — the documents the copilot and ResolutionAssist answer from (everyone reads; team admins manage). */
import { useState } from "react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock, Spinner } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useHasRole } from "@/lib/use-role";
import { useDocuments } from "../api/list-documents";
import { formatBytes, formatLabel } from "../model/chunk-text";
import { DocumentActions } from "./document-actions";
import { DocumentStatusBadge } from "./document-status";
import { UploadPanel } from "./upload-panel";

export function KnowledgePage() {
  const isAdmin = useHasRole("team_admin");
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  const docs = useDocuments(q);
  const rows = docs.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <PageHeader
        title="Knowledge"
        description="Runbooks, KB articles and vendor guides. The copilot and ResolutionAssist answer from these documents and cite them."
      />
      <div className="max-w-6xl space-y-4">
        {isAdmin && <UploadPanel />}
        <div className="relative max-w-md">
          <Input
            type="search"
            aria-label="Search documents"
            placeholder="Search titles and file names…"
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="w-full pr-8"
          />
          {docs.isFetching && !docs.isPending && !docs.isFetchingNextPage && (
            <span className="absolute top-1/2 right-2 -translate-y-1/2">
              <Spinner label="Searching" />
            </span>
          )}
        </div>

        {docs.isPending ? (
          <LoadingBlock label="Loading documents" />
        ) : docs.isError ? (
          <ErrorState error={docs.error} onRetry={() => void docs.refetch()} title="Couldn't load the knowledge documents" />
        ) : rows.length === 0 ? (
          q ? (
            <EmptyState
              title="No documents match"
              action={
                <Button variant="secondary" onClick={() => setText("")}>
                  Clear search
                </Button>
              }
            >
              Search looks at titles and file names.
            </EmptyState>
          ) : (
            <EmptyState title="No knowledge documents yet">
              {isAdmin
                ? "Upload runbooks, KB articles or vendor guides (Markdown, text, HTML, PDF, DOCX); the copilot starts citing them right away."
                : "A team admin can upload runbooks, KB articles and vendor guides for the copilot to answer from."}
            </EmptyState>
          )
        ) : (
          <>
            <Table label="Knowledge documents">
              <THead>
                <Th>Document</Th>
                <Th>Status</Th>
                <Th className="text-right">Chunks</Th>
                <Th>Uploaded</Th>
                {isAdmin && <Th className="text-right">Actions</Th>}
              </THead>
              <TBody>
                {rows.map((d) => (
                  <Tr key={d.id} data-testid="knowledge-row">
                    <Td className="max-w-96">
                      <Link to={`/knowledge/${d.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                        {d.title}
                      </Link>
                      <p className="truncate text-xs text-slate-500">
                        {d.filename} · {formatLabel(d.format)} · {formatBytes(d.size)}
                      </p>
                    </Td>
                    <Td className="max-w-72">
                      <DocumentStatusBadge status={d.status} />
                      {d.status === "failed" && d.error && <p className="mt-1 text-xs text-red-700">{d.error}</p>}
                    </Td>
                    <Td className="text-right tabular-nums">{d.chunk_count}</Td>
                    <Td className="text-xs whitespace-nowrap text-slate-500">
                      {formatDateTime(d.created_at)}
                      {d.uploaded_by_name && <span className="block">{d.uploaded_by_name}</span>}
                    </Td>
                    {isAdmin && (
                      <Td>
                        <DocumentActions doc={d} />
                      </Td>
                    )}
                  </Tr>
                ))}
              </TBody>
            </Table>
            {docs.hasNextPage && (
              <div className="text-center">
                <Button variant="secondary" loading={docs.isFetchingNextPage} onClick={() => void docs.fetchNextPage()}>
                  Load more
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
