/**
 * Upload knowledge documents: a button and a drop zone (several files at once). Each file gets its
 * own row that says where it is — waiting, uploading and indexing, indexed with N chunks, or why
 * it was refused (the server's own words).
 */
import { type DragEvent, useCallback, useRef, useState } from "react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { plural } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { type UploadedDocument, useUploadDocument } from "../api/upload-document";
import { ACCEPTED_EXTENSIONS, formatBytes, MAX_UPLOAD_BYTES } from "../model/chunk-text";

type UploadStatus = "waiting" | "uploading" | "indexed" | "failed";

interface UploadItem {
  key: number;
  file: File;
  status: UploadStatus;
  doc?: UploadedDocument;
  error?: string;
}

// Extraction happens inside the request; two at a time keeps the server responsive.
const CONCURRENCY = 2;

export function UploadPanel() {
  const upload = useUploadDocument();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextKey = useRef(1);
  const dragDepth = useRef(0);

  const patch = useCallback((key: number, p: Partial<UploadItem>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...p } : i))), []);

  const queue = useRef<UploadItem[]>([]);
  const active = useRef(0);

  // Start waiting uploads while fewer than CONCURRENCY are running (called from events, never
  // from an effect, so a re-render can't start one twice).
  function pump() {
    while (active.current < CONCURRENCY && queue.current.length > 0) {
      const item = queue.current.shift()!;
      active.current += 1;
      patch(item.key, { status: "uploading" });
      upload
        .mutateAsync(item.file)
        .then(
          (doc) => patch(item.key, { status: doc.status === "failed" ? "failed" : "indexed", doc, error: doc.error ?? undefined }),
          (error: unknown) => patch(item.key, { status: "failed", error: errorMessage(error) }),
        )
        .finally(() => {
          active.current -= 1;
          pump();
        });
    }
  }

  function addFiles(files: FileList | File[]) {
    const added: UploadItem[] = Array.from(files).map((file) => {
      const key = nextKey.current++;
      if (file.size > MAX_UPLOAD_BYTES) {
        return { key, file, status: "failed", error: `This file is ${formatBytes(file.size)}; knowledge documents can be at most 16 MiB.` };
      }
      return { key, file, status: "waiting" };
    });
    if (added.length === 0) return;
    setItems((all) => [...added, ...all]);
    queue.current.push(...added.filter((i) => i.status === "waiting"));
    pump();
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    if (e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
  }

  const finished = items.some((i) => i.status === "indexed" || i.status === "failed");

  return (
    <section aria-label="Upload documents" className="space-y-3">
      <div
        data-testid="knowledge-dropzone"
        onDragEnter={(e) => {
          e.preventDefault();
          dragDepth.current += 1;
          setDragging(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => {
          dragDepth.current = Math.max(0, dragDepth.current - 1);
          if (dragDepth.current === 0) setDragging(false);
        }}
        onDrop={onDrop}
        className={cn(
          "flex flex-wrap items-center justify-between gap-3 rounded-lg border-2 border-dashed px-4 py-4 transition-colors",
          dragging ? "border-indigo-400 bg-indigo-50/60" : "border-slate-300 bg-white",
        )}
      >
        <div className="text-sm text-slate-600">
          <p className="font-medium text-slate-800">{dragging ? "Drop to upload" : "Drop files here to add them"}</p>
          <p className="text-xs text-slate-500">Markdown, text, HTML, PDF or DOCX · up to 16 MiB each</p>
        </div>
        <Button onClick={() => inputRef.current?.click()}>Upload documents</Button>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={ACCEPTED_EXTENSIONS.join(",")}
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="knowledge-file-input"
          onChange={(e) => {
            if (e.target.files) addFiles(e.target.files);
            e.target.value = "";
          }}
        />
      </div>

      {items.length > 0 && (
        <div className="space-y-2">
          <ul aria-label="Uploads" className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200">
            {items.map((i) => (
              <UploadRow key={i.key} item={i} />
            ))}
          </ul>
          {finished && (
            <Button variant="ghost" size="sm" onClick={() => setItems((all) => all.filter((i) => i.status === "waiting" || i.status === "uploading"))}>
              Clear finished uploads
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

function UploadRow({ item }: { item: UploadItem }) {
  return (
    <li className="flex flex-wrap items-start gap-x-3 gap-y-1 px-3 py-2 text-sm" data-testid="upload-row" data-status={item.status}>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-slate-900">{item.file.name}</span>
        <span className="text-xs text-slate-500">{formatBytes(item.file.size)}</span>
      </span>
      <span role="status" className="max-w-full text-right sm:max-w-[60%]">
        {item.status === "waiting" && <span className="text-slate-500">Waiting…</span>}
        {item.status === "uploading" && (
          <span className="inline-flex items-center gap-2 text-slate-600">
            <Spinner label="Uploading" /> Uploading and indexing…
          </span>
        )}
        {item.status === "indexed" && item.doc && (
          <span className="text-emerald-700">
            Indexed · {plural(item.doc.chunk_count, "chunk")} ·{" "}
            <Link to={`/knowledge/${item.doc.id}`} className="font-medium underline">
              Open
            </Link>
          </span>
        )}
        {item.status === "failed" && <span className="text-red-700">{item.error ?? "The upload failed."}</span>}
      </span>
    </li>
  );
}
