import { api } from '../../app/api.ts';

export type IdentifierKind = 'uscc' | 'resident-id';

interface Named {
  code: string;
  zh: string;
  en: string;
}

export interface UsccDetails {
  authority: Named;
  kind: Named;
  regionCode: string;
  bodyId: string;
  orgCode: string;
  checkChar: string;
}

export interface ResidentIdDetails {
  regionCode: string;
  province: Named;
  birthDate: string;
  sex: 'male' | 'female';
  sequence: string;
  checkChar: string;
}

export interface IdWarning {
  code: string;
  message: string;
  position?: number;
  expected?: string;
}

/** GET /api/validate/{uscc,resident-id}?value — an invalid identifier is a 200 answer with valid: false. */
export interface ValidationResult {
  valid: boolean;
  /** The normalised input (trimmed, upper-cased). */
  value: string;
  /** Stable error code when invalid, e.g. ids.USCC_CHECK. */
  code?: string;
  /** Why it is invalid, in the caller's language. */
  error?: string;
  /** 1-based position of the offending character. */
  position?: number;
  expected?: string;
  details?: UsccDetails | ResidentIdDetails;
  warnings?: IdWarning[];
}

export const validateIdentifier = (kind: IdentifierKind, value: string) => api.get<ValidationResult>(`/api/validate/${kind}`, { value });
