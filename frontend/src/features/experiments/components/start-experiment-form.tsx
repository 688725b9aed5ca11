/**
 * Starting an A/B test (team admins): variant B is the current draft or another published
 * version; the split is the share of new sessions that get B (default 50%).
 */
import { type FormEvent, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { FormError, SelectField } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import type { FlowRead } from "../api/get-flow";
import { useVersions } from "../api/list-versions";
import { useStartExperiment } from "../api/start-experiment";
import { SPLIT_MAX, SPLIT_MIN, splitError } from "../model/format";

type Source = "draft" | "version";
const SHOWN_FIELDS = ["split", "candidate_version", "use_draft"] as const;

/** The draft's publish problems, when the server refused it (`problems` on the 422). */
function draftProblems(error: unknown): string[] {
  const list = toProblem(error).body?.problems;
  if (!Array.isArray(list)) return [];
  return list.flatMap((p) => (p && typeof p === "object" && "message" in p && typeof p.message === "string" ? [p.message] : []));
}

export function StartExperimentForm({ flow }: { flow: FlowRead }) {
  const published = flow.latest_version;
  const versions = useVersions(flow.id, published !== null);
  const start = useStartExperiment(flow.id);
  const others = (versions.data?.items ?? []).filter((v) => v.number !== published);
  const [source, setSource] = useState<Source>(flow.has_unpublished_changes || others.length === 0 ? "draft" : "version");
  const [candidate, setCandidate] = useState<string>("");
  const [split, setSplit] = useState("50");
  const [touched, setTouched] = useState(false);
  const splitId = useId();
  const splitHint = `${splitId}-hint`;
  const splitErr = `${splitId}-error`;
  const splitInput = useRef<HTMLInputElement>(null);

  if (published === null) {
    return (
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
        This flow has no published version yet. Publish it first: the test runs the published version (A) against a candidate (B).
      </p>
    );
  }

  const problem = start.error ? toProblem(start.error) : null;
  const serverFields = problem ? fieldErrors(problem) : {};
  const localSplit = touched ? splitError(split) : null;
  const splitMessage = localSplit ?? serverFields.split;
  const candidateMessage =
    (touched && source === "version" && !candidate ? "Pick the version to run as B." : null) ?? serverFields.candidate_version;
  const draftMessage = source === "draft" ? (serverFields.use_draft ?? null) : null;
  const problems = start.error ? draftProblems(start.error) : [];

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (splitError(split)) {
      splitInput.current?.focus();
      return;
    }
    if (source === "version" && !candidate) return;
    const body = {
      ...(source === "draft" ? { use_draft: true } : { candidate_version: Number(candidate) }),
      split: Number(split) / 100,
    };
    start.mutate(body);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label="Start an A/B test">
      <p className="text-sm text-slate-600">
        Variant A is the published version <strong>v{published}</strong>. New sessions of this flow (started directly, or
        FlowPilot's accepted flow) are split between A and B; sessions keep their variant.
      </p>
      <RadioCards<Source>
        legend="Variant B"
        name="variant-b"
        value={source}
        onChange={(v) => {
          setSource(v);
          start.reset();
        }}
        options={[
          {
            value: "draft",
            label: "Use the current draft",
            description: flow.has_unpublished_changes
              ? "Published as a candidate version, frozen for the test; you can keep editing the draft."
              : "The draft has no unpublished changes yet.",
          },
          { value: "version", label: "A published version", description: "An earlier version, or an earlier test's candidate." },
        ]}
      />
      {draftMessage && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
          <p>{problem?.detail ?? draftMessage}</p>
          {problems.length > 0 && (
            <ul className="mt-1 list-disc pl-5" aria-label="Problems in the draft">
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
          <Link to={`/flows/${flow.id}/edit`} className="mt-1 inline-block font-medium text-red-800 underline">
            Open the editor
          </Link>
        </div>
      )}
      {source === "version" && (
        <SelectField
          label="Version to run as B"
          value={candidate}
          onChange={(e) => setCandidate(e.target.value)}
          error={candidateMessage ?? undefined}
          disabled={versions.isPending}
          hint={versions.isError ? "Couldn't load the versions." : others.length === 0 ? "There is no other version yet." : undefined}
        >
          <option value="">{versions.isPending ? "Loading versions…" : "Pick a version"}</option>
          {others.map((v) => (
            <option key={v.number} value={v.number}>
              v{v.number}
              {v.candidate ? " (candidate of an earlier test)" : ""}
              {v.change_note ? ` — ${v.change_note}` : ""}
            </option>
          ))}
        </SelectField>
      )}
      <div className="space-y-1">
        <label htmlFor={splitId} className="block text-sm font-medium text-slate-700">
          Share of new sessions that get B (%)
        </label>
        <div className="flex items-center gap-3">
          <input
            type="range"
            min={SPLIT_MIN}
            max={SPLIT_MAX}
            step={1}
            value={splitError(split) ? 50 : Number(split)}
            onChange={(e) => setSplit(e.target.value)}
            aria-label="Share of new sessions that get B (slider)"
            aria-valuetext={`${split}% to B`}
            className="w-56 accent-indigo-600"
          />
          <input
            ref={splitInput}
            id={splitId}
            type="number"
            inputMode="numeric"
            min={SPLIT_MIN}
            max={SPLIT_MAX}
            value={split}
            onChange={(e) => setSplit(e.target.value)}
            onBlur={() => setTouched(true)}
            aria-invalid={splitMessage ? true : undefined}
            aria-describedby={splitMessage ? splitErr : splitHint}
            className="block w-20 rounded-md border-0 bg-white px-2.5 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none aria-invalid:ring-red-400"
          />
        </div>
        {splitMessage ? (
          <p id={splitErr} className="text-xs text-red-600">
            {splitMessage}
          </p>
        ) : (
          <p id={splitHint} className="text-xs text-slate-500">
            {splitError(split) ? "" : `${100 - Number(split)}% of new sessions get A, ${split}% get B.`}
          </p>
        )}
      </div>
      <FormError message={problem && !draftMessage ? formMessage(problem, SHOWN_FIELDS) : null} />
      <Button type="submit" loading={start.isPending}>
        Start A/B test
      </Button>
    </form>
  );
}
