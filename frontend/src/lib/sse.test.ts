import { describe, expect, it } from "vitest";
import { parseSse } from "./sse";

describe("parseSse", () => {
  it("splits complete messages and keeps the unfinished rest", () => {
    const { messages, rest } = parseSse('retry: 3000\n\nid: 4\nevent: session_event\ndata: {"seq":4}\n\nid: 5\nda');
    expect(messages).toEqual([{ id: "4", event: "session_event", data: '{"seq":4}' }]);
    expect(rest).toBe("id: 5\nda");
  });

  it("ignores keep-alive comments and joins multi-line data", () => {
    const { messages } = parseSse(": keep-alive\n\ndata: a\ndata: b\n\n");
    expect(messages).toEqual([{ data: "a\nb" }]);
  });

  it("understands CRLF line ends", () => {
    const { messages } = parseSse("id: 1\r\ndata: x\r\n\r\n");
    expect(messages).toEqual([{ id: "1", data: "x" }]);
  });
});
