/**
 * Type helpers that read request/response shapes off the generated `paths`, so code depends on
 * URLs and methods (the contract) rather than on the backend's schema class names.
 */
import type { paths } from "./schema";

type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type Json<X> = X extends { content: { "application/json": infer B } } ? B : never;
type Success<R> = R extends { 200: infer X } ? X : R extends { 201: infer X } ? X : never;

export type ResponseBody<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { responses: infer R } ? Json<Success<R>> : never;

export type RequestBody<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

export type QueryParams<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** Element type of a `{items: [...]}` list response. */
export type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;
