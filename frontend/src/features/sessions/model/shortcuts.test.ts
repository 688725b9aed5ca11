import { describe, expect, it } from "vitest";
import { isTypingTarget, shortcutFor } from "./shortcuts";

const ctx = { answerCount: 3, canGoBack: true, enabled: true };

function el(html: string): Element {
  const host = document.createElement("div");
  host.innerHTML = html;
  document.body.appendChild(host);
  return host.firstElementChild!;
}

describe("shortcutFor", () => {
  it("maps 1..n to the answers and ignores numbers beyond them", () => {
    expect(shortcutFor({ key: "1" }, ctx)).toEqual({ type: "answer", index: 0 });
    expect(shortcutFor({ key: "3" }, ctx)).toEqual({ type: "answer", index: 2 });
    expect(shortcutFor({ key: "4" }, ctx)).toBeNull();
    expect(shortcutFor({ key: "0" }, ctx)).toBeNull();
    expect(shortcutFor({ key: "1" }, { ...ctx, answerCount: 0 })).toBeNull();
  });

  it("goes back on Alt+Left and Backspace, only when there is somewhere to go", () => {
    expect(shortcutFor({ key: "ArrowLeft", altKey: true }, ctx)).toEqual({ type: "back" });
    expect(shortcutFor({ key: "Backspace" }, ctx)).toEqual({ type: "back" });
    expect(shortcutFor({ key: "ArrowLeft" }, ctx)).toBeNull();
    expect(shortcutFor({ key: "Backspace" }, { ...ctx, canGoBack: false })).toBeNull();
  });

  it("leaves browser and OS shortcuts alone", () => {
    expect(shortcutFor({ key: "1", ctrlKey: true }, ctx)).toBeNull();
    expect(shortcutFor({ key: "1", metaKey: true }, ctx)).toBeNull();
    expect(shortcutFor({ key: "1", altKey: true }, ctx)).toBeNull();
  });

  it("never fires while typing", () => {
    for (const html of ['<input type="text">', "<textarea></textarea>", "<select></select>", '<div contenteditable="true"></div>', '<input type="search">']) {
      const target = el(html);
      expect(shortcutFor({ key: "1", target }, ctx)).toBeNull();
      expect(shortcutFor({ key: "Backspace", target }, ctx)).toBeNull();
    }
  });

  it("still fires from buttons and checkboxes", () => {
    expect(shortcutFor({ key: "2", target: el("<button>x</button>") }, ctx)).toEqual({ type: "answer", index: 1 });
    expect(shortcutFor({ key: "2", target: el('<input type="checkbox">') }, ctx)).toEqual({ type: "answer", index: 1 });
  });

  it("does nothing while disabled (pending, paused, dialog open)", () => {
    expect(shortcutFor({ key: "1" }, { ...ctx, enabled: false })).toBeNull();
  });
});

describe("isTypingTarget", () => {
  it("knows text entry from other controls", () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget(el('<input type="radio">'))).toBe(false);
    expect(isTypingTarget(el('<input type="email">'))).toBe(true);
  });
});
