import { defineErrors } from '../../platform/errors/index.ts';

export const SearchErrors = defineErrors('catalog_search', {
  SYNONYM_NOT_FOUND: { kind: 'not_found', zh: '未找到该同义词', en: 'Synonym not found' },
  SYNONYM_EXISTS: { kind: 'conflict', zh: '同义词“{term}”已存在', en: 'The synonym "{term}" already exists' },
});
