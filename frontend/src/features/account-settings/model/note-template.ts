/**
 * Editing the ticket note template: pure list operations (reorder, toggle, rename) and the same
 * checks the server makes, so the editor can explain a problem before saving.
 */
import type { NoteTemplate, SectionKey, TemplateSection } from "../api/note-template";

export const SECTION_KEYS = ["summary", "context", "steps", "notes", "resolution", "follow_ups", "time"] as const satisfies readonly SectionKey[];

export const DEFAULT_HEADINGS: Record<SectionKey, string> = {
  summary: "Problem summary",
  context: "Environment and ticket",
  steps: "Steps performed",
  notes: "Notes and command output",
  resolution: "Resolution",
  follow_ups: "Follow-ups",
  time: "Time spent",
};

export const HEADING_MAX = 100;
export const TEXT_MAX = 2000;

/** The default heading names a row in labels ("Include Problem summary") so they never change while typing. */
export function defaultHeading(key: SectionKey): string {
  return DEFAULT_HEADINGS[key] ?? key;
}

export function defaultTemplate(): NoteTemplate {
  return {
    sections: SECTION_KEYS.map((key) => ({ key, heading: DEFAULT_HEADINGS[key], enabled: true })),
    header: "",
    footer: "",
  };
}

/** Moves the row at `index` one place up (-1) or down (+1); out of range returns the list unchanged. */
export function moveSection(sections: readonly TemplateSection[], index: number, delta: -1 | 1): TemplateSection[] {
  const target = index + delta;
  if (index < 0 || index >= sections.length || target < 0 || target >= sections.length) return [...sections];
  const next = [...sections];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function setEnabled(sections: readonly TemplateSection[], key: SectionKey, enabled: boolean): TemplateSection[] {
  return sections.map((s) => (s.key === key ? { ...s, enabled } : s));
}

export function setHeading(sections: readonly TemplateSection[], key: SectionKey, heading: string): TemplateSection[] {
  return sections.map((s) => (s.key === key ? { ...s, heading } : s));
}

/** Headings are saved trimmed (the server rejects empty ones). */
export function normalise(template: NoteTemplate): NoteTemplate {
  return { ...template, sections: template.sections.map((s) => ({ ...s, heading: s.heading.trim() })) };
}

export interface TemplateErrors {
  headings: Partial<Record<SectionKey, string>>;
  header?: string;
  footer?: string;
}

export function templateErrors(template: NoteTemplate): TemplateErrors {
  const headings: TemplateErrors["headings"] = {};
  for (const s of template.sections) {
    const h = s.heading.trim();
    if (!h) headings[s.key] = "A heading can't be empty.";
    else if (h.length > HEADING_MAX) headings[s.key] = `At most ${HEADING_MAX} characters.`;
    else if (/[\u0000-\u001f]/.test(h)) headings[s.key] = "A heading can't contain tabs or line breaks.";
  }
  const errors: TemplateErrors = { headings };
  if (template.header.length > TEXT_MAX) errors.header = `At most ${TEXT_MAX} characters.`;
  if (template.footer.length > TEXT_MAX) errors.footer = `At most ${TEXT_MAX} characters.`;
  return errors;
}

export function isValid(errors: TemplateErrors): boolean {
  return Object.keys(errors.headings).length === 0 && !errors.header && !errors.footer;
}

export function sameTemplate(a: NoteTemplate, b: NoteTemplate): boolean {
  return (
    a.header === b.header &&
    a.footer === b.footer &&
    a.sections.length === b.sections.length &&
    a.sections.every((s, i) => {
      const o = b.sections[i]!;
      return s.key === o.key && s.heading === o.heading && s.enabled === o.enabled;
    })
  );
}
