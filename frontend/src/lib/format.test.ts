import { describe, expect, it } from "vitest";
import { formatDuration } from "./format";

describe("formatDuration", () => {
  it("reads like a person would say it", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(42.4)).toBe("42 s");
    expect(formatDuration(3599)).toBe("59 min");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(2 * 3600 + 20 * 60 + 5)).toBe("2 h 20 min");
    expect(formatDuration(86_400)).toBe("1 day");
    expect(formatDuration(2 * 86_400 + 4 * 3600)).toBe("2 days 4 h");
  });
});
