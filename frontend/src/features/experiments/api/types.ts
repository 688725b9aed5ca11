import type { RequestBody, ResponseBody } from "@/api/types";

export type Experiment = ResponseBody<"/api/v1/experiments/{experiment_id}", "get">;
export type ExperimentResults = Experiment["results"];
export type VariantResults = ExperimentResults["a"];
export type SignificanceTest = NonNullable<ExperimentResults["resolution_test"]>;
export type ExperimentCreate = RequestBody<"/api/v1/flows/{flow_id}/experiments", "post">;
export type Promote = "a" | "b" | null;
