import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Runtime configuration, read once from the environment. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Office hours used by working-hour deadlines, "HH:MM-HH:MM,HH:MM-HH:MM". */
  OFFICE_HOURS: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}(,\d{2}:\d{2}-\d{2}:\d{2})*$/).default('09:00-12:00,13:30-17:30'),
  /** Roles run by this process: any of api, worker. */
  ROLES: z.string().default('api,worker'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Sign-in attempts per client IP per 5 minutes (a whole office may share one address). */
  LOGIN_IP_ATTEMPTS: z.coerce.number().int().min(1).default(100),
  SESSION_HOURS: z.coerce.number().int().min(1).default(12),
  /** Where uploaded files are kept (default: DATA_DIR/files). */
  FILES_DIR: z.string().optional(),
  /** The platform's public address, printed in QR codes of licences, receipts and notices (no trailing slash). */
  PUBLIC_BASE_URL: z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[\w./-]*)?$/, 'must be an http(s) URL such as https://zwfw.example.gov.cn').optional(),
  /** Largest upload accepted, in MB. */
  UPLOAD_MAX_MB: z.coerce.number().min(0.001).max(500).default(20),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  officeHours: string;
  roles: Set<'api' | 'worker'>;
  seedDemo: 'auto' | 'never';
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginIpAttempts: number;
  sessionHours: number;
  filesDir: string;
  uploadMaxBytes: number;
  /** Public address for QR codes (PUBLIC_BASE_URL; default http://HOST:PORT). Never taken from a request's Host header. */
  publicBaseUrl: string;
};

export class ConfigError extends Error {}

/** The repository root (server/src/platform/config → up four). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The PGlite data directory: `./data` of the repository by default; a
 * relative DATA_DIR is taken from where the command was typed (npm passes
 * it as INIT_CWD when it runs a workspace script elsewhere).
 */
function dataDirOf(value: string | undefined, env: NodeJS.ProcessEnv): string {
  if (!value) return path.join(REPO_ROOT, 'data');
  return path.resolve(env.INIT_CWD ?? process.cwd(), value);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // an empty variable means "not set"
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`配置错误 Invalid configuration ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  const roles = new Set(
    e.ROLES.split(',').map((r) => r.trim()).filter((r): r is 'api' | 'worker' => r === 'api' || r === 'worker'),
  );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: dataDirOf(e.DATA_DIR, env),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    officeHours: e.OFFICE_HOURS,
    roles,
    seedDemo: e.SEED_DEMO,
    cookieSecure: e.COOKIE_SECURE === 'true',
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginIpAttempts: e.LOGIN_IP_ATTEMPTS,
    sessionHours: e.SESSION_HOURS,
    filesDir: e.FILES_DIR ? path.resolve(env.INIT_CWD ?? process.cwd(), e.FILES_DIR) : path.join(dataDirOf(e.DATA_DIR, env), 'files'),
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
  };
}
