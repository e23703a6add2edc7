/**
 * The little XML the SOAP API needs, without a dependency: building elements in the WSDL's order
 * (.NET's XmlSerializer reads sequences in order) and reading responses into a tree by local name
 * (namespace prefixes vary between SOAP 1.1, 1.2 and servers).
 */

export type XmlElement = { name: string; value: string | XmlElement[] };
export type XmlNode = { name: string; text: string; children: XmlNode[]; nil: boolean };

/** An element; `undefined` values are left out (the manual: "never provided"). */
export const el = (name: string, value: string | number | boolean | XmlElement[]): XmlElement => ({
  name,
  value: Array.isArray(value) ? value : String(value),
});

/** Elements of the defined entries only, in the order given. */
export function elements(entries: [string, string | number | boolean | XmlElement[] | undefined][]): XmlElement[] {
  return entries.filter((e): e is [string, string | number | boolean | XmlElement[]] => e[1] !== undefined).map(([n, v]) => el(n, v));
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export function toXml(items: XmlElement[]): string {
  return items.map((e) => (typeof e.value === "string" ? `<${e.name}>${escapeXml(e.value)}</${e.name}>` : `<${e.name}>${toXml(e.value)}</${e.name}>`)).join("");
}

/** A built element tree as a plain object (repeated names become arrays): for tests and logs. */
export function plain(items: XmlElement[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of items) {
    const value = typeof e.value === "string" ? e.value : plain(e.value);
    const known = out[e.name];
    out[e.name] = known === undefined ? value : Array.isArray(known) ? [...known, value] : [known, value];
  }
  return out;
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(":") + 1);

/** Parses a document into its root element. Throws XmlError on anything that is not well-formed. */
export function parseXml(source: string): XmlNode {
  let i = 0;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  const fail = (why: string): never => { throw new XmlError(`${why} at position ${i}`); };

  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const text = source.slice(i, lt < 0 ? source.length : lt);
    if (stack.length) stack[stack.length - 1]!.text += unescapeXml(text);
    else if (text.trim()) fail("Text outside the root element");
    if (lt < 0) break;
    i = lt;
    if (source.startsWith("<?", i)) { i = source.indexOf("?>", i) + 2; if (i < 2) fail("Unclosed declaration"); continue; }
    if (source.startsWith("<!--", i)) { i = source.indexOf("-->", i) + 3; if (i < 3) fail("Unclosed comment"); continue; }
    if (source.startsWith("<![CDATA[", i)) {
      const end = source.indexOf("]]>", i);
      if (end < 0 || !stack.length) fail("Misplaced CDATA");
      stack[stack.length - 1]!.text += source.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    if (source.startsWith("<!", i)) { i = source.indexOf(">", i) + 1; if (i < 1) fail("Unclosed declaration"); continue; }
    const end = source.indexOf(">", i);
    if (end < 0) fail("Unclosed tag");
    const tag = source.slice(i + 1, end);
    i = end + 1;
    if (tag.startsWith("/")) {
      const open = stack.pop();
      if (!open || open.name !== localName(tag.slice(1).trim())) fail(`Unexpected closing tag </${tag.slice(1).trim()}>`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = /^[^\s/>]+/.exec(body.trim())?.[0];
    if (!name) fail("Empty tag");
    const node: XmlNode = { name: localName(name!), text: "", children: [], nil: /\bnil\s*=\s*["']true["']/.test(body) };
    if (stack.length) stack[stack.length - 1]!.children.push(node);
    else if (root) fail("Second root element");
    else root = node;
    if (!selfClosing) stack.push(node);
  }
  if (stack.length || !root) throw new XmlError(stack.length ? `Unclosed element <${stack[stack.length - 1]!.name}>` : "No root element");
  return root;
}

export const child = (node: XmlNode | undefined, name: string) => node?.children.find((c) => c.name === name);
export const childrenNamed = (node: XmlNode | undefined, name: string) => node?.children.filter((c) => c.name === name) ?? [];
/** The trimmed text of a child element; undefined when absent or xsi:nil. */
export function textOf(node: XmlNode | undefined, name: string): string | undefined {
  const c = child(node, name);
  return c && !c.nil ? c.text.trim() : undefined;
}
/** Follows a path of child names. */
export const path = (node: XmlNode | undefined, ...names: string[]) => names.reduce<XmlNode | undefined>((n, name) => child(n, name), node);
