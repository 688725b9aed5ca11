/**
 * An action step's script: its risk, parameters pre-filled from what the session captured (and a
 * maintenance target's fields), and Copy, which renders it through the API and records "Ran
 * script" on the timeline. The output goes back as command output, through the composer.
 */
import { ScriptRunPanel } from "@/components/scripts/script-run-panel";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/problem";
import { knownValues, useScript } from "@/lib/scripts";

export function StepScript({ scriptId, sessionId, variables }: { scriptId: string; sessionId: string; variables: Record<string, string> }) {
  const script = useScript(scriptId);
  if (script.isPending) return <Spinner label="Loading the step's script" />;
  if (script.isError)
    return (
      <p role="alert" className="text-sm text-amber-800">
        This step's script can't be shown: {errorMessage(script.error)}
      </p>
    );
  return <ScriptRunPanel key={scriptId} script={script.data} sessionId={sessionId} known={knownValues(script.data.params, variables)} title={`Script: ${script.data.title}`} />;
}
