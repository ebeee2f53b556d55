import { build } from 'esbuild';
import * as fs from 'node:fs';
import { esbuildOptions, cliBundle } from './extension-bundles.mjs';
const root = '/work/wt-speed';
const mark = {
  name: 'mark',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, (args) => {
      const tail = args.path.split('node_modules/').slice(-1)[0];
      const m = /^((?:@[^/]+\/)?[^/]+)/.exec(tail);
      const name = m && m[1];
      if (!name) return undefined;
      const text = fs.readFileSync(args.path, 'utf8');
      const n = JSON.stringify(name);
      return { contents: `${text}\n;(globalThis.__loaded ??= new Map()).set(${n}, (globalThis.__loaded.get(${n}) ?? 0) + ${text.length});\n`, loader: 'js' };
    });
  },
};
const { node } = esbuildOptions({ root, production: true });
const o = cliBundle({ root, node: { ...node, logLevel: 'silent' }, outfile: '/tmp/spd/marked/cli.js' });
await build({ ...o, plugins: [...o.plugins, mark] });
