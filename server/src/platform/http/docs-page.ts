/** A self-contained API reference page rendered from the OpenAPI document (no CDN, works offline). */
export function renderDocsPage(doc: { info: { title: string; version: string }; paths: Record<string, Record<string, unknown>> }): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
  const byTag = new Map<string, string[]>();
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(ops)) {
      const op = raw as { tags?: string[]; summary?: string; description?: string; parameters?: { name: string; in: string; required?: boolean }[]; requestBody?: unknown };
      const tag = op.tags?.[0] ?? 'other';
      const params = (op.parameters ?? []).map((x) => `<code>${esc(x.name)}</code> (${x.in}${x.required ? ', required' : ''})`).join(', ');
      const body = op.requestBody ? `<details><summary>request body schema</summary><pre>${esc(JSON.stringify((op.requestBody as { content: Record<string, { schema: unknown }> }).content['application/json'].schema, null, 2))}</pre></details>` : '';
      const html = `<div class="op"><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(p)}</code> — ${esc(op.summary ?? '')}
        <div class="d">${esc(op.description ?? '')}</div>${params ? `<div>参数 Parameters: ${params}</div>` : ''}${body}</div>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag.entries()].map(([tag, ops]) => `<h2>${esc(tag)}</h2>${ops.join('')}`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.info.title)} — API 文档</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
.op{border:1px solid #ddd;border-radius:6px;padding:.6em .8em;margin:.5em 0}.m{font-weight:700;padding:0 .4em;border-radius:3px;color:#fff}
.get{background:#1677ff}.post{background:#52c41a}.put,.patch{background:#fa8c16}.delete{background:#f5222d}.d{color:#555;font-size:.9em;white-space:pre-wrap}
pre{background:#f6f6f6;padding:.5em;overflow:auto}</style></head><body>
<h1>${esc(doc.info.title)} <small>v${esc(doc.info.version)}</small></h1>
<p>机器可读文档 Machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a>. 错误均为 problem+json (RFC 9457)；写操作支持 <code>Idempotency-Key</code>。</p>
${sections}</body></html>`;
}
