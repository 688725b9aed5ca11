import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Routes are lazy (src/app/router.tsx): a test's first render of a page imports its modules, and
// Vitest transforms them then, inside the findBy…/waitFor wait. On a busy machine that alone can
// take longer than Testing Library's default 1 s.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
