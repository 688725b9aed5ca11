import { useEffect, useState } from "react";
import { InputField, SelectField, TextareaField } from "@/components/ui/input";
import { FLOW_KIND_LABELS, FLOW_KINDS, type FlowKind } from "@/lib/flow-graph/types";
import { plural } from "@/lib/format";
import { useEditor, useEditorStoreApi } from "../model/editor-context";
import { PanelHeading } from "./side-panel";

export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(",")) {
    const t = raw.trim();
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}

export function FlowSettingsPanel() {
  const store = useEditorStoreApi();
  const meta = useEditor((s) => s.meta);
  const nodeCount = useEditor((s) => s.nodes.length);
  const edgeCount = useEditor((s) => s.edges.length);
  // Tags are edited as text so a trailing comma doesn't vanish while typing.
  const [tagText, setTagText] = useState(meta.tags.join(", "));
  useEffect(() => {
    if (parseTags(tagText).join("\u0000") !== meta.tags.join("\u0000")) setTagText(meta.tags.join(", "));
    // Only when the tags change from elsewhere (undo, reload).
  }, [meta.tags]);

  return (
    <div>
      <PanelHeading title="Flow settings" />
      <div className="space-y-4 px-4 py-3">
        <p className="text-xs text-slate-500">
          {plural(nodeCount, "node")}, {plural(edgeCount, "connection")}. Select a node or connection to edit it.
        </p>
        <InputField
          label="Flow title"
          value={meta.title}
          maxLength={200}
          error={meta.title.trim() ? undefined : "Give the flow a title; drafts without one can't be saved."}
          onChange={(e) => store.getState().setMeta({ title: e.target.value }, "title")}
        />
        <TextareaField
          label="Description"
          value={meta.description}
          rows={3}
          onChange={(e) => store.getState().setMeta({ description: e.target.value }, "description")}
        />
        <SelectField label="Kind" value={meta.kind} onChange={(e) => store.getState().setMeta({ kind: e.target.value as FlowKind })}>
          {FLOW_KINDS.map((k) => (
            <option key={k} value={k}>
              {FLOW_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <InputField
          label="Category"
          value={meta.category}
          maxLength={100}
          placeholder="e.g. Email"
          onChange={(e) => store.getState().setMeta({ category: e.target.value }, "category")}
        />
        <InputField
          label="Tags"
          value={tagText}
          placeholder="outlook, m365"
          hint="Separate tags with commas."
          onChange={(e) => {
            setTagText(e.target.value);
            store.getState().setMeta({ tags: parseTags(e.target.value) }, "tags");
          }}
        />
      </div>
    </div>
  );
}
