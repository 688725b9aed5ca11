import { act, render, screen } from "@testing-library/react";
import { Suspense } from "react";
import { describe, expect, it } from "vitest";
import { named } from "./lazy-page";

function Greeting({ who }: { who: string }) {
  return <p>Hello, {who}</p>;
}

function deferredModule() {
  let arrive: () => void = () => undefined;
  const load = () =>
    new Promise<{ Greeting: typeof Greeting }>((resolve) => {
      arrive = () => resolve({ Greeting });
    });
  return { load, arrive: () => arrive() };
}

const inBoundary = (node: React.ReactNode) => <Suspense fallback={<p>Loading…</p>}>{node}</Suspense>;

describe("named (route pages in their own chunks)", () => {
  it("shows the boundary's fallback until the code arrives, then the page with its props", async () => {
    const module = deferredModule();
    const Page = named(module.load, "Greeting");
    render(inBoundary(<Page who="Pat" />));
    expect(screen.getByText("Loading…")).toBeInTheDocument();
    await act(async () => module.arrive());
    expect(await screen.findByText("Hello, Pat")).toBeInTheDocument();
  });

  it("renders at once, without a fallback, when its code was preloaded", async () => {
    const module = deferredModule();
    const Page = named(module.load, "Greeting");
    const preloaded = Page.preload();
    module.arrive();
    await preloaded;
    // Synchronously: the first committed output is the page, never the loading state.
    act(() => {
      render(inBoundary(<Page who="Sam" />));
    });
    expect(screen.getByText("Hello, Sam")).toBeInTheDocument();
    expect(screen.queryByText("Loading…")).toBeNull();
  });
});
