// ESLint (flat config) with typescript-eslint's type-aware rules over the TypeScript that tsconfig.json
// compiles. `npm run lint`; part of the static level of `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** src/core and src/cli stay vscode-free: `import type` is erased, anything else would load vscode. */
const vscodeFree = {
  patterns: [
    {
      group: ['vscode', '**/vscode', '**/vscode/**', '**/extension', '**/extension.ts'],
      message: 'src/core and src/cli must not depend on vscode, src/vscode or the extension entry (`import type` is fine).',
      allowTypeImports: true,
    },
  ],
};

/** The boundary as rules (exported for its unit test). */
export const boundaryRules = {
  'no-restricted-imports': 'off',
  '@typescript-eslint/no-restricted-imports': ['error', vscodeFree],
  // require('vscode') and import('vscode') are not imports to no-restricted-imports.
  'no-restricted-syntax': [
    'error',
    { selector: "CallExpression[callee.name='require'][arguments.0.value=/^vscode$|\\/vscode(\\/|$)|\\/extension(\\.ts)?$/]", message: 'src/core and src/cli must not require vscode.' },
    { selector: "ImportExpression[source.value=/^vscode$|\\/vscode(\\/|$)|\\/extension(\\.ts)?$/]", message: 'src/core and src/cli must not import vscode.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'artifacts/**', 'media/**', 'node_modules/**', '.cache/**', 'src/webview/**', '**/*.mjs', '**/*.cjs', '**/*.js', 'bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Unused names are caught by tsc where they matter; `_`-prefixed ones are deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Async functions without await implement async interfaces (checks, probes, fakes); not a bug.
      '@typescript-eslint/require-await': 'off',
      // Rejections forward the caller's or the signal's reason unchanged, which is what callers match on.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      // Untrusted JSON is read through `any`/`unknown` behind typeof guards; tsc strict covers the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Unions such as `'en' | 'nl' | string` document the known values of an open set.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // Empty interfaces name extension points of the simulator's JSON shapes.
      '@typescript-eslint/no-empty-object-type': 'off',
      // Matching control characters is the point of the terminal-escape and redaction code.
      'no-control-regex': 'off',
      // Style objects and path helpers are closures or bound functions; `this` is never used.
      '@typescript-eslint/unbound-method': 'off',
      // Evidence and error values are stringified on purpose in messages; tsc types them.
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // The simulator and the tests stringify JSON they built themselves.
    files: ['sandbox/**', 'test/**'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Lazily loaded bundles: require() keeps them out of the caller's bundle and startup.
    files: ['src/cli/main.ts', 'src/vscode/lazy/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Being split by idea; their assertions are dropped with the split.
    files: ['sandbox/arm/state.ts', 'sandbox/arm/arm.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  { files: ['src/core/**', 'src/cli/**'], rules: boundaryRules },
);
