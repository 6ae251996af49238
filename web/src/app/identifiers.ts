/** Resident ID (GB 11643) or USCC (GB 32100) shaped strings: personal or registration identifiers to mask on screen. */
export const IDENTIFIER = /^(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})$/;
