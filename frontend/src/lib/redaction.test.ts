import { describe, expect, it } from "vitest";
import { countMarkers, describeFindings, formatRedactionSummary, splitByFindings, splitMarkers } from "./redaction";

const join = (segs: { text: string }[]) => segs.map((s) => s.text).join("");

describe("splitByFindings", () => {
  it("splits plain text around each finding, in order", () => {
    const text = "password=hunter2 key AKIAABCDEFGHIJKLMNOP end";
    const findings = [
      { kind: "aws_access_key", start: 21, end: 41 },
      { kind: "password", start: 9, end: 16 },
    ];
    const segs = splitByFindings(text, findings);
    expect(segs).toEqual([
      { text: "password=", kind: null },
      { text: "hunter2", kind: "password" },
      { text: " key ", kind: null },
      { text: "AKIAABCDEFGHIJKLMNOP", kind: "aws_access_key" },
      { text: " end", kind: null },
    ]);
    expect(join(segs)).toBe(text);
  });

  it("handles findings at the edges and no findings", () => {
    expect(splitByFindings("secret", [{ kind: "token", start: 0, end: 6 }])).toEqual([{ text: "secret", kind: "token" }]);
    expect(splitByFindings("plain", [])).toEqual([{ text: "plain", kind: null }]);
    expect(splitByFindings("", [])).toEqual([]);
  });

  it("folds overlaps, drops empty spans and clamps out-of-range offsets", () => {
    const text = "abcdefghij";
    const segs = splitByFindings(text, [
      { kind: "a", start: 2, end: 5 },
      { kind: "b", start: 4, end: 7 },
      { kind: "c", start: 8, end: 8 },
      { kind: "d", start: 9, end: 99 },
    ]);
    expect(segs).toEqual([
      { text: "ab", kind: null },
      { text: "cdefg", kind: "a" },
      { text: "hi", kind: null },
      { text: "j", kind: "d" },
    ]);
    expect(join(segs)).toBe(text);
  });

  it("reads offsets as code points, so an emoji before a secret doesn't shift it", () => {
    // Python counts "🔥" as one character; JavaScript as two UTF-16 units.
    const text = "🔥 pw hunter2";
    const segs = splitByFindings(text, [{ kind: "password", start: 5, end: 12 }]);
    expect(segs).toEqual([
      { text: "🔥 pw ", kind: null },
      { text: "hunter2", kind: "password" },
    ]);
  });
});

describe("splitMarkers", () => {
  it("splits on [REDACTED:kind] markers", () => {
    expect(splitMarkers("pw [REDACTED:password] and [REDACTED:api_key].")).toEqual([
      { text: "pw ", kind: null },
      { text: "[REDACTED:password]", kind: "password" },
      { text: " and ", kind: null },
      { text: "[REDACTED:api_key]", kind: "api_key" },
      { text: ".", kind: null },
    ]);
    expect(splitMarkers("nothing here")).toEqual([{ text: "nothing here", kind: null }]);
    expect(splitMarkers("[REDACTED:Bad] [redacted:x]")).toEqual([{ text: "[REDACTED:Bad] [redacted:x]", kind: null }]);
  });
});

describe("documentation summary", () => {
  it("counts markers by kind in order of first appearance", () => {
    const note = "a [REDACTED:password] b [REDACTED:api_key] c [REDACTED:api_key]";
    expect(countMarkers(note)).toEqual([
      ["password", 1],
      ["api_key", 2],
    ]);
    expect(formatRedactionSummary(countMarkers(note))).toBe("Redacted: 1 password, 2 api_key");
  });

  it("says when nothing was redacted", () => {
    expect(countMarkers("# Note\n\nAll clean.")).toEqual([]);
    expect(formatRedactionSummary([])).toBe("Nothing redacted");
  });
});

describe("describeFindings", () => {
  it("counts values and lists each kind once", () => {
    expect(
      describeFindings([
        { kind: "password", start: 0, end: 1 },
        { kind: "aws_access_key", start: 2, end: 3 },
      ]),
    ).toBe("2 values will be redacted in the ticket note: password, aws_access_key");
    expect(describeFindings([{ kind: "password", start: 0, end: 1 }])).toBe("1 value will be redacted in the ticket note: password");
    expect(
      describeFindings([
        { kind: "password", start: 0, end: 1 },
        { kind: "password", start: 2, end: 3 },
      ]),
    ).toBe("2 values will be redacted in the ticket note: password");
    expect(describeFindings([])).toBe("");
  });
});
