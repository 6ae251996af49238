import { api } from '../api.ts';
import type { CreatedToken, TokenRow } from './types.ts';

export const listTokens = (signal?: AbortSignal) => api.get<{ items: TokenRow[] }>('/api/auth/tokens', undefined, signal);
export const createToken = (name: string, expiresInDays: number | null) => api.post<CreatedToken>('/api/auth/tokens', { name, expiresInDays });
export const revokeToken = (id: number) => api.delete(`/api/auth/tokens/${id}`);
