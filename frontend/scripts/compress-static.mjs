#!/usr/bin/env node
// Writes name.br and name.gz next to each compressible file of the built SPA, so the server
// (src/resolutionflow/static_files.py) sends them as they are instead of compressing per request.
//
//   node scripts/compress-static.mjs [dir]    dir defaults to ../src/resolutionflow/static
//
// Runs after `vite build` (see package.json). Brotli at its best quality and gzip -9: slow-ish
// (a second or two for the whole build) but done once. A file below 1 KiB, or one whose
// compressed form is not smaller, gets no sibling (the server then sends it as it is).
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = resolve(root, process.argv[2] ?? "../src/resolutionflow/static");
// Keep in step with _COMPRESSIBLE in static_files.py.
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".map", ".webmanifest", ".svg", ".txt", ".xml", ".wasm"]);
const MIN_BYTES = 1024;

function* files(path) {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.has(extname(entry.name).toLowerCase())) yield full;
  }
}

try {
  statSync(dir);
} catch {
  console.error(`compress-static: ${dir} does not exist; run vite build first`);
  process.exit(2);
}

let count = 0;
let before = 0;
let afterBr = 0;
for (const file of files(dir)) {
  const data = readFileSync(file);
  const variants = {
    ".br": () =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    ".gz": () => gzipSync(data, { level: 9 }),
  };
  for (const [suffix, compress] of Object.entries(variants)) {
    const out = file + suffix;
    const packed = data.length >= MIN_BYTES ? compress() : null;
    if (packed && packed.length < data.length) {
      writeFileSync(out, packed);
      if (suffix === ".br") {
        count++;
        before += data.length;
        afterBr += packed.length;
      }
    } else {
      // No stale sibling from an earlier build may outlive its file's new content.
      rmSync(out, { force: true });
    }
  }
}
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`compress-static: ${count} files in ${relative(process.cwd(), dir) || "."}: ${kB(before)} -> ${kB(afterBr)} brotli`);
