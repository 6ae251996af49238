/**
 * XML for Open311: a serialiser for the spec's documents (a root element with
 * repeated item elements) and a small reader used to parse responses back.
 */

/** Element name of one entry of each list, as the spec names them. */
const ITEM_OF: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

// characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF)
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(NOT_XML, '');
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_OF[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<?xml …?><root><item>…</item>…</root>` for a list document. */
export function xmlList(root: string, items: unknown[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, items)}`;
}

/** `<?xml …?><root>…fields…</root>` for a single-object document. */
export function xmlObject(root: string, value: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`;
}

export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const l = e.toLowerCase();
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    if (l === 'amp') return '&';
    return String.fromCodePoint(l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
  });

/** Reads element-only XML (no attributes, no mixed content): enough for the documents above. Throws on malformed input. */
export function readXml(xml: string): XmlNode {
  const src = xml.replace(/^\s*<\?xml[^?]*\?>/, '').trim();
  let i = 0;
  const node = (): XmlNode => {
    const open = /^<([A-Za-z_][\w.-]*)\s*(\/?)>/.exec(src.slice(i));
    if (!open) throw new Error(`XML: expected an element at ${i}`);
    i += open[0].length;
    const n: XmlNode = { name: open[1], children: [], text: '' };
    if (open[2] === '/') return n;
    for (;;) {
      const close = `</${n.name}>`;
      if (src.startsWith(close, i)) {
        i += close.length;
        return n;
      }
      if (src[i] === '<') {
        if (src[i + 1] === '/') throw new Error(`XML: unexpected ${src.slice(i, i + 20)} inside <${n.name}>`);
        n.children.push(node());
      } else {
        const next = src.indexOf('<', i);
        if (next < 0) throw new Error(`XML: <${n.name}> is not closed`);
        n.text += unescape(src.slice(i, next));
        i = next;
      }
    }
  };
  const root = node();
  if (src.slice(i).trim() !== '') throw new Error('XML: content after the root element');
  return root;
}

/**
 * An XML node as plain data, the inverse of the serialiser: elements whose
 * children repeat one name become arrays; leaves become strings (empty
 * element → null).
 */
export function xmlToData(n: XmlNode): unknown {
  if (n.children.length === 0) return n.text === '' ? null : n.text;
  const item = ITEM_OF[n.name];
  if (item && n.children.every((c) => c.name === item)) return n.children.map(xmlToData);
  const out: Record<string, unknown> = {};
  for (const c of n.children) out[c.name] = xmlToData(c);
  return out;
}
