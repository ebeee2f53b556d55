// A small subset of KQL, enough for the Resource Graph queries a client sends about registries:
// `resources | where … | extend … | project … | summarize make_list(…) by … | order by … | take N`.
// Anything outside the subset is refused with a parser error, as Resource Graph refuses bad KQL.
export class KqlError extends Error {}

type Row = Record<string, unknown>;
type Expr =
  | { k: 'lit'; v: unknown }
  | { k: 'path'; parts: string[] }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'list'; items: Expr[] }
  | { k: 'not'; e: Expr };

interface Tok { t: 'id' | 'str' | 'num' | 'op' | 'eof'; v: string }

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === "'" || c === '"') {
      let j = i + 1; let v = '';
      while (j < src.length && src[j] !== c) { if (src[j] === '\\' && j + 1 < src.length) { v += src[j + 1]; j += 2; } else { v += src[j]; j++; } }
      if (j >= src.length) throw new KqlError(`unterminated string literal at ${i}`);
      out.push({ t: 'str', v }); i = j + 1; continue;
    }
    if (/[0-9]/.test(c)) { const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!; out.push({ t: 'num', v: m[0] }); i += m[0].length; continue; }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*(-[A-Za-z]+)?/.exec(src.slice(i))!;
      // `project-away` style names are one token; `a-b` between identifiers is not used in our subset.
      let v = m[0];
      if (m[1] && !/^(project|mv)-/i.test(v)) v = v.slice(0, v.length - m[1].length);
      if (v.toLowerCase() === 'in' && src[i + 2] === '~') { out.push({ t: 'op', v: 'in~' }); i += 3; continue; }
      out.push({ t: 'id', v }); i += v.length; continue;
    }
    const ops = ['!in~', 'in~', '=~', '!~', '==', '!=', '<=', '>=', '|', '(', ')', ',', '.', '[', ']', '=', '<', '>', '!'];
    const op = ops.find((o) => src.startsWith(o, i));
    if (!op) throw new KqlError(`unexpected character '${c}' at ${i}`);
    out.push({ t: 'op', v: op }); i += op.length;
  }
  out.push({ t: 'eof', v: '' });
  return out;
}

class Parser {
  private i = 0;
  constructor(private toks: Tok[]) {}
  peek(): Tok { return this.toks[this.i]; }
  next(): Tok { return this.toks[this.i++]; }
  isOp(v: string): boolean { const t = this.peek(); return t.t === 'op' && t.v === v; }
  isId(v: string): boolean { const t = this.peek(); return t.t === 'id' && t.v.toLowerCase() === v; }
  expectOp(v: string): void { const t = this.next(); if (t.t !== 'op' || t.v !== v) throw new KqlError(`expected '${v}' but found '${t.v || 'end of query'}'`); }
  ident(): string { const t = this.next(); if (t.t !== 'id') throw new KqlError(`expected a name but found '${t.v || 'end of query'}'`); return t.v; }

  expr(): Expr { return this.or(); }
  or(): Expr { let l = this.and(); while (this.isId('or')) { this.next(); l = { k: 'bin', op: 'or', l, r: this.and() }; } return l; }
  and(): Expr { let l = this.cmp(); while (this.isId('and')) { this.next(); l = { k: 'bin', op: 'and', l, r: this.cmp() }; } return l; }
  cmp(): Expr {
    const l = this.primary();
    const t = this.peek();
    const wordOps = ['contains', 'has', 'startswith', 'endswith', 'in', '!contains', '!has'];
    if (t.t === 'op' && ['=~', '!~', '==', '!=', '<', '>', '<=', '>=', 'in~', '!in~'].includes(t.v)) {
      this.next();
      if (t.v === 'in~' || t.v === '!in~') return { k: 'bin', op: t.v, l, r: this.list() };
      return { k: 'bin', op: t.v, l, r: this.primary() };
    }
    if (t.t === 'op' && t.v === '!' && this.toks[this.i + 1]?.t === 'id') {
      this.next(); const w = this.ident().toLowerCase();
      if (w === 'in') return { k: 'bin', op: '!in', l, r: this.list() };
      if (w === 'contains' || w === 'has' || w === 'startswith') return { k: 'bin', op: `!${w}`, l, r: this.primary() };
      throw new KqlError(`unknown operator '!${w}'`);
    }
    if (t.t === 'id' && wordOps.includes(t.v.toLowerCase())) {
      this.next();
      if (t.v.toLowerCase() === 'in') return { k: 'bin', op: 'in', l, r: this.list() };
      return { k: 'bin', op: t.v.toLowerCase(), l, r: this.primary() };
    }
    return l;
  }
  list(): Expr {
    this.expectOp('(');
    const items: Expr[] = [];
    if (!this.isOp(')')) { do { items.push(this.expr()); } while (this.isOp(',') && this.next()); }
    this.expectOp(')');
    return { k: 'list', items };
  }
  primary(): Expr {
    const t = this.next();
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'num') return { k: 'lit', v: Number(t.v) };
    if (t.t === 'op' && t.v === '(') { const e = this.expr(); this.expectOp(')'); return e; }
    if (t.t === 'id') {
      const low = t.v.toLowerCase();
      if (low === 'true' || low === 'false') return { k: 'lit', v: low === 'true' };
      if (low === 'not' && this.isOp('(')) { this.next(); const e = this.expr(); this.expectOp(')'); return { k: 'not', e }; }
      if (this.isOp('(')) {
        this.next();
        const args: Expr[] = [];
        if (!this.isOp(')')) { do { args.push(this.expr()); } while (this.isOp(',') && this.next()); }
        this.expectOp(')');
        return { k: 'call', name: low, args };
      }
      const parts = [t.v];
      for (;;) {
        if (this.isOp('.')) { this.next(); parts.push(this.ident()); continue; }
        if (this.isOp('[')) { this.next(); const s = this.next(); if (s.t !== 'str' && s.t !== 'num') throw new KqlError('expected an index'); parts.push(s.v); this.expectOp(']'); continue; }
        break;
      }
      return { k: 'path', parts };
    }
    throw new KqlError(`unexpected '${t.v || 'end of query'}'`);
  }
}

function getPath(row: Row, parts: string[]): unknown {
  let cur: unknown = row;
  for (let idx = 0; idx < parts.length; idx++) {
    if (cur === null || cur === undefined) return null;
    const p = parts[idx];
    if (Array.isArray(cur) && /^\d+$/.test(p)) { cur = cur[Number(p)]; continue; }
    if (typeof cur !== 'object') return null;
    const obj = cur as Record<string, unknown>;
    // Column names are case-sensitive in KQL, but property bags from ARM vary; try exact, then case-insensitive.
    if (p in obj) { cur = obj[p]; continue; }
    const key = Object.keys(obj).find((k) => k.toLowerCase() === p.toLowerCase());
    cur = key === undefined ? null : obj[key];
  }
  return cur === undefined ? null : cur;
}

const str = (v: unknown): string => v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

function evaluate(e: Expr, row: Row): unknown {
  switch (e.k) {
    case 'lit': return e.v;
    case 'path': return getPath(row, e.parts);
    case 'list': return e.items.map((x) => evaluate(x, row));
    case 'not': return !truthy(evaluate(e.e, row));
    case 'call': {
      const a = e.args.map((x) => evaluate(x, row));
      switch (e.name) {
        case 'tostring': return str(a[0]);
        case 'tolower': return str(a[0]).toLowerCase();
        case 'toupper': return str(a[0]).toUpperCase();
        case 'tobool': return a[0] === true || str(a[0]).toLowerCase() === 'true';
        case 'toint': case 'tolong': { const n = Number(a[0]); return Number.isFinite(n) ? Math.trunc(n) : null; }
        case 'array_length': return Array.isArray(a[0]) ? a[0].length : null;
        case 'isnotempty': return a[0] !== null && a[0] !== undefined && a[0] !== '';
        case 'isempty': return a[0] === null || a[0] === undefined || a[0] === '';
        case 'isnotnull': return a[0] !== null && a[0] !== undefined;
        case 'isnull': return a[0] === null || a[0] === undefined;
        case 'iff': case 'iif': return truthy(a[0]) ? a[1] : a[2];
        case 'coalesce': return a.find((x) => x !== null && x !== undefined && x !== '') ?? null;
        case 'strcat': return a.map(str).join('');
        case 'pack_array': return a;
        case 'bag_pack': case 'pack': {
          if (a.length % 2) throw new KqlError(`${e.name}() needs key/value pairs`);
          const o: Record<string, unknown> = {};
          for (let i = 0; i < a.length; i += 2) o[str(a[i])] = a[i + 1] ?? null;
          return o;
        }
        default: throw new KqlError(`unknown function '${e.name}'`);
      }
    }
    case 'bin': {
      if (e.op === 'and') return truthy(evaluate(e.l, row)) && truthy(evaluate(e.r, row));
      if (e.op === 'or') return truthy(evaluate(e.l, row)) || truthy(evaluate(e.r, row));
      const l = evaluate(e.l, row);
      const r = evaluate(e.r, row);
      const ls = str(l); const rs = Array.isArray(r) ? '' : str(r);
      switch (e.op) {
        case '=~': return ls.toLowerCase() === rs.toLowerCase();
        case '!~': return ls.toLowerCase() !== rs.toLowerCase();
        case '==': return typeof l === 'number' || typeof r === 'number' ? Number(l) === Number(r) : typeof l === 'boolean' || typeof r === 'boolean' ? str(l) === str(r) : ls === rs;
        case '!=': return ls !== rs;
        case '<': return Number(l) < Number(r);
        case '>': return Number(l) > Number(r);
        case '<=': return Number(l) <= Number(r);
        case '>=': return Number(l) >= Number(r);
        case 'contains': return ls.toLowerCase().includes(rs.toLowerCase());
        case '!contains': return !ls.toLowerCase().includes(rs.toLowerCase());
        case 'has': return ls.toLowerCase().includes(rs.toLowerCase());
        case '!has': return !ls.toLowerCase().includes(rs.toLowerCase());
        case 'startswith': return ls.toLowerCase().startsWith(rs.toLowerCase());
        case '!startswith': return !ls.toLowerCase().startsWith(rs.toLowerCase());
        case 'endswith': return ls.toLowerCase().endsWith(rs.toLowerCase());
        case 'in': return (r as unknown[]).some((x) => str(x) === ls);
        case '!in': return !(r as unknown[]).some((x) => str(x) === ls);
        case 'in~': return (r as unknown[]).some((x) => str(x).toLowerCase() === ls.toLowerCase());
        case '!in~': return !(r as unknown[]).some((x) => str(x).toLowerCase() === ls.toLowerCase());
        default: throw new KqlError(`unknown operator '${e.op}'`);
      }
    }
  }
}

type Fn = (row: Row) => unknown;

function flat(r: Row): Row {
  const o: Row = {};
  for (const k in r) o[k] = r[k];
  return o;
}

/** Expressions compiled to closures once per query: Resource Graph tables here have 20 000 rows. */
function compile(e: Expr): Fn {
  switch (e.k) {
    case 'lit': { const v = e.v; return () => v; }
    case 'path': {
      const parts = e.parts;
      if (parts.length === 1) {
        const p0 = parts[0];
        return (row) => { const v = row[p0]; return v === undefined ? getPath(row, parts) : v; };
      }
      return (row) => getPath(row, parts);
    }
    case 'bin': {
      const r = e.r;
      // The common filter shape: <expr> =~ / == / !~ / != '<literal>'.
      if (r.k === 'lit' && typeof r.v === 'string' && (e.op === '=~' || e.op === '!~')) {
        const l = compile(e.l); const lit = r.v.toLowerCase(); const neg = e.op === '!~';
        return (row) => (str(l(row)).toLowerCase() === lit) !== neg;
      }
      if (e.op === 'and') { const l = compile(e.l); const rr = compile(e.r); return (row) => truthy(l(row)) && truthy(rr(row)); }
      if (e.op === 'or') { const l = compile(e.l); const rr = compile(e.r); return (row) => truthy(l(row)) || truthy(rr(row)); }
      return (row) => evaluate(e, row);
    }
    case 'call': {
      const args = e.args.map(compile);
      if (e.name === 'tostring') { const a0 = args[0] ?? (() => null); return (row) => str(a0(row)); }
      if (e.name === 'pack_array') return (row) => args.map((a) => a(row));
      if (e.name === 'iff' || e.name === 'iif') { const [c, t, f] = args as [Fn, Fn, Fn]; return (row) => (truthy(c(row)) ? t(row) : f(row)); }
      return (row) => evaluate(e, row);
    }
    default: return (row) => evaluate(e, row);
  }
}

function truthy(v: unknown): boolean { return v === true || (typeof v === 'string' && v.toLowerCase() === 'true') || (typeof v === 'number' && v !== 0); }

function columnName(e: Expr): string {
  if (e.k === 'path') return e.parts[e.parts.length - 1];
  if (e.k === 'call' && e.args[0]) return `${e.name}_${columnName(e.args[0])}`;
  return 'Column1';
}

/** Named expressions: `a = expr, b, c.d` (project / extend / summarize aggregations). */
function assignments(p: Parser): { name: string; e: Expr }[] {
  const out: { name: string; e: Expr }[] = [];
  do {
    const save = (p as unknown as { i: number }).i;
    const t = p.peek();
    const t2 = (p as unknown as { toks: Tok[] }).toks[save + 1];
    if (t.t === 'id' && t2?.t === 'op' && t2.v === '=') { p.next(); p.next(); out.push({ name: t.v, e: p.expr() }); }
    else { const e = p.expr(); out.push({ name: columnName(e), e }); }
  } while (p.isOp(',') && p.next());
  return out;
}

export interface KqlTables { [name: string]: Row[] }

/** Run a query over in-memory tables (table names case-insensitive). */
export function runKql(query: string, tables: KqlTables): Row[] {
  if (query.length > 100_000) throw new KqlError('query is too long');
  const p = new Parser(tokenize(query));
  const tableName = p.ident().toLowerCase();
  const table = Object.entries(tables).find(([n]) => n.toLowerCase() === tableName)?.[1];
  if (!table) throw new KqlError(`'${tableName}' is not a table Resource Graph knows`);
  let rows: Row[] = table;
  while (p.isOp('|')) {
    p.next();
    const op = p.ident().toLowerCase();
    switch (op) {
      case 'where': { const fn = compile(p.expr()); rows = rows.filter((r) => truthy(fn(r))); break; }
      case 'extend': {
        const as = assignments(p).map((a) => ({ name: a.name, fn: compile(a.e) }));
        // A flat copy: rows inheriting their columns through prototypes made every later read slow.
        rows = rows.map((r) => { const o: Row = { ...r }; for (const a of as) o[a.name] = a.fn(r); return o; });
        break;
      }
      case 'project': {
        const as = assignments(p).map((a) => ({ name: a.name, fn: compile(a.e) }));
        rows = rows.map((r) => { const o: Row = {}; for (const a of as) o[a.name] = a.fn(r); return o; });
        break;
      }
      case 'project-away': { const names: string[] = []; do { names.push(p.ident()); } while (p.isOp(',') && p.next()); rows = rows.map((r) => { const o = flat(r); for (const n of names) delete o[n]; return o; }); break; }
      case 'take': case 'limit': { const t = p.next(); if (t.t !== 'num') throw new KqlError(`${op} needs a number`); rows = rows.slice(0, Number(t.v)); break; }
      case 'order': case 'sort': {
        if (!p.isId('by')) throw new KqlError(`expected 'by' after '${op}'`);
        p.next();
        const keys: { e: Expr; desc: boolean }[] = [];
        do { const e = p.expr(); let desc = true; if (p.isId('asc')) { p.next(); desc = false; } else if (p.isId('desc')) p.next(); keys.push({ e, desc }); } while (p.isOp(',') && p.next());
        rows = [...rows].sort((a, b) => {
          for (const k of keys) {
            const x = evaluate(k.e, a); const y = evaluate(k.e, b);
            const c = typeof x === 'number' && typeof y === 'number' ? x - y : (str(x) < str(y) ? -1 : str(x) > str(y) ? 1 : 0); // ordinal, as KQL
            if (c) return k.desc ? -c : c;
          }
          return 0;
        });
        break;
      }
      case 'summarize': {
        const aggs = p.isId('by') ? [] : assignments(p);
        const by: { name: string; e: Expr }[] = [];
        if (p.isId('by')) { p.next(); by.push(...assignments(p)); }
        const byFns = by.map((b) => compile(b.e));
        const groups = new Map<string, Row[]>();
        for (const r of rows) {
          const key = byFns.length === 1 ? `s:${str(byFns[0](r))}` : JSON.stringify(byFns.map((fn) => fn(r)));
          let g = groups.get(key); if (!g) { g = []; groups.set(key, g); } g.push(r);
        }
        if (!by.length && !groups.size) groups.set('[]', []);
        rows = [...groups.values()].map((g) => {
          const o: Row = {};
          for (const b of by) o[b.name] = g.length ? evaluate(b.e, g[0]) : null;
          for (const a of aggs) {
            if (a.e.k !== 'call') throw new KqlError('summarize needs an aggregation function');
            const fn = a.e.name; const arg = a.e.args[0];
            const name = a.name.startsWith(`${fn}_`) || a.name === 'Column1' ? (fn === 'count' ? 'count_' : a.name) : a.name;
            if (fn === 'count') o[name] = g.length;
            else if (fn === 'make_list' && arg) { const f = compile(arg); o[name] = g.map((r) => f(r)); }
            else if (fn === 'make_set' && arg) o[name] = [...new Set(g.map((r) => JSON.stringify(evaluate(arg, r))))].map((x) => JSON.parse(x) as unknown);
            else if (fn === 'dcount' && arg) o[name] = new Set(g.map((r) => str(evaluate(arg, r)))).size;
            else throw new KqlError(`unsupported aggregation '${fn}'`);
          }
          return o;
        });
        break;
      }
      default: throw new KqlError(`unsupported operator '${op}'`);
    }
  }
  if (p.peek().t !== 'eof') throw new KqlError(`unexpected '${p.peek().v}'`);
  // Rows made by `extend` inherit columns; the answer must carry them as own properties.
  return rows.map((r) => (Object.getPrototypeOf(r) === Object.prototype ? r : flat(r)));
}
