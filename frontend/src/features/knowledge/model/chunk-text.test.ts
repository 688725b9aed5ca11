import { describe, expect, it } from "vitest";
import { chunkBlocks } from "./chunk-text";

describe("chunkBlocks", () => {
  it("splits prose paragraphs and keeps fenced code whole", () => {
    const text = "Restart the spooler.\nThen check the queue.\n\n```powershell\nRestart-Service Spooler\n\nGet-PrintJob\n```\n\nDone.";
    expect(chunkBlocks(text)).toEqual([
      { kind: "text", text: "Restart the spooler.\nThen check the queue." },
      { kind: "code", lang: "powershell", code: "Restart-Service Spooler\n\nGet-PrintJob" },
      { kind: "text", text: "Done." },
    ]);
  });

  it("needs a closing fence at least as long as the opening one, and runs to the end when it never closes", () => {
    expect(chunkBlocks("````\na\n```\nb\n````")).toEqual([{ kind: "code", lang: "", code: "a\n```\nb" }]);
    expect(chunkBlocks("x\n~~~\ncode")).toEqual([
      { kind: "text", text: "x" },
      { kind: "code", lang: "", code: "code" },
    ]);
  });

  it("treats markup as text", () => {
    expect(chunkBlocks("<script>alert(1)</script>")).toEqual([{ kind: "text", text: "<script>alert(1)</script>" }]);
  });
});
