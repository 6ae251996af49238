export { DomainError, defineErrors, CommonErrors, isDomainError, type ErrorKind, type ErrorSpec, type FieldError, type ErrorFactory } from './errors.ts';
