/** Administration of Open311 under /api/open311: API keys and service definitions (problem+json like the rest of /api). */
import { z } from 'zod';
import type { Routes } from '../../platform/http/index.ts';
import { DATATYPES, KEY_PERMISSIONS } from './open311.rules.ts';
import type { KeyService } from './keys.service.ts';
import type { Open311Service } from './open311.service.ts';

const Id = z.coerce.number().int().positive().max(2147483647);
const Text = (min: number, max: number) => z.string().trim().min(min).max(max);
const ServiceCode = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: '只能包含字母、数字和 . _ -（letters, digits, . _ -）' });

const KeyOut = z.object({
  id: z.number(),
  keyPrefix: z.string(),
  name: z.string(),
  orgId: z.number().nullable(),
  regionCode: z.string(),
  permissions: z.array(z.enum(KEY_PERMISSIONS)),
  active: z.boolean(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

const Attribute = z.object({
  variable: z.boolean().default(true),
  code: Text(1, 64).regex(/^[A-Za-z0-9_.-]+$/, { message: '只能包含字母、数字和 _ . -（letters, digits, _ . -）' }),
  datatype: z.enum(DATATYPES),
  required: z.boolean().default(false),
  datatype_description: Text(1, 200).nullable().default(null),
  order: z.number().int().min(0).max(1000),
  description: Text(1, 500),
  values: z.array(z.object({ key: Text(1, 64), name: Text(1, 200) })).max(200).default([]),
});
const Definition = z.object({ serviceCode: z.string(), attributes: z.array(Attribute), version: z.number() });

export function registerOpen311AdminRoutes(routes: Routes, keys: KeyService, open311: Open311Service): void {
  routes.define({
    method: 'GET',
    url: '/api/open311/keys',
    tags: ['open311'],
    summary: 'Open311 API keys (the key values are never shown again)',
    access: 'open311:manage',
    response: z.object({ items: z.array(KeyOut) }),
    handler: async ({ actor }) => ({ items: await keys.list(actor) }),
  });

  routes.define({
    method: 'POST',
    url: '/api/open311/keys',
    tags: ['open311'],
    summary: 'Create an Open311 API key: submit (client apps) and/or update (a department’s own system); the key is shown once',
    access: 'open311:manage',
    status: 201,
    body: z.object({
      name: Text(2, 100),
      orgId: Id.nullable().optional().meta({ description: 'The department whose system uses the key (required for update)' }),
      regionCode: z.string().regex(/^\d{2,12}$/).nullable().optional(),
      permissions: z.array(z.enum(KEY_PERMISSIONS)).min(1).max(2),
    }),
    response: KeyOut.extend({ key: z.string() }),
    handler: async ({ body, caller }) => keys.create({ actor: caller.actor, ip: caller.ip, requestId: caller.requestId }, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/open311/keys/:id/revoke',
    tags: ['open311'],
    summary: 'Revoke an Open311 API key',
    access: 'open311:manage',
    params: z.object({ id: Id }),
    response: KeyOut,
    handler: async ({ params, caller }) => keys.revoke({ actor: caller.actor, ip: caller.ip, requestId: caller.requestId }, params.id),
  });

  routes.define({
    method: 'GET',
    url: '/api/open311/services/:code',
    tags: ['open311'],
    summary: 'The Open311 attributes of a service (case category)',
    access: 'open311:manage',
    params: z.object({ code: ServiceCode }),
    response: Definition,
    handler: async ({ params }) => open311.getDefinition(params.code),
  });

  routes.define({
    method: 'PUT',
    url: '/api/open311/services/:code',
    tags: ['open311'],
    summary: 'Replace the Open311 attributes of a service (version 0 for the first definition)',
    access: 'open311:manage',
    params: z.object({ code: ServiceCode }),
    body: z.object({ attributes: z.array(Attribute).max(50), version: z.number().int().min(0) }),
    response: Definition,
    handler: async ({ params, body, caller }) => open311.putDefinition({ actor: caller.actor, ip: caller.ip, requestId: caller.requestId }, params.code, body.attributes, body.version),
  });
}
