/** Editing one node: type, title, Markdown body, the type's own fields, and its connections. */
import { useId, useState } from "react";
import { Markdown } from "@/components/markdown";
import { Button } from "@/components/ui/button";
import { Input, InputField, Select, SelectField } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import {
  type GraphNode,
  NODE_TYPE_LABELS,
  NODE_TYPES,
  type NodeType,
  OUTCOME_LABELS,
  OUTCOMES,
  type Outcome,
} from "@/lib/flow-graph/types";
import { useEditor, useEditorStoreApi } from "../model/editor-context";
import { LibrarySection } from "./library-section";
import { PanelHeading } from "./side-panel";
import { ScriptPicker } from "./script-picker";
import { SubflowPicker } from "./subflow-picker";

const VARIABLE_RE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function NodePanel({ node, flowId, canEdit }: { node: GraphNode; flowId: string; canEdit: boolean }) {
  const store = useEditorStoreApi();
  const isStart = useEditor((s) => s.start === node.id);
  const update = (patch: Partial<GraphNode>, key?: string) => store.getState().updateNode(node.id, patch, key);

  return (
    <div>
      <PanelHeading title={`${NODE_TYPE_LABELS[node.type]} · ${node.id}`}>
        {isStart ? (
          <span className="rounded bg-slate-800 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-white uppercase">Start</span>
        ) : (
          <Button variant="ghost" size="sm" onClick={() => store.getState().setStart(node.id)} disabled={!canEdit}>
            Set as start
          </Button>
        )}
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 hover:bg-red-50 hover:text-red-800"
          onClick={() => store.getState().deleteNodes([node.id])}
          disabled={!canEdit}
        >
          Delete<span className="sr-only"> node</span>
        </Button>
      </PanelHeading>
      <div className="space-y-4 px-4 py-3">
        <SelectField
          label="Type"
          value={node.type}
          hint="Changing the type keeps the id, title and body."
          onChange={(e) => store.getState().changeNodeType(node.id, e.target.value as NodeType)}
        >
          {NODE_TYPES.map((t) => (
            <option key={t} value={t}>
              {NODE_TYPE_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <InputField label="Node title" value={node.title} maxLength={200} onChange={(e) => update({ title: e.target.value }, "title")} />
        <BodyEditor value={node.body} onChange={(body) => update({ body }, "body")} />

        {node.type === "checklist" && <ChecklistItems items={node.items} onChange={(items, key) => update({ items }, key)} />}
        {node.type === "input" && (
          <>
            <InputField
              label="Variable"
              value={node.variable}
              maxLength={64}
              placeholder="error_code"
              error={node.variable && !VARIABLE_RE.test(node.variable) ? "Start with a letter; then letters, digits or _." : undefined}
              hint={
                <>
                  Later steps can show the captured value as <code>{`{{${node.variable || "name"}}}`}</code>.
                </>
              }
              onChange={(e) => update({ variable: e.target.value.replace(/\s+/g, "_") }, "variable")}
            />
            <SecretToggle
              secret={node.input_type === "secret"}
              disabled={!canEdit}
              onChange={(secret) => update({ input_type: secret ? "secret" : "text" })}
            />
          </>
        )}
        {node.type === "resolution" && (
          <SelectField label="Outcome" value={node.outcome} onChange={(e) => update({ outcome: e.target.value as Outcome })}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </SelectField>
        )}
        {node.type === "subflow" && (
          <SubflowPicker flowId={flowId} value={node.flow_id} onChange={(flow_id) => update({ flow_id })} />
        )}
        {node.type === "action" && <ScriptPicker value={node.script_id ?? null} disabled={!canEdit} onChange={(script_id) => update({ script_id })} />}
        <Connections node={node} />
        <LibrarySection node={node} canEdit={canEdit} />
      </div>
    </div>
  );
}

/** A password, PIN or key: the runner keeps it (masked), and nothing stores, shows or sends it. */
function SecretToggle({ secret, disabled, onChange }: { secret: boolean; disabled: boolean; onChange: (secret: boolean) => void }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={secret}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 size-4 shrink-0 accent-indigo-600"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          Secret (never shown or sent)
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          For passwords, PINs and keys: the runner masks the field and keeps the value in the browser for later steps; the timeline, ticket
          note, shares and the copilot only see “••• (secret captured)”.
        </p>
      </div>
    </div>
  );
}

function BodyEditor({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [tab, setTab] = useState<"write" | "preview">("write");
  const id = useId();
  const tabClass = (on: boolean) =>
    cn("rounded px-2 py-0.5 text-xs font-medium", on ? "bg-slate-200 text-slate-900" : "text-slate-500 hover:text-slate-800");
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between">
        <label htmlFor={`${id}-body`} className="text-sm font-medium text-slate-700">
          Body
        </label>
        <div role="tablist" aria-label="Editor mode" className="flex gap-1">
          <button type="button" role="tab" aria-selected={tab === "write"} aria-controls={`${id}-write`} className={tabClass(tab === "write")} onClick={() => setTab("write")}>
            Write
          </button>
          <button type="button" role="tab" aria-selected={tab === "preview"} aria-controls={`${id}-preview`} className={tabClass(tab === "preview")} onClick={() => setTab("preview")}>
            Preview
          </button>
        </div>
      </div>
      {tab === "write" ? (
        <div id={`${id}-write`} role="tabpanel">
          <textarea
            id={`${id}-body`}
            value={value}
            rows={6}
            maxLength={20000}
            onChange={(e) => onChange(e.target.value)}
            placeholder="Markdown: **bold**, `code`, lists, links…"
            className="block w-full rounded-md border-0 px-2.5 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
          />
        </div>
      ) : (
        <div id={`${id}-preview`} role="tabpanel" aria-label="Markdown preview" className="min-h-24 rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200 ring-inset">
          {value.trim() ? <Markdown source={value} /> : <p className="text-sm text-slate-400 italic">Nothing to preview.</p>}
        </div>
      )}
    </div>
  );
}

function ChecklistItems({ items, onChange }: { items: string[]; onChange: (items: string[], key?: string) => void }) {
  const [draft, setDraft] = useState("");
  const move = (i: number, d: number) => {
    const next = [...items];
    const [it] = next.splice(i, 1);
    next.splice(i + d, 0, it as string);
    onChange(next);
  };
  const add = () => {
    if (!draft.trim()) return;
    onChange([...items, draft.trim()]);
    setDraft("");
  };
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-slate-700">Checklist items</legend>
      {items.length === 0 && <p className="text-xs text-slate-500">No items yet.</p>}
      <ol className="space-y-1">
        {items.map((item, i) => (
          <li key={i} className="flex items-center gap-1">
            <span className="w-4 text-right text-xs text-slate-400">{i + 1}</span>
            <Input
              aria-label={`Item ${i + 1}`}
              value={item}
              maxLength={500}
              className="min-w-0 flex-1 py-1 text-xs"
              onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)), `item-${i}`)}
            />
            <IconButton label={`Move item ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </IconButton>
            <IconButton label={`Move item ${i + 1} down`} disabled={i === items.length - 1} onClick={() => move(i, 1)}>
              ↓
            </IconButton>
            <IconButton label={`Remove item ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              ✕
            </IconButton>
          </li>
        ))}
      </ol>
      <div className="flex gap-1">
        <Input
          aria-label="New item"
          placeholder="New item"
          value={draft}
          className="min-w-0 flex-1 py-1 text-xs"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="secondary" size="sm" onClick={add} disabled={!draft.trim() || items.length >= 100}>
          Add item
        </Button>
      </div>
    </fieldset>
  );
}

export function IconButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="grid size-6 shrink-0 place-items-center rounded text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-300 disabled:hover:bg-transparent"
    >
      {children}
    </button>
  );
}

function Connections({ node }: { node: GraphNode }) {
  const store = useEditorStoreApi();
  const edges = useEditor((s) => s.edges);
  const nodes = useEditor((s) => s.nodes);
  const outgoing = edges.filter((e) => e.source === node.id);
  const titleOf = (id: string) => {
    const n = nodes.find((x) => x.id === id);
    return n ? n.title || `Untitled ${NODE_TYPE_LABELS[n.type].toLowerCase()} (${n.id})` : `${id} (missing)`;
  };
  const candidates = nodes.filter((n) => n.id !== node.id && !outgoing.some((e) => e.target === n.id));
  const [target, setTarget] = useState("");
  const [answer, setAnswer] = useState("");
  const selectId = useId();
  const isQuestion = node.type === "question";
  const terminal = node.type === "resolution";

  const add = () => {
    if (!target) return;
    const id = store.getState().connect(node.id, target, isQuestion ? answer.trim() : "");
    if (id) {
      setTarget("");
      setAnswer("");
    }
  };

  return (
    <section aria-label="Connections" className="space-y-2 border-t border-slate-100 pt-3">
      <h3 className="text-sm font-medium text-slate-700">{isQuestion ? "Answers" : "Next step"}</h3>
      {terminal && outgoing.length === 0 && <p className="text-xs text-slate-500">A resolution ends the flow; it has no next step.</p>}
      {outgoing.length > 0 && (
        <ul className="space-y-1">
          {outgoing.map((e) => (
            <li key={e.id} className="flex items-center gap-1 text-xs">
              {isQuestion ? (
                <Input
                  aria-label={`Answer to ${titleOf(e.target)}`}
                  value={e.label}
                  placeholder="Answer"
                  maxLength={200}
                  className="w-24 py-1 text-xs"
                  onChange={(ev) => store.getState().updateEdge(e.id, { label: ev.target.value }, "label")}
                />
              ) : null}
              <button
                type="button"
                className="min-w-0 flex-1 truncate rounded px-1 py-1 text-left text-slate-700 hover:bg-slate-100"
                onClick={() => store.getState().select([], [e.id])}
                title="Select this connection"
              >
                → {titleOf(e.target)}
                {!isQuestion && e.label ? ` (“${e.label}”)` : ""}
              </button>
              <IconButton label={`Go to ${titleOf(e.target)}`} onClick={() => store.getState().focusNode(e.target)}>
                ↗
              </IconButton>
              <IconButton label={`Remove connection to ${titleOf(e.target)}`} onClick={() => store.getState().deleteEdges([e.id])}>
                ✕
              </IconButton>
            </li>
          ))}
        </ul>
      )}
      {!terminal && (
        <div className="space-y-1.5 rounded-md bg-slate-50 p-2 ring-1 ring-slate-200 ring-inset">
          <label htmlFor={selectId} className="block text-xs font-medium text-slate-600">
            Connect to
          </label>
          <Select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)} className="w-full py-1 text-xs">
            <option value="">Choose a node…</option>
            {candidates.map((n) => (
              <option key={n.id} value={n.id}>
                {titleOf(n.id)} · {NODE_TYPE_LABELS[n.type]}
              </option>
            ))}
          </Select>
          {isQuestion && (
            <Input
              aria-label="New answer"
              placeholder="Answer, e.g. Yes"
              value={answer}
              maxLength={200}
              className="w-full py-1 text-xs"
              onChange={(e) => setAnswer(e.target.value)}
            />
          )}
          <Button size="sm" variant="secondary" onClick={add} disabled={!target}>
            Add connection
          </Button>
        </div>
      )}
    </section>
  );
}
