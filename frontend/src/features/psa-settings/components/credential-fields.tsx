/** The selected PSA's credentials, drawn from its `fields`: secrets are write-only password boxes. */
import { InputField } from "@/components/ui/input";
import type { PsaSettings } from "../api/get-psa-settings";
import type { PsaField, PsaProviderInfo } from "../api/list-psa-providers";
import { type PsaDraft, secretSaved } from "../model/settings-form";
import { DiscoverHelper } from "./discover-helper";

const INPUT_TYPE: Record<PsaField["kind"], string> = { text: "text", secret: "password", url: "url" };

export function CredentialFields({
  provider,
  draft,
  saved,
  errors,
  onChange,
}: {
  provider: PsaProviderInfo;
  draft: PsaDraft;
  /** The connection saved for this scope (null when there is none yet). */
  saved: PsaSettings | null;
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
}) {
  const hasBaseUrl = provider.fields.some((f) => f.name === "base_url");
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        {provider.fields.map((f) => {
          const isSaved = secretSaved(saved, draft, f);
          return (
            <div key={f.name} data-testid={`psa-field-${f.name}`} data-saved={f.kind === "secret" ? isSaved : undefined}>
              <InputField
                label={f.label}
                name={f.name}
                type={INPUT_TYPE[f.kind]}
                inputMode={f.kind === "url" ? "url" : undefined}
                autoComplete={f.kind === "secret" ? "new-password" : "off"}
                spellCheck={false}
                required={f.required && !isSaved}
                placeholder={isSaved ? "••••••••  (saved)" : f.placeholder}
                value={draft.values[f.name] ?? ""}
                onChange={(e) => onChange(f.name, e.target.value)}
                hint={isSaved ? "Saved — leave blank to keep." : f.help || undefined}
                error={errors[f.name]}
              />
            </div>
          );
        })}
      </div>
      {provider.supports_discovery && hasBaseUrl && (
        <DiscoverHelper companyId={draft.values.company_id ?? ""} onFound={(url) => onChange("base_url", url)} />
      )}
    </div>
  );
}
