#!/usr/bin/env node
// Regenerates src/api/schema.d.ts from the backend's OpenAPI document.
//
//   node scripts/generate-api.mjs [openapi.json]          write src/api/schema.d.ts
//   node scripts/generate-api.mjs --check [openapi.json]  exit 1 if the committed file drifted
//
// The input path comes from the first non-flag argument, else $OPENAPI_FILE, else
// ../build/openapi.json (what `make` dumps from create_app().openapi()).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const input = resolve(
  root,
  args.find((a) => !a.startsWith("--")) ?? process.env.OPENAPI_FILE ?? "../build/openapi.json",
);
const output = resolve(root, "src/api/schema.d.ts");

const HEADER = `/**
 * GENERATED FILE — do not edit by hand.
 * Source: the backend's OpenAPI (/api/openapi.json). Regenerate with \`npm run api:generate\`.
 */

`;

if (!existsSync(input)) {
  console.error(
    `api: OpenAPI file not found: ${input}\n` +
      "Dump it from the backend first (e.g. `make openapi`, or\n" +
      "  .venv/bin/python -c \"from resolutionflow.app import create_app; import json; print(json.dumps(create_app().openapi()))\" > build/openapi.json)\n" +
      "or pass a path: npm run api:generate -- path/to/openapi.json",
  );
  process.exit(2);
}

const spec = JSON.parse(readFileSync(input, "utf8"));
const ast = await openapiTS(spec, { alphabetize: true });
const generated = HEADER + astToString(ast);

if (check) {
  const committed = existsSync(output) ? readFileSync(output, "utf8") : "";
  if (committed !== generated) {
    console.error(
      `api: src/api/schema.d.ts is out of date with ${input}.\n` +
        "The backend's API changed. Run `npm run api:generate` in frontend/, fix any type errors, and commit the result.",
    );
    process.exit(1);
  }
  console.log("api: src/api/schema.d.ts is up to date.");
} else {
  writeFileSync(output, generated);
  console.log(`api: wrote ${output} from ${input}`);
}
