/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The built SPA is served by the FastAPI app (one process serves everything).
export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  build: {
    outDir: "../src/resolutionflow/static",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Routes are lazy (src/app/router.tsx), so each page is its own chunk. These groups give
        // the libraries stable chunks of their own: `vendor` is what every page needs and changes
        // only when a dependency does (it stays cached across releases); the heavy ones are
        // fetched only by the pages that use them. (Vite 8 bundles with Rolldown, where
        // `codeSplitting.groups` replaces Rollup's `manualChunks`.)
        codeSplitting: {
          groups: [
            {
              name: "vendor",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|@tanstack|openapi-fetch)[\\/]/,
              priority: 2,
            },
            // What both the flow canvas and the charts use, so neither page loads the other's chunk.
            // Groups of equal priority take modules in this list's order, and a group takes what
            // its modules import unless an earlier group has: after `vendor`, which keeps React.
            {
              name: "canvas-charts-shared",
              test: /node_modules[\\/](d3-interpolate|d3-color|use-sync-external-store)[\\/]/,
              priority: 2,
            },
            // Charts (Recharts and what it brings: its d3 modules, Redux Toolkit): the Analytics page
            // only. Before the canvas, whose d3 pattern matches d3-scale and d3-shape too.
            {
              name: "charts",
              test: /node_modules[\\/](recharts|victory-vendor|@reduxjs|react-redux|redux|redux-thunk|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|react-is|d3-(array|format|path|scale|shape|time|time-format))[\\/]/,
              priority: 2,
            },
            // The flow canvas: preview, editor.
            { name: "flow-canvas", test: /node_modules[\\/](@xyflow|@dagrejs|d3-[a-z]+|classcat)[\\/]/, priority: 1 },
            // Markdown (marked + DOMPurify): the pages that show notes, answers and articles. Only the
            // libraries: a group pulls in what its modules import, and our wrappers import lib/cn,
            // which the sign-in page needs too (it would then load this chunk).
            { name: "marked-dompurify", test: /node_modules[\\/](marked|dompurify)[\\/]/, priority: 1 },
            // Drag and drop: the editor's outline.
            { name: "dnd-kit", test: /node_modules[\\/]@dnd-kit[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: "http://127.0.0.1:8000", changeOrigin: false },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/testing/setup.ts"],
    css: false,
    // Routes are lazy: a test's first render imports (and transforms) the page's modules, which on
    // a busy machine can take several seconds of the test's own time.
    testTimeout: 15_000,
  },
});
