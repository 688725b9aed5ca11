/**
 * "From an article": a KB article (Markdown, text, HTML, DOCX, PDF) becomes a draft flow — its
 * numbered steps a procedure (offline), or its prose a troubleshooting tree (with a model) — and
 * the draft opens in the editor.
 */
import { type DragEvent, type FormEvent, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { RadioCards } from "@/components/ui/radio-cards";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { toProblem } from "@/lib/problem";
import { type ArticleMode, type FlowFromArticle, useFlowFromArticle } from "../api/flow-from-article";
import { ARTICLE_EXTENSIONS, articleFileProblem, formatBytes, isAbort } from "../model/generation";
import { DraftWithProblems, GenerationError, GenerationProgress } from "./generation-parts";

export function ArticleImportDialog({ onClose }: { onClose: () => void }) {
  const convert = useFlowFromArticle();
  const navigate = useNavigate();
  const toast = useToast();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const [mode, setMode] = useState<ArticleMode>("procedure");
  const [dragging, setDragging] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [draft, setDraft] = useState<FlowFromArticle | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const dragDepth = useRef(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const working = convert.isPending;
  const failure = convert.error && !isAbort(convert.error) ? toProblem(convert.error) : null;

  function choose(f: File | undefined) {
    if (!f) return;
    convert.reset();
    setCancelled(false);
    setFile(f);
    setFileError(articleFileProblem(f));
  }

  function open(flow: FlowFromArticle) {
    toast.show(`Draft “${flow.title}” created with ${flow.node_count} steps.`);
    navigate(`/flows/${flow.flow_id}/edit`);
  }

  function start() {
    setCancelled(false);
    if (!file) {
      setFileError("Choose an article first.");
      return;
    }
    if (fileError) return;
    const ctrl = new AbortController();
    controller.current = ctrl;
    convert.mutate(
      { file, mode, signal: ctrl.signal },
      {
        onSuccess: (flow) => (flow.problems.length > 0 ? setDraft(flow) : open(flow)),
        onSettled: () => {
          if (controller.current === ctrl) controller.current = null;
        },
      },
    );
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    start();
  }

  function cancel() {
    controller.current?.abort();
    controller.current = null;
    setCancelled(true);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    if (!working) choose(e.dataTransfer.files[0]);
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={working}
      title="Flow from an article"
      description="Turn a knowledge-base article into a draft flow to review in the editor."
      size="lg"
      footer={
        draft ? (
          <>
            <Button variant="secondary" onClick={onClose}>
              Close
            </Button>
            <Button onClick={() => open(draft)}>Open in editor</Button>
          </>
        ) : working ? (
          <Button variant="secondary" onClick={cancel}>
            Cancel
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" form="article-import-form">
              Create flow
            </Button>
          </>
        )
      }
    >
      {draft ? (
        <DraftWithProblems title={draft.title} problems={draft.problems} />
      ) : (
        <form id="article-import-form" onSubmit={onSubmit} noValidate className="space-y-4">
          <div
            data-testid="article-dropzone"
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
            <div className="min-w-0 text-sm text-slate-600">
              {file ? (
                <>
                  <p className="truncate font-medium text-slate-800" data-testid="article-file-name">
                    {file.name}
                  </p>
                  <p className="text-xs text-slate-500">{formatBytes(file.size)} · drop another file to replace it</p>
                </>
              ) : (
                <>
                  <p className="font-medium text-slate-800">{dragging ? "Drop to use this article" : "Drop an article here"}</p>
                  <p className="text-xs text-slate-500">Markdown, text, HTML, DOCX or PDF · up to 16 MiB</p>
                </>
              )}
            </div>
            <Button variant="secondary" onClick={() => inputRef.current?.click()} disabled={working}>
              {file ? "Choose another file" : "Choose a file"}
            </Button>
            <input
              ref={inputRef}
              type="file"
              accept={ARTICLE_EXTENSIONS.join(",")}
              className="sr-only"
              tabIndex={-1}
              aria-hidden="true"
              data-testid="article-file-input"
              onChange={(e) => {
                choose(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
          </div>
          {fileError && (
            <p role="alert" className="text-sm text-red-700">
              {fileError}
            </p>
          )}
          <label className="block text-sm">
            <span className="font-medium text-slate-700">Or paste the article</span>
            <textarea
              rows={5}
              disabled={working}
              value={pasted}
              onChange={(e) => {
                setPasted(e.target.value);
                // Pasted text is sent as a Markdown file, the same path as an upload.
                if (e.target.value.trim()) choose(new File([e.target.value], "pasted-article.md", { type: "text/markdown" }));
                else setFile(null);
              }}
              placeholder="Paste Markdown or plain text; numbered steps become the procedure's steps."
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs shadow-sm focus:border-indigo-500 focus:ring-indigo-500"
            />
          </label>
          <fieldset disabled={working}>
            <RadioCards<ArticleMode>
              legend="Turn it into"
              name="article-mode"
              value={mode}
              onChange={setMode}
              options={[
                { value: "procedure", label: "Procedure", description: "Numbered steps → checklist flow, works offline" },
                { value: "tree", label: "Troubleshooting tree", description: "Needs an AI model" },
              ]}
            />
          </fieldset>
          {working && (
            <GenerationProgress
              message={mode === "tree" ? "Designing the tree… the model checks and repairs its own draft." : "Reading the article and turning its steps into a procedure…"}
            />
          )}
          {!working && cancelled && (
            <p role="status" className="text-sm text-slate-600">
              Cancelled. If the server had nearly finished, the draft may still appear in the library.
            </p>
          )}
          {!working && !cancelled && failure && <GenerationError problem={failure} onRetry={start} />}
        </form>
      )}
    </Dialog>
  );
}
