import { api } from '../../app/api.ts';

export type LicenceState = 'valid' | 'revoked' | 'cancelled' | 'expired' | 'transferred' | 'withdrawn';
export type Verdict = LicenceState | 'tampered' | 'unknown';
export interface Label {
  zh: string;
  en: string;
}

export interface VerifyReason {
  code: string;
  zh: string;
  en: string;
}

export interface PublicLicence {
  licenceNo: string;
  type: string;
  holder: { kind: 'person' | 'legal'; name: string; idNumber: string };
  issuer: { name: string };
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  state: LicenceState;
  stateLabel: Label;
  history: { action: string; toState: string; at: string }[];
}

export interface VerifyResult {
  kind: 'json' | 'pdf' | 'number';
  signatureValid: boolean;
  documentIntact: boolean;
  registered: boolean;
  licenceNo: string | null;
  state: LicenceState | null;
  verdict: Verdict;
  verdictLabel: Label;
  licence: PublicLicence | null;
  reasons: VerifyReason[];
}

export interface MyLicence {
  id: string;
  licenceNo: string;
  type: string;
  holder: { kind: 'person' | 'legal'; name: string; idNumber: string };
  issuer: { name: string; code: string };
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  state: LicenceState;
  stateLabel: Label;
  itemName: string | null;
  applicationNo: string | null;
  downloads: { json: string; pdf: string };
  verifyPath: string;
}

export const verifyByNumber = (licenceNo: string) => api.get<VerifyResult>(`/api/licenses/verify/${encodeURIComponent(licenceNo)}`);

/** Verifies an uploaded PDF or JSON file. */
export function verifyFile(file: File): Promise<VerifyResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<VerifyResult>('/api/licenses/verify', form);
}

export const myLicences = () => api.get<{ items: MyLicence[] }>('/api/me/licenses');
