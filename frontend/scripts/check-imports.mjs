#!/usr/bin/env node
// Fails when a feature imports another feature (STYLE.md: "Features do not import each other;
// shared code moves down to components/ or lib/"). Only src/features/** is checked: app/ composes
// features into routes and may import any of them.
//
//   node scripts/check-imports.mjs [src-dir]   exit 0 when clean, else 1 with one "file:line" per import
//
// src-dir defaults to ./src (an argument lets the check be tried on a scratch tree).
//
// Plain Node on purpose (no parser dependency): import specifiers are found with regular
// expressions, which is enough for code formatted the way this repository's is. It sees static
// `import … from`, `export … from`, side-effect `import "…"`, dynamic `import("…")` (also in
// `typeof import("…")` types) and `vi.mock("…")`.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = resolve(root, process.argv[2] ?? "src");
const featuresDir = join(src, "features");

const PATTERNS = [
  // import x from "…", import { a,\n b } from "…", import type …, export { a } from "…", export * from "…"
  /(?:^|[;}\n])[ \t]*(?:import|export)\b[^;'"`]*?\bfrom[ \t]*(['"])([^'"\n]+)\1/g,
  // import "…" (side effects only)
  /(?:^|[;}\n])[ \t]*import[ \t]*(['"])([^'"\n]+)\1/g,
  // import("…"), vi.mock("…"), vi.importActual("…")
  /\b(?:import|vi\.mock|vi\.doMock|vi\.importActual)[ \t]*\([ \t]*(['"])([^'"\n]+)\1/g,
];

/** Every .ts/.tsx file under `dir`. */
function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) yield path;
  }
}

/** The feature folder name an absolute path lies in, or null outside src/features. */
function featureOf(path) {
  const rel = relative(featuresDir, path);
  if (rel.startsWith("..") || rel === "") return null;
  return rel.split(sep)[0];
}

/** The absolute path a specifier points at, or null for packages. */
function target(specifier, fromFile) {
  if (specifier === "@" || specifier.startsWith("@/")) return join(src, specifier.slice(2));
  if (specifier.startsWith("./") || specifier.startsWith("../")) return resolve(dirname(fromFile), specifier);
  return null;
}

/** 1-based line of character `index` in `text`. */
function lineAt(text, index) {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const problems = [];
for (const file of sourceFiles(featuresDir)) {
  const own = featureOf(file);
  const text = readFileSync(file, "utf8");
  const seen = new Set();
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[2];
      const index = match.index + match[0].lastIndexOf(specifier);
      if (seen.has(index)) continue;
      seen.add(index);
      const to = target(specifier, file);
      const other = to && featureOf(to);
      if (other && other !== own) {
        problems.push({ file: relative(root, file), line: lineAt(text, index), specifier, own, other });
      }
    }
  }
}

if (problems.length > 0) {
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  for (const p of problems) {
    console.error(`${p.file}:${p.line}: features/${p.own} imports features/${p.other} ("${p.specifier}")`);
  }
  console.error(
    `\n${problems.length} cross-feature import${problems.length === 1 ? "" : "s"}. Features do not import each other:\n` +
      "move the shared piece down to src/lib/ or src/components/, or let the route in src/app/ pass it in.",
  );
  process.exit(1);
}
console.log("check-imports: no cross-feature imports");
