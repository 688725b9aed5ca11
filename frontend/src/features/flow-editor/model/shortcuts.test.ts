import { describe, expect, it } from "vitest";
import { commandFor, isCodeToggle } from "./shortcuts";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}, target: EventTarget | null = document.body) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
  target,
});

describe("editor shortcuts", () => {
  it("maps undo/redo/delete/copy/paste on Ctrl and Cmd", () => {
    expect(commandFor(key("z", { ctrlKey: true }))).toBe("undo");
    expect(commandFor(key("Z", { metaKey: true, shiftKey: true }))).toBe("redo");
    expect(commandFor(key("y", { ctrlKey: true }))).toBe("redo");
    expect(commandFor(key("c", { metaKey: true }))).toBe("copy");
    expect(commandFor(key("v", { ctrlKey: true }))).toBe("paste");
    expect(commandFor(key("Delete"))).toBe("delete");
    expect(commandFor(key("Backspace"))).toBe("delete");
    expect(commandFor(key("z"))).toBeNull();
  });

  it("does nothing while typing in a field or inside a dialog", () => {
    const input = document.createElement("input");
    const textarea = document.createElement("textarea");
    const checkbox = Object.assign(document.createElement("input"), { type: "checkbox" });
    expect(commandFor(key("z", { ctrlKey: true }, input))).toBeNull();
    expect(commandFor(key("Backspace", {}, textarea))).toBeNull();
    expect(commandFor(key("Delete", {}, checkbox))).toBe("delete");
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    const button = document.createElement("button");
    dialog.appendChild(button);
    expect(commandFor(key("z", { ctrlKey: true }, button))).toBeNull();
  });
});

describe("code mode toggle", () => {
  it("is Ctrl/Cmd+Shift+M, also while typing, but not in a dialog", () => {
    const area = document.createElement("textarea");
    expect(isCodeToggle(key("M", { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isCodeToggle(key("m", { metaKey: true, shiftKey: true }, area))).toBe(true);
    expect(isCodeToggle(key("m", { ctrlKey: true }))).toBe(false);
    expect(isCodeToggle(key("m", { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    const inside = document.createElement("button");
    dialog.append(inside);
    expect(isCodeToggle(key("m", { ctrlKey: true, shiftKey: true }, inside))).toBe(false);
  });
});
