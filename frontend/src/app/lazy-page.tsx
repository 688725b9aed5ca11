/** Route pages as their own chunks, rendered at once when their code has already arrived. */
import { type ComponentType, lazy, useState } from "react";

/**
 * `lazy()` for a module's named export (our modules export components by name, not as default).
 * The `any` only bounds what may be passed; the result keeps the component's own props.
 */
export function named<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  let arrived: ComponentType<any> | undefined;
  const fetch = () =>
    load().then((m) => {
      arrived = m[name];
      return m;
    });
  const Deferred: ComponentType<any> = lazy(() => fetch().then((m) => ({ default: m[name] })));
  // Code that has already arrived (fetched while the sign-in was being restored, or a page seen
  // before) renders at once. `lazy()` alone suspends on its first render even then, and React 19
  // holds a Suspense boundary's content back until ~300 ms after its fallback showed: a page load
  // of the flow editor sat idle for two such waits (shell, then page) out of its ~1 s.
  // Decided once per mount, so a page never switches between the two and remounts.
  function Page(props: Record<string, unknown>) {
    const [Ready] = useState(() => arrived);
    return Ready ? <Ready {...props} /> : <Deferred {...props} />;
  }
  // `preload`: the route starts fetching the page's code as soon as it matches (see SignedInArea).
  return Object.assign(Page as unknown as M[K], { preload: fetch });
}
