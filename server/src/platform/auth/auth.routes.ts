import { z } from 'zod';
import type { Routes } from '../http/index.ts';
import { ROLE_LABELS, type Actor } from '../access/index.ts';
import { SESSION_COOKIE, type AuthService } from './auth.service.ts';
import { RegisterSchema, registerApplicant } from './register.ts';
import type { Db } from '../db/index.ts';

const MeSchema = z.object({
  id: z.number(),
  username: z.string(),
  kind: z.enum(['staff', 'person', 'legal']),
  displayName: z.string(),
  roles: z.array(z.object({ role: z.string(), label: z.string(), labelEn: z.string(), regionCode: z.string().nullable(), orgId: z.number().nullable() })),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable(),
  residentIdMasked: z.string().nullable().optional(),
  usccMasked: z.string().nullable().optional(),
  phoneMasked: z.string().nullable().optional(),
});

export function presentMe(actor: Actor, csrfToken: string | null) {
  return {
    id: actor.id,
    username: actor.username,
    kind: actor.kind,
    displayName: actor.displayName,
    roles: actor.grants.map((g) => ({ role: g.role, label: ROLE_LABELS[g.role].zh, labelEn: ROLE_LABELS[g.role].en, regionCode: g.regionCode, orgId: g.orgId })),
    permissions: [...actor.permissions].sort(),
    csrfToken,
  };
}

export function registerAuthRoutes(routes: Routes, auth: AuthService, db: Db, opts: { cookieSecure: boolean; sessionHours: number }) {
  routes.define({
    method: 'POST',
    url: '/api/auth/register',
    tags: ['auth'],
    summary: 'Register an applicant account: a natural person (resident ID) or a legal person (USCC)',
    description: 'The identifier becomes the username. Then sign in with POST /api/auth/login.',
    access: 'public',
    csrf: false,
    status: 201,
    body: RegisterSchema,
    handler: async ({ body, caller }) => {
      const id = await registerApplicant(db, caller, body);
      return { id, username: body.kind === 'person' ? body.residentId : body.uscc, kind: body.kind };
    },
  });

  routes.define({
    method: 'POST',
    url: '/api/auth/login',
    tags: ['auth'],
    summary: 'Sign in with a password; sets the HTTP-only session cookie',
    description: 'Applicants may sign in with their resident ID or USCC as the username. The response carries the CSRF token to send as `X-CSRF-Token` on writes.',
    access: 'public',
    idempotent: false,
    csrf: false,
    body: z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }),
    response: MeSchema,
    handler: async ({ body, caller, req, reply }) => {
      const { token, csrfToken, actor } = await auth.login(body.username, body.password, caller, req.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure,
        path: '/',
        maxAge: opts.sessionHours * 3600,
      });
      return presentMe(actor, csrfToken);
    },
  });

  routes.define({
    method: 'POST',
    url: '/api/auth/logout',
    tags: ['auth'],
    summary: 'Sign out: ends the session and clears the cookie',
    access: 'authenticated',
    idempotent: false,
    status: 204,
    handler: async ({ actor, caller, reply }) => {
      await auth.logout(actor, caller);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/me',
    tags: ['auth'],
    summary: 'The signed-in account: roles with scopes, permissions, CSRF token',
    access: 'authenticated',
    response: MeSchema,
    handler: async ({ actor, req }) => ({ ...presentMe(actor, req.csrfToken ?? null), ...(await auth.identifiers(actor)) }),
  });

  routes.define({
    method: 'POST',
    url: '/api/me/password',
    tags: ['auth'],
    summary: 'Change my password (other sessions are signed out)',
    access: 'authenticated',
    idempotent: false,
    status: 204,
    body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
    handler: async ({ actor, caller, body, reply }) => {
      await auth.changePassword(actor, caller, body.currentPassword, body.newPassword);
      return reply.code(204).send();
    },
  });

  routes.define({
    method: 'POST',
    url: '/api/auth/tokens',
    tags: ['auth'],
    summary: 'Create an API token for a machine client (the secret is returned once)',
    access: 'token:manage',
    status: 201,
    body: z.object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).nullable().default(365) }),
    handler: async ({ actor, caller, body }) => auth.createToken(actor, caller, body.name, body.expiresInDays),
  });

  routes.define({
    method: 'GET',
    url: '/api/auth/tokens',
    tags: ['auth'],
    summary: 'My API tokens (without secrets)',
    access: 'token:manage',
    handler: async ({ actor }) => ({ items: await auth.listTokens(actor) }),
  });

  routes.define({
    method: 'DELETE',
    url: '/api/auth/tokens/:id',
    tags: ['auth'],
    summary: 'Revoke one of my API tokens',
    access: 'token:manage',
    status: 204,
    params: z.object({ id: z.coerce.number().int().positive() }),
    handler: async ({ actor, caller, params, reply }) => {
      await auth.revokeToken(actor, caller, params.id);
      return reply.code(204).send();
    },
  });
}
