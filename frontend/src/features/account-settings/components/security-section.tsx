import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { type Security, useSaveSecurity, useSecurity } from "../api/security";

type Preset = "default" | "strict" | "workday" | "custom";

const PRESETS: Record<Exclude<Preset, "custom">, { idle: number | null; absolute: number | null }> = {
  default: { idle: null, absolute: null },
  strict: { idle: 30, absolute: 8 },
  workday: { idle: 8 * 60, absolute: 7 * 24 },
};

const OPTIONS = [
  { value: "default", label: "Default", description: "Signed out after 14 days without use; no overall limit." },
  { value: "strict", label: "30 minutes / 8 hours", description: "Idle 30 minutes; at most 8 hours per sign-in." },
  { value: "workday", label: "8 hours / 7 days", description: "Idle 8 hours; at most 7 days per sign-in." },
  { value: "custom", label: "Custom", description: "Choose your own limits." },
] as const;

function presetOf(s: Security): Preset {
  for (const [name, p] of Object.entries(PRESETS)) {
    if (p.idle === s.idle_minutes && p.absolute === s.absolute_hours) return name as Preset;
  }
  return "custom";
}

/** Account settings → Security: how long a sign-in may sit unused and how long it may live. */
export function SecuritySection() {
  const security = useSecurity();
  return (
    <section className="space-y-4" aria-labelledby="security-title">
      <h2 id="security-title" className="text-sm font-semibold text-slate-900">
        Sign-in timeouts
      </h2>
      {security.isPending ? (
        <LoadingBlock label="Loading sign-in timeouts" />
      ) : security.isError ? (
        <ErrorState error={security.error} onRetry={() => void security.refetch()} />
      ) : (
        <SecurityForm saved={security.data} />
      )}
    </section>
  );
}

function SecurityForm({ saved }: { saved: Security }) {
  const [preset, setPreset] = useState<Preset>(presetOf(saved));
  const [idle, setIdle] = useState(saved.idle_minutes?.toString() ?? "");
  const [absolute, setAbsolute] = useState(saved.absolute_hours?.toString() ?? "");
  const save = useSaveSecurity();
  const toast = useToast();
  const problem = save.error ? toProblem(save.error) : null;
  const errors = problem ? fieldErrors(problem) : {};

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body =
      preset === "custom"
        ? { idle_minutes: idle.trim() ? Number(idle) : null, absolute_hours: absolute.trim() ? Number(absolute) : null }
        : { idle_minutes: PRESETS[preset].idle, absolute_hours: PRESETS[preset].absolute };
    save.mutate(body, { onSuccess: () => toast.show("Sign-in timeouts saved. They apply at each device's next refresh.") });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">
        People are signed out after a while without use (idle), and at the latest a fixed time after signing in
        (absolute).
      </p>
      <FormError message={problem ? formMessage(problem, ["idle_minutes", "absolute_hours"]) : null} />
      <RadioCards
        legend="Timeouts"
        name="security-preset"
        options={OPTIONS}
        value={preset}
        onChange={(next) => {
          setPreset(next);
          save.reset();
        }}
      />
      {preset === "custom" && (
        <div className="grid gap-4 md:grid-cols-2">
          <InputField
            label="Idle timeout (minutes)"
            type="number"
            inputMode="numeric"
            min={5}
            max={20160}
            value={idle}
            onChange={(e) => setIdle(e.target.value)}
            hint={`5 to 20160; empty for the default (${saved.default_idle_minutes} minutes).`}
            error={errors.idle_minutes}
          />
          <InputField
            label="Absolute lifetime (hours)"
            type="number"
            inputMode="numeric"
            min={1}
            max={8760}
            value={absolute}
            onChange={(e) => setAbsolute(e.target.value)}
            hint="1 to 8760; empty for no limit. Must be longer than the idle timeout."
            error={errors.absolute_hours}
          />
        </div>
      )}
      <Button type="submit" loading={save.isPending}>
        Save timeouts
      </Button>
    </form>
  );
}
