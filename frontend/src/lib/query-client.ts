/** The app's single TanStack Query client. */
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./problem";

export function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not get better by asking again; network blips and 5xx might.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
