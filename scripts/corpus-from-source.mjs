#!/usr/bin/env node
// `npm run corpus:from-source`: writes test/data/explain-corpus/from-source/composed-<tool>.json, the
// texts of clients this machine cannot run, composed from each tool's error formatting
// (test/integration/corpus/from-source.ts). Needs neither root nor the sandbox.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { composeFromSource } = await tsImport(path.join(root, 'test/integration/corpus/from-source.ts'), import.meta.url);
const dir = path.join(root, 'test', 'data', 'explain-corpus', 'from-source');
const by = new Map();
for (const e of composeFromSource()) by.set(e.client, [...(by.get(e.client) ?? []), e]);
for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('composed-'))) fs.rmSync(path.join(dir, f));
for (const [client, entries] of by) fs.writeFileSync(path.join(dir, `composed-${client}.json`), `${JSON.stringify(entries, null, 2)}\n`);
console.log(`corpus: ${[...by.values()].flat().length} composed texts from ${by.size} tools written to ${path.relative(root, dir)}`);
