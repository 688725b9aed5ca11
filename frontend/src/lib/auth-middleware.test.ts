// @vitest-environment node
import createClient from "openapi-fetch";
import { describe, expect, it, vi } from "vitest";
import { createAuthMiddleware, singleFlight } from "./auth-middleware";

type Handler = (req: Request) => Response | Promise<Response>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/**
 * A fake server: the access token "good-N" (N = current generation) is accepted, anything else
 * is a 401. `refresh()` moves to the next generation, like rotating tokens.
 */
function setup(opts: { refreshResult?: "ok" | "fail"; refreshDelayMs?: number } = {}) {
  let token: string | null = "good-0";
  let generation = 0;
  const seen: { url: string; auth: string | null; body: string }[] = [];
  const onSessionExpired = vi.fn(() => {
    token = null;
  });
  const refresh = vi.fn(async () => {
    if (opts.refreshDelayMs) await new Promise((r) => setTimeout(r, opts.refreshDelayMs));
    if (opts.refreshResult === "fail") return null;
    generation += 1;
    return `good-${generation}`;
  });
  let handler: Handler = async (req) => {
    const auth = req.headers.get("Authorization");
    if (auth !== `Bearer good-${generation}`) return json(401, { title: "Not signed in", status: 401, detail: "expired" });
    return json(200, { ok: true, path: new URL(req.url).pathname, body: req.method === "GET" ? null : await req.text() });
  };
  const fetchMock = vi.fn(async (input: Request) => {
    const req = input;
    seen.push({ url: new URL(req.url).pathname, auth: req.headers.get("Authorization"), body: req.method === "GET" ? "" : await req.clone().text() });
    return handler(req);
  });
  const client = createClient<Record<string, never>>({ baseUrl: "http://app.test", fetch: fetchMock as unknown as typeof fetch });
  const mw = createAuthMiddleware({
    getToken: () => token,
    refresh,
    onRefreshed: (t) => {
      token = t;
    },
    onSessionExpired,
  });
  client.use(mw);
  // The typed client is generic over paths; the tests use an untyped view of it.
  const c = client as unknown as {
    GET: (p: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    POST: (p: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  };
  return {
    c,
    refresh,
    onSessionExpired,
    seen,
    fetchMock,
    setToken: (t: string | null) => (token = t),
    expireServerSide: () => (generation += 100),
    setHandler: (h: Handler) => (handler = h),
    getToken: () => token,
  };
}

describe("singleFlight", () => {
  it("shares one in-flight call between concurrent callers and allows a new one afterwards", async () => {
    let calls = 0;
    const f = singleFlight(async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 5));
      return calls;
    });
    const [a, b] = await Promise.all([f(), f()]);
    expect([a, b]).toEqual([1, 1]);
    expect(await f()).toBe(2);
  });
});

describe("auth middleware", () => {
  it("adds the bearer token to requests", async () => {
    const s = setup();
    const res = await s.c.GET("/api/v1/me");
    expect(res.response.status).toBe(200);
    expect(s.seen[0]?.auth).toBe("Bearer good-0");
    expect(s.refresh).not.toHaveBeenCalled();
  });

  it("sends no Authorization header when there is no token", async () => {
    const s = setup();
    s.setToken(null);
    s.setHandler(() => json(200, {}));
    await s.c.GET("/api/v1/auth/invites/abc");
    expect(s.seen[0]?.auth).toBeNull();
  });

  it("on a 401 refreshes once and retries the request with the new token", async () => {
    const s = setup();
    s.expireServerSide(); // generation 100: good-0 is now rejected
    s.refresh.mockImplementationOnce(async () => "good-100");
    const res = await s.c.GET("/api/v1/me");
    expect(res.response.status).toBe(200);
    expect(s.refresh).toHaveBeenCalledTimes(1);
    expect(s.seen.map((r) => r.auth)).toEqual(["Bearer good-0", "Bearer good-100"]);
    expect(s.getToken()).toBe("good-100");
    expect(s.onSessionExpired).not.toHaveBeenCalled();
  });

  it("retries a POST with its original body", async () => {
    const s = setup();
    s.expireServerSide();
    s.refresh.mockImplementationOnce(async () => "good-100");
    const res = await s.c.POST("/api/v1/teams", { body: { name: "Service desk" } });
    expect(res.response.status).toBe(200);
    expect(s.seen).toHaveLength(2);
    expect(JSON.parse(s.seen[1]!.body)).toEqual({ name: "Service desk" });
  });

  it("refreshes only once when several requests fail with 401 at the same time", async () => {
    const s = setup({ refreshDelayMs: 20 });
    s.expireServerSide();
    s.refresh.mockImplementation(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return "good-100";
    });
    const results = await Promise.all([s.c.GET("/api/v1/me"), s.c.GET("/api/v1/teams"), s.c.GET("/api/v1/users")]);
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(s.refresh).toHaveBeenCalledTimes(1);
    expect(s.fetchMock).toHaveBeenCalledTimes(6);
  });

  it("does not refresh again for a request sent with a token that was already replaced", async () => {
    const s = setup();
    s.expireServerSide();
    // The first response is held back until after another request has refreshed.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let first = true;
    s.setHandler(async (req) => {
      const auth = req.headers.get("Authorization");
      if (first) {
        first = false;
        await gate;
      }
      return auth === "Bearer good-100" ? json(200, {}) : json(401, {});
    });
    s.refresh.mockImplementation(async () => "good-100");
    const slow = s.c.GET("/api/v1/me");
    await new Promise((r) => setTimeout(r, 0));
    const fast = await s.c.GET("/api/v1/teams");
    expect(fast.response.status).toBe(200);
    release();
    const slowRes = await slow;
    expect(slowRes.response.status).toBe(200);
    expect(s.refresh).toHaveBeenCalledTimes(1);
  });

  it("when the refresh fails: signals session expiry once, does not retry, returns the 401", async () => {
    const s = setup({ refreshResult: "fail" });
    s.expireServerSide();
    const results = await Promise.all([s.c.GET("/api/v1/me"), s.c.GET("/api/v1/teams")]);
    expect(results.map((r) => r.response.status)).toEqual([401, 401]);
    expect(s.refresh).toHaveBeenCalledTimes(1);
    expect(s.onSessionExpired).toHaveBeenCalledTimes(1);
    expect(s.fetchMock).toHaveBeenCalledTimes(2);
    expect(s.getToken()).toBeNull();
  });

  it("treats a refresh that throws (network error) as a failed refresh", async () => {
    const s = setup();
    s.expireServerSide();
    s.refresh.mockRejectedValueOnce(new TypeError("network down"));
    const res = await s.c.GET("/api/v1/me");
    expect(res.response.status).toBe(401);
    expect(s.onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it("does not loop when the retried request is rejected again", async () => {
    const s = setup();
    s.setHandler(() => json(401, {}));
    const res = await s.c.GET("/api/v1/me");
    expect(res.response.status).toBe(401);
    expect(s.refresh).toHaveBeenCalledTimes(1);
    expect(s.fetchMock).toHaveBeenCalledTimes(2);
  });

  it("never refreshes for the auth endpoints themselves (bad password is just a 401)", async () => {
    const s = setup();
    s.setHandler(() => json(401, { detail: "Wrong email or password." }));
    const res = await s.c.POST("/api/v1/auth/login", { body: { email: "a@b.c", password: "x" } });
    expect(res.response.status).toBe(401);
    expect(res.error).toEqual({ detail: "Wrong email or password." });
    expect(s.refresh).not.toHaveBeenCalled();
    expect(s.onSessionExpired).not.toHaveBeenCalled();
  });

  it("leaves non-401 errors alone", async () => {
    const s = setup();
    s.setHandler(() => json(403, { detail: "no" }));
    const res = await s.c.GET("/api/v1/users");
    expect(res.response.status).toBe(403);
    expect(s.refresh).not.toHaveBeenCalled();
  });
});
