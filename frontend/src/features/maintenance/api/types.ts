/** Maintenance shapes read off the generated client (keyed by URL and method). */
import type { ItemOf, QueryParams, RequestBody, ResponseBody } from "@/api/types";

export type TargetListSummary = ItemOf<ResponseBody<"/api/v1/target-lists", "get">>;
export type TargetList = ResponseBody<"/api/v1/target-lists/{target_list_id}", "get">;
export type TargetListInput = RequestBody<"/api/v1/target-lists", "post">;
export type TargetInput = TargetListInput["targets"][number];
export type CsvPreview = ResponseBody<"/api/v1/target-lists/csv-preview", "post">;

export type Batch = ResponseBody<"/api/v1/maintenance/batches/{batch_id}", "get">;
export type BatchSummary = ItemOf<ResponseBody<"/api/v1/maintenance/batches", "get">>;
export type BatchItem = Batch["items"][number];
export type ItemStatus = BatchItem["status"];
export type BatchStatus = Batch["status"];
export type BatchCounts = Batch["counts"];
export type BatchListParams = QueryParams<"/api/v1/maintenance/batches", "get">;
export type LaunchBatchInput = RequestBody<"/api/v1/maintenance/batches", "post">;
export type Assignment = Batch["assignment"];

export type Schedule = ItemOf<ResponseBody<"/api/v1/maintenance/schedules", "get">>;
export type ScheduleInput = RequestBody<"/api/v1/maintenance/schedules", "post">;
export type ScheduleUpdate = RequestBody<"/api/v1/maintenance/schedules/{schedule_id}", "patch">;
export type AgendaEntry = ItemOf<ResponseBody<"/api/v1/maintenance/schedules/agenda", "get">>;
export type CronPreview = ResponseBody<"/api/v1/schedules/preview", "post">;

export type FlowOption = ItemOf<ResponseBody<"/api/v1/flows", "get">>;
export type Team = ItemOf<ResponseBody<"/api/v1/teams", "get">>;
export type TeamMember = ResponseBody<"/api/v1/teams/{team_id}", "get">["members"][number];
