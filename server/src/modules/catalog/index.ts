/** Catalog module: power list, service items and guides, versions, adjustments. The only import surface of modules/catalog. */
export { baseItems, items, itemVersions, adjustments, typeLabels } from './catalog.schema.ts';
export { ItemContent, type ItemContentInput } from './catalog.content.ts';
export { ITEM_TYPES, DEFAULT_TYPE_LABELS, parseItemType, isPowerType, type ItemType, type ItemTypeLabel } from './catalog.types.rules.ts';
// items, versions, adjustments, publication
export { CatalogErrors } from './catalog.errors.ts';
export { diffContent, sameValue, FIELD_LABELS, SUB_FIELD_LABELS, LIST_IDENTITY, DIFF_FIELDS, type ContentDiff, type FieldDiff, type SubChange, type ListEntry, type ChangedEntry } from './diff.rules.ts';
export { adjustmentFlow, adjustmentStore, ADJUSTMENT_STATES, ADJUSTMENT_ACTIONS, OPEN_STATES, QUEUE_STATES, EDITABLE_STATES, REVIEW_ACTIONS, REQUESTER_ACTIONS, type AdjustmentState, type AdjustmentAction } from './adjustment.workflow.ts';
export { canRequest, canReview, canSeeAdjustment, isRequesterOf, mayReviewRequest, adjustmentVisibility, isReviewer, type CatalogScope } from './catalog.policy.ts';
export { ITEM_PUBLISHED, validateContent, assertContent, isCalendarDate, type ItemPublishedEvent, type PublishOutcome } from './catalog.publish.ts';
export { CatalogService, publishDirect, loadTypeLabels, presentItem, presentVersion, type PublishDirectOptions, type ItemSummary, type VersionSummary, type ItemQuery, type TypeLabels } from './catalog.service.ts';
export { AdjustmentService, presentAdjustment, type AdjustmentSummary, type CreateAdjustmentInput, type EditAdjustmentInput, type ActionInput } from './adjustment.service.ts';
export { registerCatalogRoutes } from './catalog.routes.ts';
// bundles (一件事)
export { bundles, bundleMembers, bundleQuestions, BUNDLE_STATUSES, BUNDLE_APPLICANT_KINDS, QUESTION_KINDS, type BundleStatus, type BundleApplicantKind, type QuestionKind } from './bundles.schema.ts';
export { BundleErrors } from './bundles.errors.ts';
export { evaluateBundle, resolveAnswers, conditionHolds, defaultAnswers, normaliseAnswers, definitionProblems, materialReferenceProblems, mergeFormFields, ConditionSchema, OptionSchema, QuestionSchema, MemberSchema, FormFieldSchema, FORM_FIELD_TYPES, type Condition, type OptionDef, type QuestionDef, type MemberDef, type FormFieldDef, type FormFieldType, type BundleDefinition, type BundleItem, type Answers, type Evaluation, type ApplicableItem, type MergedFormField } from './bundles.rules.ts';
export { mergeMaterials, normaliseMaterialName, type MergedMaterial, type WaivedMaterial, type ExcludedMaterial, type MaterialSource } from './bundles.materials.rules.ts';
export { BundleService, presentBundle, type BundleInput, type BundleUpdate, type BundleSummary, type MemberInput } from './bundles.service.ts';
export { registerBundleRoutes } from './bundles.routes.ts';
// lists: devolution (赋权), territorial duties (属地管理), proof requirements (证明事项)
export { devolutions, devolutionEvaluations, dutyMatters, duties, proofs, DEVOLUTION_STATUSES, EVALUATION_RESULTS, DUTY_UNIT_KINDS, DUTY_ROLES, DUTY_STATUSES, PROOF_REPLACEMENTS, PROOF_STATUSES, type DevolutionStatus, type EvaluationResult, type DutyUnitKind, type DutyRole, type DutyStatus, type ProofReplacement, type ProofStatus } from './lists.schema.ts';
export { ListErrors } from './lists.errors.ts';
export { regionAncestry, regionContains, isTownRegion, isTownOrg, isDepartmentOrg, devolutionCategory, selectDutyEntry, composeRoute, groupDuties, dutyUnitProblems, dutyPushDownProblem, unlistedProofs, normaliseProofCode, type DutyRoute, type RouteUnit, type DutyEntryInput, type DutyUnitInput, type UnlistedProof, type DevolutionCategory } from './lists.rules.ts';
export { ListService, checkProofs, foldCounts, presentDevolution, presentProof, type Devolution, type DevolutionCounts, type DevolutionInput, type DevolutionUpdate, type Proof, type ProofInput, type ProofUpdate } from './lists.service.ts';
export { DutyService, routeByDuty, presentDutyEntry, type DutyEntry, type DutyEntryUpdate } from './lists.duties.service.ts';
export { registerListRoutes } from './lists.routes.ts';
// import and export of power and service lists (xlsx, CSV, JSON)
export { catalogImports } from './import.schema.ts';
export { ImportErrors } from './import.errors.ts';
export { COLUMNS as IMPORT_COLUMNS, normalizeHeader, fieldOfHeader, detectHeader, type ColumnDef, type FieldKey as ImportFieldKey, type RowError as ImportRowError, type SourceSheet } from './import.rules.ts';
export { mapRow, type MappedRow, type MapContext } from './import.row.ts';
export { mapSheets, orgResolver, summarize, MAX_IMPORT_ROWS, type BatchResult } from './import.batch.ts';
export { readSheets, sniffKind, decodeText, type FileKind } from './import.read.ts';
export { parseCsv, csvLine, csvField, UTF8_BOM } from './csv.ts';
export { CatalogImportService, presentRow as presentImportRow, MAX_UPLOAD_BYTES, type ImportPreview, type ImportSummary, type StoredRow, type CommitResult, type UploadInput, type CommitInput } from './import.service.ts';
export { registerCatalogImportRoutes } from './import.routes.ts';
export { CatalogExportService, EXPORT_COLUMNS, exportCells, type ExportFilter, type ExportItem } from './export.service.ts';
export { registerCatalogExportRoutes } from './export.routes.ts';
// search: jieba full text, synonyms, trigram typo tolerance
export { searchDocs, bundleSearchDocs, synonyms } from './search.schema.ts';
export { SearchErrors } from './search.errors.ts';
export { parseQuery, compileSynonyms, highlight, snippet, escapeHtml, indexTokens, buildTsvector, segmenter, normalizeTerm, type ParsedQuery, type Concept, type SynonymIndex, type SynonymEntry } from './search.rules.ts';
export { indexItem, indexItems, indexBundle, reindexAll, reindexBundles, itemDocument, type ReindexResult } from './search.indexer.ts';
export { SearchService, FEW_RESULTS, MAX_QUERY_LENGTH, type SearchInput, type SearchFilters, type SearchResult, type SearchHit, type BundleHit, type SynonymView, type SynonymInput } from './search.service.ts';
export { registerSearchRoutes } from './search.routes.ts';
// statute texts (法律法规文本) for the legal basis of guides
export { LawService, LawErrors, parseLaw, articleNumber, chineseNumber, LAWS_DIR, type LawArticle, type LawSummary, type ParsedLaw } from './laws.service.ts';
export { registerLawRoutes } from './laws.routes.ts';
