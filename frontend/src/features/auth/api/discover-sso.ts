/** GET /auth/sso/discover?email= — whether the email's domain signs in with single sign-on. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";

export type SsoDiscovery = ResponseBody<"/api/v1/auth/sso/discover", "get">;

/** Looks like an address worth asking about (something@domain.tld). */
export function looksLikeEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email);
}

export const ssoDiscoveryQuery = (email: string) =>
  queryOptions({
    queryKey: ["auth", "sso-discover", email.toLowerCase()],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/auth/sso/discover", { params: { query: { email } }, signal })),
    staleTime: 60_000,
  });

export function useSsoDiscovery(email: string) {
  return useQuery({ ...ssoDiscoveryQuery(email), enabled: looksLikeEmail(email) });
}

/** Where the "Sign in with …" button goes: the server redirects to the provider. */
export function ssoStartUrl(found: SsoDiscovery, email: string): string {
  return `${found.start_url ?? "/api/v1/auth/sso/start"}?email=${encodeURIComponent(email)}`;
}

/** What the sign-in page says for each `?sso_error=` code the callback sends back. */
export const SSO_ERRORS: Record<string, string> = {
  not_configured: "Single sign-on is not set up for this email's domain. Sign in with your password.",
  provider_unreachable: "The identity provider could not be reached. Try again in a moment.",
  provider_error: "The identity provider did not sign you in (the sign-in was cancelled or refused).",
  state_invalid: "This sign-in link is not valid. Start again.",
  state_expired: "The sign-in took too long. Start again.",
  state_replayed: "This sign-in was already used. Start again.",
  state_mismatch: "This sign-in was started in another browser. Start again here.",
  token_exchange_failed: "The identity provider refused to complete the sign-in. Ask your administrator to check the client ID and secret.",
  bad_signature: "The identity provider's answer was not signed correctly, so it was refused.",
  wrong_audience: "The identity provider's answer was meant for another application, so it was refused.",
  wrong_issuer: "The identity provider's answer came from another issuer, so it was refused.",
  token_expired: "The identity provider's answer had expired. Start again (and check this computer's clock).",
  bad_nonce: "The identity provider's answer did not match this sign-in. Start again.",
  invalid_token: "The identity provider's answer could not be read.",
  email_not_verified: "Your identity provider did not confirm your email address, so you cannot be signed in.",
  domain_not_allowed: "Your email's domain is not allowed to sign in to this account.",
  email_in_other_account: "Your email belongs to another ResolutionFlow account. Ask your administrator.",
  user_deactivated: "Your access has been deactivated. Ask your administrator.",
};

export function ssoErrorMessage(code: string): string {
  return SSO_ERRORS[code] ?? `Single sign-on failed (${code}).`;
}
