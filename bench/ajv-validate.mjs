#!/usr/bin/env node
// The plain JSON-Schema check that `npm run bench` compares `convenant validate` with: ajv (draft
// 2020-12, with ajv-formats) checks the shape of each YAML file against the exported schema, as a
// coordinator would with any JSON-Schema tool. It does only that: no references, paths or conditions.
// The YAML is read with js-yaml, as ajv-cli reads it (a faster reader than the one convenant uses for
// its positions), so the comparison does not favour convenant.
//
//   node bench/ajv-validate.mjs SCHEMA.json FILE.yaml...
//
// Prints "FILE valid" for each file that matches; "FILE invalid" and ajv's errors (stderr) for one
// that does not. Exit code 0 when every file matches, 1 when one does not, 2 on wrong use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { load } from 'js-yaml';

const addFormats = createRequire(import.meta.url)('ajv-formats');
const [schemaFile, ...files] = process.argv.slice(2);
if (!schemaFile || files.length === 0) {
  process.stderr.write('gebruik: node bench/ajv-validate.mjs SCHEMA.json BESTAND.yaml...\n');
  process.exit(2);
}

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
let allValid = true;
for (const file of files) {
  if (validate(load(readFileSync(file, 'utf8')))) {
    process.stdout.write(`${file} valid\n`);
  } else {
    allValid = false;
    process.stderr.write(`${file} invalid\n${JSON.stringify(validate.errors, null, 2)}\n`);
  }
}
process.exitCode = allValid ? 0 : 1;
