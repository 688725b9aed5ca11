/**
 * A tiny server-sent-events parser for fetch streams. EventSource can't send an Authorization
 * header, so live streams are read with fetch and parsed here.
 */
export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/** Splits complete messages off `buffer`; returns them and the unfinished rest. */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
  const messages: SseMessage[] = [];
  const normalised = buffer.replace(/\r\n?/g, "\n");
  const blocks = normalised.split("\n\n");
  const rest = blocks.pop() ?? "";
  for (const block of blocks) {
    const message: SseMessage = { data: "" };
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (!line || line.startsWith(":")) continue; // comments are keep-alives
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "data") data.push(value);
      else if (field === "id") message.id = value;
      else if (field === "event") message.event = value;
    }
    if (data.length || message.id || message.event) {
      message.data = data.join("\n");
      messages.push(message);
    }
  }
  return { messages, rest };
}
