/** The API's shapes this feature reads, named once (from the generated schema). */
import type { ItemOf, RequestBody, ResponseBody } from "@/api/types";

export type Proposal = ResponseBody<"/api/v1/proposals/{proposal_id}", "get">;
export type ProposalPage = ResponseBody<"/api/v1/proposals", "get">;
export type ProposalCounts = ResponseBody<"/api/v1/proposals/counts", "get">;
export type Evidence = Proposal["evidence"][number];
export type ProposalComment = NonNullable<Proposal["comments"]>[number];
export type Approved = ResponseBody<"/api/v1/proposals/{proposal_id}/approve", "post">;
export type Gap = ItemOf<ResponseBody<"/api/v1/knowledge/gaps", "get">>;
export type GapDraftIn = RequestBody<"/api/v1/knowledge/gaps/draft", "post">;
export type GapDrafted = ResponseBody<"/api/v1/knowledge/gaps/draft", "post">;
export type StepFlag = ItemOf<ResponseBody<"/api/v1/steps/flags", "get">>;
export type FlowVersion = ResponseBody<"/api/v1/flows/{flow_id}/versions/{number}", "get">;
export type Job = ResponseBody<"/api/v1/jobs/{job_id}", "get">;
