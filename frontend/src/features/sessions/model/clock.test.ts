import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { activeSecondsAt, describeDuration, formatClock, formatHoursMinutes } from "./clock";
import { useActiveClock } from "./use-active-clock";

describe("formatting active time", () => {
  it("shows h:mm with minutes rounded down", () => {
    expect(formatHoursMinutes(0)).toBe("0:00");
    expect(formatHoursMinutes(59)).toBe("0:00");
    expect(formatHoursMinutes(60)).toBe("0:01");
    expect(formatHoursMinutes(3725)).toBe("1:02");
    expect(formatHoursMinutes(36_000 + 59 * 60)).toBe("10:59");
    expect(formatHoursMinutes(-5)).toBe("0:00");
  });

  it("shows h:mm:ss on the live clock", () => {
    expect(formatClock(0)).toBe("0:00:00");
    expect(formatClock(7)).toBe("0:00:07");
    expect(formatClock(3725)).toBe("1:02:05");
    expect(formatClock(3725.9)).toBe("1:02:05");
  });

  it("says it in words for screen readers", () => {
    expect(describeDuration(45)).toBe("45 seconds");
    expect(describeDuration(61)).toBe("1 minute");
    expect(describeDuration(7320)).toBe("2 hours 2 minutes");
  });
});

describe("activeSecondsAt", () => {
  it("adds the wall time since the figure was received while running", () => {
    expect(activeSecondsAt(100, 1_000_000, 1_000_000, true)).toBe(100);
    expect(activeSecondsAt(100, 1_000_000, 1_004_999, true)).toBe(104);
    expect(activeSecondsAt(100, 1_000_000, 1_005_000, true)).toBe(105);
  });

  it("stands still while paused or ended (paused time is excluded)", () => {
    expect(activeSecondsAt(100, 1_000_000, 9_000_000, false)).toBe(100);
  });

  it("never goes backwards when the clock is behind the receipt time", () => {
    expect(activeSecondsAt(100, 1_000_000, 999_000, true)).toBe(100);
  });
});

describe("useActiveClock", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-03-01T10:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("ticks every second while active and stops when paused", () => {
    const receivedAt = Date.now();
    const { result, rerender } = renderHook(({ running, base }) => useActiveClock(base, receivedAt, running), {
      initialProps: { running: true, base: 60 },
    });
    expect(result.current).toBe(60);
    act(() => vi.advanceTimersByTime(3000));
    expect(result.current).toBe(63);
    // Paused: the server's figure (63) is final until resumed.
    rerender({ running: false, base: 63 });
    act(() => vi.advanceTimersByTime(10_000));
    expect(result.current).toBe(63);
  });
});
