/** The flow editor: toolbar, palette, canvas or outline, side panel, problems, history. */
import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useBlocker } from "react-router";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { layoutGraph } from "@/lib/flow-graph/layout";
import { type EditorGraph, flowKindLabel, type GraphProblem } from "@/lib/flow-graph/types";
import { useCurrentUser } from "@/lib/current-user";
import { ApiError, errorMessage } from "@/lib/problem";
import { hasRole } from "@/lib/roles";
import { useAccount } from "../api/get-account";
import { usePublishFlow } from "../api/publish-flow";
import type { FlowRead } from "../api/types";
import { useAutosave } from "../hooks/use-autosave";
import { useLiveValidation } from "../hooks/use-live-validation";
import { hasUnsavedWork } from "../model/autosave-machine";
import { type ClipboardData, copySelection } from "../model/clipboard";
import { EditorStoreContext, useEditor, useEditorStoreApi } from "../model/editor-context";
import { createEditorStore } from "../model/editor-store";
import { commandFor, isCodeToggle } from "../model/shortcuts";
import { CodeView } from "./code-view";
import { ConflictBanner } from "./conflict-banner";
import { EditorCanvas } from "./editor-canvas";
import { EditorToolbar, type EditorView } from "./editor-toolbar";
import { HistoryPanel } from "./history-panel";
import { LibraryUpdatesBanner } from "./library-updates-banner";
import { OutlineView } from "./outline-view";
import { Palette } from "./palette";
import { problemCounts, ProblemsPanel } from "./problems-panel";
import { PublishDialog } from "./publish-dialog";
import { SaveStatus } from "./save-status";
import { SidePanel } from "./side-panel";

export function FlowEditor({ flow, graph }: { flow: FlowRead; graph: EditorGraph }) {
  const [store] = useState(() => createEditorStore(graph));
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorBody flow={flow} />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

function useCanPublish(): { allowed: boolean; reason: string | null } {
  const me = useCurrentUser();
  const account = useAccount();
  const role = me.data?.role;
  if (hasRole(role, "team_admin")) return { allowed: true, reason: null };
  if (hasRole(role, "engineer") && account.data?.engineers_can_publish) return { allowed: true, reason: null };
  return { allowed: false, reason: "Only team admins can publish in this account." };
}

function EditorBody({ flow }: { flow: FlowRead }) {
  const store = useEditorStoreApi();
  const toast = useToast();
  const autosave = useAutosave(store, flow.id, flow.draft_revision);
  const validation = useLiveValidation(store, flow.id);
  const problems = useEditor((s) => s.problems);
  const title = useEditor((s) => s.meta.title);
  const kind = useEditor((s) => s.meta.kind);
  const { errors, warnings } = useMemo(() => problemCounts(problems), [problems]);
  const [view, setView] = useState<EditorView>("canvas");
  /** The graphical view code mode returns to. */
  const [graphView, setGraphView] = useState<"canvas" | "outline">("canvas");
  const changeView = useCallback((v: EditorView) => {
    if (v !== "code") setGraphView(v);
    setView(v);
  }, []);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<string | null>(null);
  const [latestVersion, setLatestVersion] = useState(flow.latest_version);
  const publish = usePublishFlow(flow.id);
  const permission = useCanPublish();
  const canvasRef = useRef<HTMLDivElement>(null);
  const clipboard = useRef<{ data: ClipboardData; pastes: number } | null>(null);

  const blockedReason = !permission.allowed
    ? permission.reason
    : autosave.state.status === "conflict"
      ? "Resolve the save conflict first."
      : validation.status !== "done"
        ? "Waiting for the check to finish."
        : errors > 0
          ? `Fix ${errors === 1 ? "the error" : `the ${errors} errors`} first.`
          : null;

  const autoLayout = useCallback(() => {
    const s = store.getState();
    s.applyLayout(layoutGraph(s));
  }, [store]);

  // Keyboard shortcuts (never while typing in a field).
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (isCodeToggle(e)) {
        e.preventDefault();
        changeView(view === "code" ? graphView : "code");
        return;
      }
      const cmd = commandFor(e);
      if (!cmd) return;
      const s = store.getState();
      switch (cmd) {
        case "undo":
          e.preventDefault();
          s.undo();
          break;
        case "redo":
          e.preventDefault();
          s.redo();
          break;
        case "delete":
          if (s.selectedNodeIds.length + s.selectedEdgeIds.length > 0) {
            e.preventDefault();
            s.deleteSelection();
          }
          break;
        case "copy": {
          const data = copySelection(s.nodes, s.edges, new Set(s.selectedNodeIds));
          if (data) {
            e.preventDefault();
            clipboard.current = { data, pastes: 0 };
          }
          break;
        }
        case "paste":
          if (clipboard.current) {
            e.preventDefault();
            clipboard.current.pastes += 1;
            const d = 40 * clipboard.current.pastes;
            s.paste(clipboard.current.data, { x: d, y: d });
          }
          break;
        case "select-all":
          if (view === "canvas") {
            e.preventDefault();
            s.select(s.nodes.map((n) => n.id), s.edges.map((x) => x.id));
          }
          break;
        case "deselect":
          s.select([], []);
          break;
        case "save":
          e.preventDefault();
          void autosave.save();
          break;
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [store, view, graphView, changeView, autosave.save]);

  // Don't lose work by leaving: the browser's prompt on unload; in the app, save first or ask.
  const unsaved = hasUnsavedWork(autosave.state);
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [unsaved]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);
  const [askLeave, setAskLeave] = useState(false);
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    const status = autosave.state.status;
    if (status === "dirty" || status === "saving") {
      void autosave.flush().then((ok) => {
        if (ok) blocker.proceed();
        else setAskLeave(true);
      });
    } else {
      setAskLeave(true);
    }
  }, [blocker.state]);

  async function doPublish(note: string) {
    setPublishError(null);
    const saved = await autosave.flush();
    if (!saved) {
      setPublishError("The draft couldn't be saved, so it can't be published yet.");
      return;
    }
    publish.mutate(note, {
      onSuccess: ({ version }) => {
        setPublishing(false);
        setLatestVersion(version);
        toast.show(`Published v${version}`);
      },
      onError: (err) => {
        const listed = err instanceof ApiError ? err.problem.body?.problems : undefined;
        if (err instanceof ApiError && err.status === 422 && Array.isArray(listed)) {
          store.getState().setProblems(listed as GraphProblem[]);
          setPublishing(false);
          toast.show(`Can't publish yet: ${listed.length === 1 ? "1 problem needs" : `${listed.length} problems need`} fixing.`, "error");
        } else {
          setPublishError(errorMessage(err));
        }
      },
    });
  }

  return (
    <div className="flex h-full min-h-0 flex-col bg-slate-50">
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2">
        <div className="flex min-w-0 items-center gap-3">
          <Link to="/flows" className="text-sm text-slate-500 hover:text-slate-900">
            ← Flows
          </Link>
          <h1 className="max-w-[28ch] truncate text-base font-semibold text-slate-900" title={title}>
            {title || "Untitled flow"}
          </h1>
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{flowKindLabel(kind)}</span>
          <span className="text-xs text-slate-500">{latestVersion ? `Published v${latestVersion}` : "Draft only"}</span>
          <SaveStatus state={autosave.state} onRetry={() => void autosave.save()} />
          <Link to={`/flows/${flow.id}`} className="text-xs text-indigo-700 hover:underline">
            Preview
          </Link>
        </div>
        <EditorToolbar
          view={view}
          onView={changeView}
          onUndo={() => store.getState().undo()}
          onRedo={() => store.getState().redo()}
          onLayout={autoLayout}
          historyOpen={historyOpen}
          onHistory={() => setHistoryOpen((o) => !o)}
          errors={errors}
          warnings={warnings}
          onProblems={() => document.getElementById("editor-problems")?.querySelector("button")?.focus()}
          canPublish={blockedReason === null}
          publishBlockedReason={blockedReason}
          onPublish={() => {
            publish.reset();
            setPublishError(null);
            setPublishing(true);
          }}
        />
      </header>
      {autosave.state.status === "conflict" && (
        <ConflictBanner message={autosave.state.message} onReload={autosave.reloadTheirs} onOverwrite={autosave.overwrite} />
      )}
      <LibraryUpdatesBanner canEdit />
      <div className="flex min-h-0 flex-1">
        {view !== "code" && <Palette view={view} canvasRef={canvasRef} />}
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="min-h-0 flex-1">
            {view === "canvas" ? <EditorCanvas wrapperRef={canvasRef} /> : view === "outline" ? <OutlineView /> : <CodeView />}
          </div>
          <ProblemsPanel status={validation.status} error={validation.error} onGoTo={() => undefined} />
        </div>
        {historyOpen ? (
          <HistoryPanel
            flowId={flow.id}
            canRestore={permission.allowed}
            beforeCompare={autosave.flush}
            onRestored={(f) => autosave.adopt(f)}
            onClose={() => setHistoryOpen(false)}
          />
        ) : (
          <SidePanel flowId={flow.id} canEdit />
        )}
      </div>
      {publishing && (
        <PublishDialog
          nextVersion={(latestVersion ?? 0) + 1}
          warnings={warnings}
          pending={publish.isPending}
          error={publishError}
          onPublish={(note) => void doPublish(note)}
          onClose={() => setPublishing(false)}
        />
      )}
      <ConfirmDialog
        open={askLeave}
        title="Leave without saving?"
        confirmLabel="Leave anyway"
        danger
        onClose={() => {
          setAskLeave(false);
          if (blocker.state === "blocked") blocker.reset();
        }}
        onConfirm={() => {
          setAskLeave(false);
          if (blocker.state === "blocked") blocker.proceed();
        }}
      >
        <p>
          {autosave.state.status === "conflict"
            ? "Someone else saved this draft, so your latest changes were not saved."
            : "Your latest changes couldn't be saved."}{" "}
          If you leave now they are lost.
        </p>
      </ConfirmDialog>
    </div>
  );
}
