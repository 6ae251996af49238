import pino from 'pino';

/** The slice of a pino logger the job runner uses. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export function defaultJobLogger(level: string): JobLogger {
  return pino({ name: 'jobs', level });
}

/** A short, single-line description of a thrown value (for last_error and logs). */
export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`.slice(0, 2000);
  return String(err).slice(0, 2000);
}
