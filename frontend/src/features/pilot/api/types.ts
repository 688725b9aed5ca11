/** FlowPilot shapes read off the generated client (keyed by URL and method, like every feature). */
import type { RequestBody, ResponseBody } from "@/api/types";

export type SessionDetail = ResponseBody<"/api/v1/sessions/{session_id}", "get">;
export type PilotState = ResponseBody<"/api/v1/sessions/{session_id}/pilot", "get">;
export type PilotStep = PilotState["steps"][number];
export type PilotFact = PilotState["facts"][number];
export type PilotFix = PilotState["fixes"][number];
export type Triage = PilotState["triage"];
export type TriageField = keyof Triage;
export type Tier = PilotState["tier"];
export type StepAnswer = RequestBody<"/api/v1/sessions/{session_id}/pilot/steps/{step_id}/answer", "post">;
export type StepResult = ResponseBody<"/api/v1/sessions/{session_id}/pilot/steps/{step_id}/answer", "post">;
export type TriagePatch = RequestBody<"/api/v1/sessions/{session_id}/pilot/triage", "patch">;
export type FactPatch = RequestBody<"/api/v1/sessions/{session_id}/pilot/facts/{fact_id}", "patch">;
export type FixInput = RequestBody<"/api/v1/sessions/{session_id}/pilot/fixes", "post">;
export type FixPatch = RequestBody<"/api/v1/sessions/{session_id}/pilot/fixes/{fix_id}", "patch">;
export type ResolutionPackage = ResponseBody<"/api/v1/sessions/{session_id}/resolution-package", "get">;
