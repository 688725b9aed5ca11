/**
 * GET/PUT /account/branding (heading colour, footer line) and PUT/DELETE/GET
 * /account/branding/logo (PNG or JPEG bytes as the body) — how exported PDFs look.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, unwrap } from "@/api/client";
import type { RequestBody, ResponseBody } from "@/api/types";
import { ApiError, parseProblem } from "@/lib/problem";

export type Branding = ResponseBody<"/api/v1/account/branding", "get">;
export type BrandingInput = RequestBody<"/api/v1/account/branding", "put">;

export const brandingKey = ["account", "branding"] as const;

export const brandingQuery = queryOptions({
  queryKey: brandingKey,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/account/branding", { signal })),
  staleTime: 60_000,
});

export function useBranding() {
  return useQuery(brandingQuery);
}

export function useSaveBranding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BrandingInput) => unwrap(api.PUT("/api/v1/account/branding", { body })),
    onSuccess: (saved) => qc.setQueryData(brandingKey, saved),
  });
}

export async function uploadLogo(file: File): Promise<Branding> {
  const { data, error, response } = await api.PUT("/api/v1/account/branding/logo", {
    // The raw bytes; the server checks the type by content and re-encodes the image.
    body: file as unknown as string,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { "Content-Type": file.type || "application/octet-stream" },
  });
  if (!response.ok || !data) throw new ApiError(parseProblem(response, error));
  return data;
}

export function useUploadLogo() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: uploadLogo, onSuccess: (saved) => qc.setQueryData(brandingKey, saved) });
}

export function useRemoveLogo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/account/branding/logo", {})),
    onSuccess: (saved) => qc.setQueryData(brandingKey, saved),
  });
}

/** The stored logo as an object URL (the API needs the bearer token, which an <img src> can't
 * send). `url` changes with every upload, which refetches it. */
export function useLogoUrl(url: string | null | undefined): string | null {
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!url) {
      setObjectUrl(null);
      return;
    }
    let cancelled = false;
    let made: string | null = null;
    void api
      .GET("/api/v1/account/branding/logo", { parseAs: "blob" })
      .then(({ data, response }) => {
        if (cancelled || !response.ok || !data) return;
        made = URL.createObjectURL(data as Blob);
        setObjectUrl(made);
      })
      .catch(() => setObjectUrl(null));
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [url]);
  return objectUrl;
}
