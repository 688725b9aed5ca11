import { afterEach, describe, expect, it } from "vitest";
import { authStore } from "@/lib/auth-store";
import { fillHeld, forgetHeldValues, heldValues, holdValue, MASK, showsHeld } from "./held-values";
import { describeEvent } from "./timeline";

afterEach(() => {
  forgetHeldValues();
  authStore.reset();
});

describe("values only the runner holds", () => {
  const shown = { password: "••• (secret captured)", error_code: "0x80070005" };

  it("fills withheld placeholders masked, or as typed when revealed, and leaves the rest to the server", () => {
    holdValue("s1", "password", "Kx9#mPq2zz-Temp");
    const held = heldValues("s1");
    const text = "net use Z: /user:dana {{password}} ({{ error_code }}, {{other}})";
    expect(fillHeld(text, { withheld: ["password"], held, shown, reveal: false })).toBe(`net use Z: /user:dana ${MASK} ({{ error_code }}, {{other}})`);
    expect(fillHeld(text, { withheld: ["password"], held, shown, reveal: true })).toBe("net use Z: /user:dana Kx9#mPq2zz-Temp ({{ error_code }}, {{other}})");
    expect(showsHeld(text, ["password"], held)).toBe(true);
    expect(showsHeld("no placeholders", ["password"], held)).toBe(false);
  });

  it("falls back to what the server may show when this runner holds nothing (a reload, another browser)", () => {
    const text = "Use {{password}}";
    expect(fillHeld(text, { withheld: ["password"], held: heldValues("s2"), shown, reveal: true })).toBe("Use ••• (secret captured)");
    expect(showsHeld(text, ["password"], heldValues("s2"))).toBe(false);
  });

  it("keeps each session's values apart and forgets them all on signing out", () => {
    holdValue("s1", "password", "one");
    holdValue("s2", "password", "two");
    holdValue("s1", "password", "again");
    expect(heldValues("s1").get("password")).toBe("again");
    expect(heldValues("s2").get("password")).toBe("two");
    authStore.signOut();
    expect(heldValues("s1").size).toBe(0);
    expect(heldValues("s2").size).toBe(0);
  });
});

describe("the timeline entry of an input", () => {
  it("says a secret was captured, and nothing else about it", () => {
    const d = describeEvent({
      type: "answer",
      payload: { node_type: "input", title: "Password", variable: "password", value: "••• (secret captured)", secret: true },
    });
    expect(d).toMatchObject({ label: "Secret captured", text: "Password", details: ["password = ••• (secret captured)"] });
  });

  it("shows an ordinary value as entered", () => {
    const d = describeEvent({ type: "answer", payload: { node_type: "input", title: "Error code shown?", variable: "error_code", value: "0x80070005" } });
    expect(d).toMatchObject({ label: "Value entered", details: ["error_code = 0x80070005"] });
  });
});
