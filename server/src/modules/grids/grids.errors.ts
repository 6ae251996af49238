import { defineErrors } from '../../platform/errors/index.ts';

export const GridErrors = defineErrors('grids', {
  GRID_NOT_FOUND: { kind: 'not_found', zh: '未找到该网格', en: 'Grid not found' },
  OUTSIDE_GRIDS: { kind: 'not_found', zh: '该位置不在任何网格内', en: 'The location is not inside any grid' },
  IMPORT_INVALID: {
    kind: 'invalid',
    zh: '网格数据有 {count} 处错误，未导入任何内容',
    en: 'The grid data has {count} problem(s); nothing was imported',
  },
  ACCOUNT_UNKNOWN: { kind: 'invalid', zh: '账号 {id} 不存在', en: 'Account {id} does not exist' },
});
