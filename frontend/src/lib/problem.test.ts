import { describe, expect, it } from "vitest";
import { ApiError, errorMessage, fieldErrors, formMessage, parseProblem, parseRetryAfter, toProblem } from "./problem";

const headers = (h: Record<string, string> = {}) => new Headers(h);

describe("parseProblem", () => {
  it("reads an RFC 9457 problem with field errors", () => {
    const p = parseProblem(
      { status: 422, headers: headers() },
      {
        type: "https://resolutionflow.dev/problems/validation-error",
        title: "Validation failed",
        status: 422,
        detail: "Some fields are missing or invalid; see `errors`.",
        errors: [
          { loc: ["body", "email"], msg: "value is not a valid email address", type: "value_error" },
          { loc: ["body", "password"], msg: "Value error, Use at least 12 characters", type: "value_error" },
        ],
        request_id: "req-1",
      },
    );
    expect(p.status).toBe(422);
    expect(p.title).toBe("Validation failed");
    expect(p.requestId).toBe("req-1");
    expect(fieldErrors(p)).toEqual({
      email: "value is not a valid email address",
      password: "Use at least 12 characters",
    });
  });

  it("keys field errors by the last element of loc and joins repeats", () => {
    const p = parseProblem(
      { status: 422, headers: headers() },
      { errors: [{ loc: ["body", "items", 0, "name"], msg: "too short" }, { loc: ["body", "items", 1, "name"], msg: "empty" }, { loc: [], msg: "ignored" }] },
    );
    expect(fieldErrors(p)).toEqual({ name: "too short empty" });
  });

  it("reads Retry-After seconds on a 429 and builds the throttling message", () => {
    const p = parseProblem(
      { status: 429, headers: headers({ "Retry-After": "42" }) },
      { title: "Too many requests", status: 429, detail: "Too many sign-in attempts." },
    );
    expect(p.retryAfter).toBe(42);
    expect(formMessage(p)).toBe("Too many attempts, try again in 42 seconds.");
  });

  it("says '1 second', and copes with a 429 without Retry-After", () => {
    expect(formMessage(parseProblem({ status: 429, headers: headers({ "Retry-After": "1" }) }, null))).toBe(
      "Too many attempts, try again in 1 second.",
    );
    expect(formMessage(parseProblem({ status: 429, headers: headers() }, null))).toMatch(/^Too many attempts/);
  });

  it("falls back to a title when the body is empty or not JSON", () => {
    const p = parseProblem({ status: 404, headers: headers() }, undefined);
    expect(p.title).toBe("Not found");
    expect(p.detail).toBe("Not found");
    const html = parseProblem({ status: 502, headers: headers() }, "<html>Bad gateway</html>");
    expect(html.detail).toBe("Error 502");
  });

  it("understands FastAPI's default {detail: [...]} validation shape", () => {
    const p = parseProblem({ status: 422, headers: headers() }, { detail: [{ loc: ["body", "name"], msg: "Field required" }] });
    expect(fieldErrors(p)).toEqual({ name: "Field required" });
  });
});

describe("formMessage", () => {
  const p = parseProblem(
    { status: 422, headers: headers() },
    { detail: "see errors", errors: [{ loc: ["body", "email"], msg: "bad email" }, { loc: ["body", "team_id"], msg: "unknown team" }] },
  );

  it("points at the fields when every error is shown next to its field", () => {
    expect(formMessage(p, ["email", "team_id"])).toBe("Please correct the highlighted fields.");
  });

  it("folds errors for fields the form doesn't show into the message", () => {
    expect(formMessage(p, ["email"])).toBe("team_id: unknown team");
  });

  it("uses the detail when there are no field errors", () => {
    const conflict = parseProblem({ status: 409, headers: headers() }, { detail: "That would remove the last active team admin." });
    expect(formMessage(conflict)).toBe("That would remove the last active team admin.");
  });

  it("hides server internals on a 5xx but keeps the request id", () => {
    const err = parseProblem({ status: 500, headers: headers() }, { detail: "boom", request_id: "abc" });
    expect(formMessage(err)).toBe("Something went wrong on our side. Request id: abc.");
  });
});

describe("parseRetryAfter", () => {
  it("accepts delay-seconds and HTTP dates, rejects junk", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:01:00 GMT", now)).toBe(60);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe("toProblem / errorMessage", () => {
  it("unwraps ApiError and explains network failures", () => {
    const apiErr = new ApiError(parseProblem({ status: 403, headers: headers() }, { detail: "You can't change your own role." }));
    expect(toProblem(apiErr).status).toBe(403);
    expect(errorMessage(apiErr)).toBe("You can't change your own role.");
    expect(errorMessage(new TypeError("Failed to fetch"))).toMatch(/Can't reach the server/);
  });
});
