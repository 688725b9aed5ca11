/**
 * A fake API behind `fetch` for tests: JSON answers, a fake signed-in person, and the stub itself.
 * Tests only (see `render.tsx`); no app modules are imported here, so component tests can use it too.
 */
import { vi } from "vitest";

/** A JSON answer; 4xx/5xx are `application/problem+json`, a 204 has no body. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
  });
}

/** A `text/markdown` answer (a session's documentation). */
export function markdown(text: string): Response {
  return new Response(text, { status: 200, headers: { "Content-Type": "text/markdown" } });
}

/** A `text/event-stream` answer that stays open; the test writes to it with `send`, `heartbeat` and `close`. */
export function eventStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } }),
    send(name: string, data: unknown) {
      controller.enqueue(encoder.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`));
    },
    heartbeat() {
      controller.enqueue(encoder.encode(": keep-alive\n\n"));
    },
    close() {
      controller.close();
    },
  };
}

export const ME_ID = "00000000-0000-0000-0000-000000000001";
export const ACCOUNT_ID = "00000000-0000-0000-0000-0000000000aa";

/** The body of `GET /api/v1/me`. */
export interface FakeUser {
  id: string;
  email: string;
  name: string;
  role: string;
  account_id: string;
  account_name: string;
  is_active: boolean;
  created_at: string;
  last_login_at: string | null;
  teams: { id: string; name: string }[];
}

/** A signed-in person: Erin Engineer unless overridden. */
export function fakeUser(overrides: Partial<FakeUser> = {}): FakeUser {
  return {
    id: ME_ID,
    email: "eng@example.com",
    name: "Erin Engineer",
    role: "engineer",
    account_id: ACCOUNT_ID,
    account_name: "Acme MSP",
    is_active: true,
    created_at: "2026-01-01T00:00:00Z",
    last_login_at: null,
    teams: [],
    ...overrides,
  };
}

/** Lee Lead, a team admin (`role` and the rest can be overridden). */
export function fakeLead(overrides: Partial<FakeUser> = {}): FakeUser {
  return fakeUser({ email: "lead@example.com", name: "Lee Lead", role: "team_admin", ...overrides });
}

/** The team admin most admin-page tests sign in as. */
export const TEAM_ADMIN = fakeLead({ last_login_at: "2026-01-02T00:00:00Z" });

export const SESSION_ID = "11111111-1111-1111-1111-111111111111";

/**
 * The body of `GET /api/v1/sessions/{id}`: Erin's active session "Sam can't connect", no flow, no ticket.
 * Pass `last_seq` and `timeline` (and anything else that differs) as overrides.
 */
export function fakeSession(overrides: Record<string, unknown> = {}) {
  return {
    id: SESSION_ID,
    title: "Sam can't connect",
    status: "active",
    owner_id: ME_ID,
    owner_name: "Erin Engineer",
    flow_id: null,
    flow_title: null,
    flow_version: null,
    ticket_id: null,
    current_node: null,
    current_step: null,
    flow_outcome: null,
    variables: {},
    outcome: null,
    summary: "",
    active_seconds: 42,
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    ended_at: null,
    ...overrides,
  };
}

export interface ApiRequest {
  /** The request as the app sent it (relative URLs resolved against http://localhost). */
  input: Request;
  url: URL;
  /** `"<METHOD> <pathname>"`, e.g. `"GET /api/v1/me"`. */
  route: string;
}

/** Answers a request, or returns `undefined` to leave it to the defaults. */
export type ApiHandler = (req: ApiRequest) => Response | undefined | Promise<Response | undefined>;

/**
 * Replaces `fetch` with a fake API. Each request goes to `handle` first; what it leaves is answered
 * by the defaults: with a user, `POST /auth/refresh` returns a token (so the app signs in on start)
 * and `GET /me` returns the user (a function is asked on every request); without one (`null`),
 * the refresh is refused with a 401. Anything else is a 404 `no route <route>`.
 */
export function stubApi(me: object | (() => object) | null, handle: ApiHandler = () => undefined): void {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (raw: RequestInfo | URL, init?: RequestInit) => {
      const input = raw instanceof Request ? raw : new Request(new URL(String(raw), "http://localhost"), init);
      const url = new URL(input.url);
      const route = `${input.method} ${url.pathname}`;
      const answer = await handle({ input, url, route });
      if (answer) return answer;
      if (route === "POST /api/v1/auth/refresh") {
        return me ? json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 }) : json(401, { detail: "Not signed in." });
      }
      if (route === "GET /api/v1/me" && me) return json(200, typeof me === "function" ? me() : me);
      return json(404, { detail: `no route ${route}` });
    }),
  );
}

/** A promise resolved from outside, to hold a response until the test lets it go. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
