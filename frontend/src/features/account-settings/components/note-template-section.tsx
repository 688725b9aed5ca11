/**
 * "Ticket note template": the seven sections in order (include, heading, move up/down), a header
 * and a footer, and a live preview of a sample session rendered with the unsaved draft.
 */
import { useId, useMemo, useRef, useState } from "react";
import { Markdown } from "@/components/markdown";
import { Button } from "@/components/ui/button";
import { FormError, TextareaField } from "@/components/ui/input";
import { LoadingBlock, Spinner } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { formMessage, toProblem } from "@/lib/problem";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { type NoteTemplate, type SectionKey, useNoteTemplate, useNoteTemplatePreview, useSaveNoteTemplate } from "../api/note-template";
import {
  defaultHeading,
  defaultTemplate,
  HEADING_MAX,
  isValid,
  moveSection,
  normalise,
  sameTemplate,
  setEnabled,
  setHeading,
  TEXT_MAX,
  templateErrors,
} from "../model/note-template";

export const PREVIEW_DELAY_MS = 400;

export function NoteTemplateSection() {
  const template = useNoteTemplate();
  const titleId = useId();

  return (
    <section aria-labelledby={titleId} className="space-y-4">
      <div>
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          Ticket note template
        </h2>
        <p className="text-xs text-slate-500">
          Which sections the ticket note has, in what order and under which headings, for every session in the account.
        </p>
      </div>
      {template.isPending ? (
        <LoadingBlock label="Loading the note template" />
      ) : template.isError ? (
        <ErrorState error={template.error} onRetry={() => void template.refetch()} title="Couldn't load the note template" />
      ) : (
        <TemplateEditor saved={template.data} />
      )}
    </section>
  );
}

function TemplateEditor({ saved }: { saved: NoteTemplate }) {
  const [draft, setDraft] = useState<NoteTemplate>(saved);
  const save = useSaveNoteTemplate();
  const toast = useToast();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const errors = useMemo(() => templateErrors(draft), [draft]);
  const valid = isValid(errors);
  const clean = useMemo(() => normalise(draft), [draft]);
  const dirty = !sameTemplate(clean, saved);
  const isDefault = sameTemplate(clean, defaultTemplate());
  const problem = save.error ? toProblem(save.error) : null;

  // Preview only what the server would accept; an invalid draft keeps the last preview.
  const debounced = useDebouncedValue(valid ? clean : null, PREVIEW_DELAY_MS);
  const preview = useNoteTemplatePreview(debounced);

  function edit(next: NoteTemplate) {
    setDraft(next);
    if (save.isError) save.reset();
  }

  function move(index: number, delta: -1 | 1) {
    const key = draft.sections[index]?.key;
    const sections = moveSection(draft.sections, index, delta);
    edit({ ...draft, sections });
    if (!key) return;
    // Keep focus on the row that moved; at either end, on its other button.
    const target = index + delta;
    const dir = target === 0 ? "down" : target === sections.length - 1 ? "up" : delta < 0 ? "up" : "down";
    requestAnimationFrame(() => buttons.current.get(`${key}:${dir}`)?.focus());
  }

  function onSave() {
    if (!valid || !dirty) return;
    save.mutate(clean, {
      onSuccess: (result) => {
        setDraft(result);
        toast.show("Note template saved.");
      },
    });
  }

  const registerButton = (id: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(id, el);
    else buttons.current.delete(id);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        <FormError message={problem ? formMessage(problem, []) : null} />
        <ol aria-label="Note sections" className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {draft.sections.map((s, i) => {
            const name = defaultHeading(s.key);
            const error = errors.headings[s.key];
            return (
              <SectionRow
                key={s.key}
                sectionKey={s.key}
                name={name}
                heading={s.heading}
                enabled={s.enabled}
                error={error}
                first={i === 0}
                last={i === draft.sections.length - 1}
                onToggle={(enabled) => edit({ ...draft, sections: setEnabled(draft.sections, s.key, enabled) })}
                onHeading={(heading) => edit({ ...draft, sections: setHeading(draft.sections, s.key, heading) })}
                onMove={(delta) => move(i, delta)}
                registerButton={registerButton}
              />
            );
          })}
        </ol>
        <TextareaField
          label="Note header"
          hint="Markdown, above the first section (e.g. your ticket boilerplate). Optional."
          rows={2}
          maxLength={TEXT_MAX}
          value={draft.header}
          error={errors.header}
          onChange={(e) => edit({ ...draft, header: e.target.value })}
        />
        <TextareaField
          label="Note footer"
          hint="Markdown, after the last section. Optional."
          rows={2}
          maxLength={TEXT_MAX}
          value={draft.footer}
          error={errors.footer}
          onChange={(e) => edit({ ...draft, footer: e.target.value })}
        />
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={onSave} loading={save.isPending} disabled={!valid || !dirty}>
            Save template
          </Button>
          <Button
            variant="secondary"
            disabled={isDefault || save.isPending}
            title="Fill in the default sections and headings (save to keep them)"
            onClick={() => edit(defaultTemplate())}
          >
            Reset to default
          </Button>
          <span className="text-xs text-slate-500" aria-live="polite">
            {dirty ? "Unsaved changes" : ""}
          </span>
        </div>
      </div>
      <TemplatePreview markdown={preview.data} pending={preview.isPending && debounced !== null} fetching={preview.isFetching} error={preview.error} onRetry={() => void preview.refetch()} />
    </div>
  );
}

function SectionRow({
  sectionKey,
  name,
  heading,
  enabled,
  error,
  first,
  last,
  onToggle,
  onHeading,
  onMove,
  registerButton,
}: {
  sectionKey: SectionKey;
  name: string;
  heading: string;
  enabled: boolean;
  error: string | undefined;
  first: boolean;
  last: boolean;
  onToggle: (enabled: boolean) => void;
  onHeading: (heading: string) => void;
  onMove: (delta: -1 | 1) => void;
  registerButton: (id: string) => (el: HTMLButtonElement | null) => void;
}) {
  const id = useId();
  return (
    <li className={cn("flex items-start gap-3 px-3 py-2.5", !enabled && "bg-slate-50")} data-section={sectionKey}>
      <input
        id={`${id}-include`}
        type="checkbox"
        className="mt-2 size-4 rounded border-slate-300 accent-indigo-600"
        aria-label={`Include ${name}`}
        checked={enabled}
        onChange={(e) => onToggle(e.target.checked)}
      />
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor={`${id}-include`} className="block text-xs font-medium text-slate-500">
          {name}
        </label>
        <input
          aria-label={`Heading for ${name}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={heading}
          maxLength={HEADING_MAX + 20}
          onChange={(e) => onHeading(e.target.value)}
          className={cn(
            "block w-full rounded-md border-0 bg-white px-2.5 py-1 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none",
            !enabled && "text-slate-400",
            error && "ring-red-400",
          )}
        />
        {error && (
          <p id={`${id}-error`} className="text-xs text-red-600">
            {error}
          </p>
        )}
      </div>
      <div className="mt-1 flex gap-0.5">
        <MoveButton label={`Move ${name} up`} disabled={first} onClick={() => onMove(-1)} buttonRef={registerButton(`${sectionKey}:up`)} path="M8 3.5 3.5 8l1 1L7.3 6.2V12.5h1.4V6.2L11.5 9l1-1z" />
        <MoveButton label={`Move ${name} down`} disabled={last} onClick={() => onMove(1)} buttonRef={registerButton(`${sectionKey}:down`)} path="M8 12.5 12.5 8l-1-1-2.8 2.8V3.5H7.3v6.3L4.5 7l-1 1z" />
      </div>
    </li>
  );
}

function MoveButton({
  label,
  disabled,
  onClick,
  buttonRef,
  path,
}: {
  label: string;
  disabled: boolean;
  onClick: () => void;
  buttonRef: (el: HTMLButtonElement | null) => void;
  path: string;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:text-slate-300 disabled:hover:bg-transparent"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-current">
        <path d={path} />
      </svg>
    </button>
  );
}

function TemplatePreview({
  markdown,
  pending,
  fetching,
  error,
  onRetry,
}: {
  markdown: string | undefined;
  pending: boolean;
  fetching: boolean;
  error: Error | null;
  onRetry: () => void;
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} aria-busy={fetching || undefined} className="flex min-h-64 flex-col rounded-md ring-1 ring-slate-200">
      <div className="flex items-center gap-2 border-b border-slate-100 px-3 py-2">
        <h3 id={titleId} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Template preview
        </h3>
        <span className="text-xs text-slate-400">a sample session, not yet saved</span>
        {fetching && <Spinner label="Updating preview" className="ml-auto" />}
      </div>
      <div className="max-h-[36rem] flex-1 overflow-y-auto px-4 py-3">
        {error && markdown === undefined ? (
          <ErrorState error={error} onRetry={onRetry} title="Couldn't render the preview" />
        ) : markdown === undefined ? (
          pending ? <LoadingBlock label="Rendering preview" /> : <p className="text-sm text-slate-500">Fix the highlighted fields to see a preview.</p>
        ) : (
          <Markdown source={markdown} highlightRedactions className="[&_h1]:text-base [&_h2]:mt-3 [&_h2]:text-sm [&_h3]:text-sm" />
        )}
      </div>
    </section>
  );
}
