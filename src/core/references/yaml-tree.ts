// YAML files (compose, Kubernetes, workflows) read with the `yaml` package: its lexer, parser and
// composer, fed one token at a time so the scan budget is checked while reading, tolerant of
// errors (a half-typed file still gives the nodes before and after the mistake), with offsets that
// map back to lines and columns. The walk over the tree keeps its own stack, so deep nesting
// cannot overflow the call stack.
import { Composer, Lexer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { ScanBudget } from './scan-budget';
import type { TextRange } from './types';

export interface YamlError {
  /** 0-based line of the first error. */
  line: number;
  message: string;
}

export interface YamlFile {
  text: string;
  docs: Document.Parsed[];
  lines: LineCounter;
  /** The first syntax error, if the text is not valid YAML (the tree then holds what could be read). */
  error?: YamlError;
}

// Duplicate keys are kept, not checked: checking them is quadratic in a mapping's size, and a
// file that repeats `image:` still names every one of those images.
const COMPOSE_OPTIONS = { uniqueKeys: false } as const;

/**
 * The part of the scan's time budget spent reading tokens: the tree is built from them afterwards,
 * in one step per document, which on a 1 MB file costs up to one and a half times the reading.
 */
const READ_SHARE = 0.4;

/** Reads `text` as a YAML stream, ticking `budget` once per token; stops early when the budget does. */
export function readYaml(text: string, budget: ScanBudget): YamlFile {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) lines.addNewLine(nl + 1);
  const docs: Document.Parsed[] = [];
  // Every syntax error is an Error object; a broken 1 MB file has thousands, and capturing their
  // stacks (never read: they are data here) cost seconds where the limit is high, as under mocha.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const parser = new Parser();
    const composer = new Composer(COMPOSE_OPTIONS);
    for (const lexeme of new Lexer().lex(text)) {
      for (const token of parser.next(lexeme)) docs.push(...composer.next(token));
      // Time up: what was read so far is still composed below, so the scan keeps its partial findings.
      if (!budget.tick(READ_SHARE)) break;
    }
    for (const token of parser.end()) docs.push(...composer.next(token));
    docs.push(...composer.end());
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const first = docs.flatMap((d) => d.errors)[0];
  const file: YamlFile = { text, docs, lines };
  if (first) file.error = { line: lines.linePos(first.pos[0]).line - 1, message: first.message.split('\n')[0] };
  return file;
}

/** Where `written` is inside `node`'s source (quotes, block headers and escapes skipped); undefined if it is not there verbatim. */
export function rangeIn(file: YamlFile, node: Node, written: string): TextRange | undefined {
  const [start, end] = node.range ?? [0, 0];
  const at = file.text.indexOf(written, start);
  if (at < 0 || at + written.length > end) return undefined;
  const pos = file.lines.linePos(at);
  return { line: pos.line - 1, start: pos.col - 1, end: pos.col - 1 + written.length };
}

/** A string scalar, following an alias to its anchor. */
export function stringScalar(file: YamlFile, doc: Document.Parsed, node: unknown): Scalar<string> | undefined {
  const target = isAlias(node) ? node.resolve(doc) : node;
  return isScalar(target) && typeof target.value === 'string' ? (target as Scalar<string>) : undefined;
}

/** The value of `key` in a mapping (the first, if the key is repeated). */
export function valueOf(map: YAMLMap, key: string): unknown {
  for (const pair of map.items) if (isScalar(pair.key) && pair.key.value === key) return pair.value;
  return undefined;
}

export interface YamlVisitor {
  /** Every key/value pair of every mapping whose key is a scalar. */
  pair?(key: string, value: unknown, map: YAMLMap, doc: Document.Parsed): void;
  /** Every string scalar that is a value or a sequence item (not keys, not aliases). */
  scalar?(node: Scalar<string>, doc: Document.Parsed): void;
}

/**
 * Visits every node of every document in source order. Not timed: the tree holds only what
 * readYaml read within the budget, and the walk is linear in it.
 */
export function walkYaml(file: YamlFile, visitor: YamlVisitor): void {
  for (const doc of file.docs) {
    const stack: unknown[] = [doc.contents];
    while (stack.length) {
      const node = stack.pop();
      if (isMap(node)) {
        for (const pair of node.items) if (isScalar(pair.key) && typeof pair.key.value === 'string') visitor.pair?.(pair.key.value, pair.value, node, doc);
        for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i].value);
      } else if (isSeq(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
      } else if (isPair(node)) {
        // A single pair in a flow sequence: [a: b].
        stack.push(node.value);
      } else if (isScalar(node) && typeof node.value === 'string') {
        visitor.scalar?.(node as Scalar<string>, doc);
      }
    }
  }
}
