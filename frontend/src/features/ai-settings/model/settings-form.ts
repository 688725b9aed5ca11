/**
 * The AI settings form's draft: built from what the server holds, compared against it, and turned
 * into a PUT body with only the fields that changed (the API key only when one was typed or removed).
 */
import type { AIProvider, AISettings } from "../api/get-ai-settings";
import type { AISettingsInput } from "../api/save-ai-settings";

/** "inherit" = no account choice (`provider: null`): the installation default applies. */
export type ProviderChoice = AIProvider | "inherit";

export interface SettingsDraft {
  provider: ProviderChoice;
  baseUrl: string;
  /** A newly typed key; empty keeps the saved one. Never filled from the server. */
  apiKey: string;
  removeKey: boolean;
  fastModel: string;
  deepModel: string;
  budget: string;
}

export const PROVIDER_LABELS: Record<AIProvider, string> = {
  offline: "Offline engine",
  anthropic: "Anthropic",
  openai: "OpenAI-compatible",
};

export function providerLabel(p: string): string {
  return p in PROVIDER_LABELS ? PROVIDER_LABELS[p as AIProvider] : p;
}

// Mirrors DEFAULT_MODELS in src/resolutionflow/ai/settings.py: used when nothing names a model.
const DEFAULT_MODELS: Record<Exclude<AIProvider, "offline">, { fast: string; deep: string }> = {
  anthropic: { fast: "claude-haiku-4-5", deep: "claude-sonnet-4-6" },
  openai: { fast: "gpt-4o-mini", deep: "gpt-4o" },
};

export function draftFrom(s: AISettings): SettingsDraft {
  return {
    provider: s.provider ?? "inherit",
    baseUrl: s.base_url ?? "",
    apiKey: "",
    removeKey: false,
    fastModel: s.fast_model ?? "",
    deepModel: s.deep_model ?? "",
    budget: s.monthly_budget_usd ?? "",
  };
}

/**
 * The provider the draft would use (before the "no key → offline" rule). "inherit" means whatever
 * the administrator provides, which the API does not describe beyond that.
 */
export function resolvedProvider(draft: SettingsDraft): ProviderChoice {
  return draft.provider;
}

/** The model an empty field falls back to, for the placeholder. */
export function modelPlaceholder(draft: SettingsDraft, tier: "fast" | "deep"): string {
  const provider = resolvedProvider(draft);
  if (provider !== "anthropic" && provider !== "openai") return "offline";
  return DEFAULT_MODELS[provider][tier];
}

const BUDGET_RE = /^\d{1,7}(\.\d{1,2})?$/;

/** Client-side checks the server would also make; field name → message. */
export function validateDraft(draft: SettingsDraft): Partial<Record<"monthly_budget_usd" | "base_url", string>> {
  const out: Partial<Record<"monthly_budget_usd" | "base_url", string>> = {};
  const budget = draft.budget.trim();
  if (budget && (!BUDGET_RE.test(budget) || Number(budget) > 1_000_000)) {
    out.monthly_budget_usd = "Enter an amount in US dollars, e.g. 50 or 12.50 (at most 1,000,000).";
  }
  const url = draft.baseUrl.trim();
  if (url && !/^https?:\/\/[^/\s]+/i.test(url)) {
    out.base_url = "Enter an http(s) URL, e.g. https://api.openai.com/v1";
  }
  return out;
}

const sameBudget = (a: string, b: string) => (a.trim() === "" || b.trim() === "" ? a.trim() === b.trim() : Number(a) === Number(b));

/** The PUT body: only the fields that differ from `saved`. Empty text means "inherit" (null). */
export function changesBetween(saved: SettingsDraft, draft: SettingsDraft): AISettingsInput {
  const body: AISettingsInput = {};
  if (draft.provider !== saved.provider) body.provider = draft.provider === "inherit" ? null : draft.provider;
  const text = (a: string) => a.trim() || null;
  if (text(draft.baseUrl) !== text(saved.baseUrl)) body.base_url = text(draft.baseUrl);
  if (text(draft.fastModel) !== text(saved.fastModel)) body.fast_model = text(draft.fastModel);
  if (text(draft.deepModel) !== text(saved.deepModel)) body.deep_model = text(draft.deepModel);
  if (!sameBudget(draft.budget, saved.budget)) body.monthly_budget_usd = text(draft.budget);
  if (draft.removeKey) body.api_key = "";
  else if (draft.apiKey.trim()) body.api_key = draft.apiKey.trim();
  return body;
}

export function isDirty(saved: SettingsDraft, draft: SettingsDraft): boolean {
  return Object.keys(changesBetween(saved, draft)).length > 0;
}

/** "$12.34" from a decimal string; "—" for nothing. */
export function formatUsd(value: string | null | undefined, digits = 2): string {
  if (value == null || value === "") return "—";
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  return n.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 4) });
}
