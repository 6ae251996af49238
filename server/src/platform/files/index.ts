/** Platform files: uploads checked by content, stored by SHA-256 behind one blob-store interface. */
export { storedFiles } from './files.schema.ts';
export { FileErrors } from './files.errors.ts';
export { FileService, type StoredFile, type StoreInput } from './files.service.ts';
export { LocalBlobStore, sha256Hex, type BlobStore } from './store.ts';
export { sniff, extensionOf, cleanFileName, zipEntryNames, FILE_KINDS, KIND_LABELS, type FileKind, type Sniffed } from './sniff.rules.ts';
export { readUpload, readUploads, attachmentDisposition, type Upload, type UploadOptions } from './upload.ts';
export { registerFileRoutes } from './files.routes.ts';
