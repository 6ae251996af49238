import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Serves the built web UI with a single-page-app fallback for client routes. */
export async function serveWeb(app: FastifyInstance, distDir: string): Promise<boolean> {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false, maxAge: '1h', immutable: false });
  const html = fs.readFileSync(index, 'utf8');
  const sendIndex = (_req: unknown, reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  app.get('/', sendIndex);
  app.get('/*', (req, reply) => {
    const rel = decodeURIComponent((req.params as { '*': string })['*']);
    const file = path.join(distDir, rel);
    if (rel && file.startsWith(distDir) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(rel);
    if (rel.startsWith('api/') || rel.startsWith('open311/')) return reply.callNotFound();
    return sendIndex(req, reply);
  });
  return true;
}
