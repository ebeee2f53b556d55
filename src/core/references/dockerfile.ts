// FROM lines of a Dockerfile: `FROM [--platform=…] <image> [AS <stage>]`, case-insensitive,
// after comments and line continuations. Stage names (FROM build) are not hosts, so they
// drop out through acrHostOfImage.
import { acrHostOfImage } from './image-host';
import { ScanBudget } from './scan-budget';
import type { RegistryReference } from './types';

const FROM = /^(\s*)(from)(\s+)/i;

export function findDockerfileReferences(text: string, budget = new ScanBudget()): RegistryReference[] {
  const refs: RegistryReference[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && budget.nextLine(); i++) {
    const line = lines[i];
    const m = FROM.exec(line);
    if (!m) continue;
    // Tokens after FROM on this line; a continuation puts the image on a later line.
    let lineNo = i;
    let col = m[0].length;
    let current = line;
    for (let guard = 0; guard < 20; guard++) {
      const token = nextToken(current, col);
      if (!token) {
        if (/\\\s*$/.test(current) && lineNo + 1 < lines.length) {
          lineNo++;
          current = lines[lineNo];
          col = 0;
          continue;
        }
        break;
      }
      if (token.text === '\\') { col = token.end; continue; }
      if (token.text.startsWith('--')) { col = token.end; continue; }
      const host = acrHostOfImage(token.text);
      if (host) {
        const ref: RegistryReference = {
          kind: 'dockerfileFrom',
          written: host.host,
          image: token.text,
          range: { line: lineNo, start: token.start + host.offset, end: token.start + host.offset + host.host.length },
        };
        refs.push(ref);
        if (!budget.add(ref)) return refs;
      }
      break;
    }
    i = Math.max(i, lineNo);
  }
  return refs;
}

const TOKEN = /\S+/g;

function nextToken(line: string, from: number): { text: string; start: number; end: number } | undefined {
  TOKEN.lastIndex = from;
  const m = TOKEN.exec(line);
  if (!m || m[0].startsWith('#')) return undefined;
  return { text: m[0], start: m.index, end: m.index + m[0].length };
}
