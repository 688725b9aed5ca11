import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, endSession, unwrap } from "@/api/client";
import type { ItemOf, ResponseBody } from "@/api/types";

/** One signed-in device or browser (a sign-in kept alive by refreshing). */
export type SignIn = ItemOf<ResponseBody<"/api/v1/me/sessions", "get">>;

const SIGN_INS_KEY = ["me", "sign-ins"] as const;

export const signInsQuery = queryOptions({
  queryKey: SIGN_INS_KEY,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/me/sessions", { signal })),
});

export function useSignIns() {
  return useQuery(signInsQuery);
}

/** Signs one device out; signing out this device ends the session here too. */
export function useSignOutDevice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (signIn: SignIn) => {
      await unwrap(
        api.DELETE("/api/v1/me/sessions/{sign_in_id}", { params: { path: { sign_in_id: signIn.id } } }),
      );
      return signIn;
    },
    onSuccess: (signIn) => {
      if (signIn.current) endSession("signed-out");
      else void qc.invalidateQueries({ queryKey: SIGN_INS_KEY });
    },
  });
}

export function useSignOutOthers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/me/sessions/revoke-others", { body: {} })),
    onSuccess: () => qc.invalidateQueries({ queryKey: SIGN_INS_KEY }),
  });
}
