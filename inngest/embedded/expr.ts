/**
 * A small subset of CEL, enough for what Inngest configs carry: keys like `event.data.licenseKey`,
 * onFailure's `event.data.function_id == 'app-fn'`, cancelOn's `event.data.x == async.data.x`,
 * and simple trigger `if`s: paths, string/number/bool/null literals, lists, == != < <= > >=,
 * `in`, && || !, + and parentheses. Anything else throws UnsupportedExpression at compile time.
 */
export class UnsupportedExpression extends Error {}

export type Vars = Record<string, unknown>;
export type Compiled = (vars: Vars) => unknown;

type Token = { t: "num" | "str" | "id" | "op"; v: string };

const OPS = ["==", "!=", ">=", "<=", "&&", "||", ">", "<", "!", "+", "-", "(", ")", ".", "[", "]", ","];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\" && j + 1 < src.length) { s += src[j + 1]; j += 2; continue; }
        s += src[j++];
      }
      if (j >= src.length) throw new UnsupportedExpression(`unterminated string in ${src}`);
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { out.push({ t: "num", v: num[0] }); i += num[0].length; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { out.push({ t: "id", v: id[0] }); i += id[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new UnsupportedExpression(`unexpected '${c}' in ${src}`);
    out.push({ t: "op", v: op });
    i += op.length;
  }
  return out;
}

export function compileExpression(src: string): Compiled {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => peek()?.t === "op" && peek()?.v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new UnsupportedExpression(`expected '${v}' in ${src}`);
    pos++;
  };

  const or = (): Compiled => {
    let left = and();
    while (isOp("||")) { pos++; const l = left, r = and(); left = (v) => truthy(l(v)) || truthy(r(v)); }
    return left;
  };
  const and = (): Compiled => {
    let left = cmp();
    while (isOp("&&")) { pos++; const l = left, r = cmp(); left = (v) => truthy(l(v)) && truthy(r(v)); }
    return left;
  };
  const cmp = (): Compiled => {
    const left = add();
    const tok = peek();
    if (tok?.t === "op" && ["==", "!=", ">=", "<=", ">", "<"].includes(tok.v)) {
      pos++;
      const right = add();
      return (v) => compare(tok.v, left(v), right(v));
    }
    if (tok?.t === "id" && tok.v === "in") {
      pos++;
      const right = add();
      return (v) => { const list = right(v); const x = left(v); return Array.isArray(list) && list.some((e) => equal(e, x)); };
    }
    return left;
  };
  const add = (): Compiled => {
    let left = unary();
    while (isOp("+") || isOp("-")) {
      const op = tokens[pos++]!.v;
      const l = left, r = unary();
      left = (v) => {
        const a = l(v), b = r(v);
        if (op === "+") return typeof a === "number" && typeof b === "number" ? a + b : `${str(a)}${str(b)}`;
        return typeof a === "number" && typeof b === "number" ? a - b : undefined;
      };
    }
    return left;
  };
  const unary = (): Compiled => {
    if (isOp("!")) { pos++; const e = unary(); return (v) => !truthy(e(v)); }
    if (isOp("-")) { pos++; const e = unary(); return (v) => { const x = e(v); return typeof x === "number" ? -x : undefined; }; }
    return postfix();
  };
  const postfix = (): Compiled => {
    let base = primary();
    for (;;) {
      if (isOp(".")) {
        pos++;
        const name = tokens[pos++];
        if (name?.t !== "id") throw new UnsupportedExpression(`expected a field name in ${src}`);
        if (isOp("(")) throw new UnsupportedExpression(`function calls are not supported: ${src}`);
        const b = base;
        base = (v) => field(b(v), name.v);
      } else if (isOp("[")) {
        pos++;
        const index = or();
        expect("]");
        const b = base;
        base = (v) => field(b(v), index(v));
      } else return base;
    }
  };
  const primary = (): Compiled => {
    const tok = tokens[pos++];
    if (!tok) throw new UnsupportedExpression(`unexpected end of ${src}`);
    if (tok.t === "num") { const n = Number(tok.v); return () => n; }
    if (tok.t === "str") { const s = tok.v; return () => s; }
    if (tok.t === "id") {
      if (tok.v === "true") return () => true;
      if (tok.v === "false") return () => false;
      if (tok.v === "null") return () => null;
      if (isOp("(")) throw new UnsupportedExpression(`function calls are not supported: ${src}`);
      const name = tok.v;
      return (v) => v[name];
    }
    if (tok.v === "(") { const e = or(); expect(")"); return e; }
    if (tok.v === "[") {
      const items: Compiled[] = [];
      while (!isOp("]")) { items.push(or()); if (!isOp("]")) expect(","); }
      pos++;
      return (v) => items.map((i) => i(v));
    }
    throw new UnsupportedExpression(`unexpected '${tok.v}' in ${src}`);
  };

  const compiled = or();
  if (pos !== tokens.length) throw new UnsupportedExpression(`unexpected '${tokens[pos]!.v}' in ${src}`);
  return compiled;
}

function field(obj: unknown, key: unknown): unknown {
  if (obj === null || obj === undefined || typeof obj !== "object") return undefined;
  return (obj as Record<string, unknown>)[String(key)];
}

function truthy(x: unknown): boolean {
  return x === true;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (typeof a === "object" || typeof b === "object") return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (op === "==") return equal(a, b);
  if (op === "!=") return !equal(a, b);
  const comparable = (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
  if (!comparable) return false;
  const x = a as number | string, y = b as number | string;
  return op === ">" ? x > y : op === "<" ? x < y : op === ">=" ? x >= y : x <= y;
}

function str(x: unknown): string {
  if (x === undefined || x === null) return "";
  return typeof x === "object" ? JSON.stringify(x) : String(x);
}

/** A key expression's value as the string runs are grouped by (missing values group together). */
export function keyString(value: unknown): string {
  return str(value);
}
