import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on 127.0.0.1 (the server does not accept PORT=0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts `node server/bin/tongban.mjs serve` from the repository root. */
export function startServer(root: string, port: number, env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['server/bin/tongban.mjs', 'serve'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, url: `http://127.0.0.1:${port}`, output: () => text, exited, stop };
}

/** Resolves when /healthz answers 200; rejects (with the server's output) if it exits first or takes too long. */
export async function waitForHealth(server: ServerProcess, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void server.exited.then((c) => (exitCode = c));
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (exitCode !== undefined) throw new Error(`the server exited (code ${exitCode}) before it was healthy:\n${server.output()}`);
    try {
      const res = await fetch(`${server.url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server was not healthy after ${timeoutMs} ms:\n${server.output()}`);
}
