import { defineErrors } from '../../platform/errors/index.ts';

/** Error codes of catalog import and export. */
export const ImportErrors = defineErrors('catalog_import', {
  FILE_REQUIRED: { kind: 'invalid', zh: '请上传文件（字段 file）', en: 'Upload a file in the field "file"' },
  FILE_TOO_LARGE: { kind: 'invalid', zh: '文件超过 {max} MB 上限', en: 'The file is larger than {max} MB' },
  FILE_TYPE: {
    kind: 'invalid',
    zh: '不支持的文件类型：请上传 Excel 工作簿（.xlsx）、UTF-8 编码的 CSV 或 JSON 文件',
    en: 'Unsupported file type: upload an Excel workbook (.xlsx), a UTF-8 CSV or a JSON file',
  },
  LEGACY_XLS: {
    kind: 'invalid',
    zh: '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后上传',
    en: 'Old Excel (.xls) files are not supported; save the workbook as .xlsx and upload it again',
  },
  FILE_UNREADABLE: { kind: 'invalid', zh: '文件无法读取：{reason}', en: 'The file cannot be read: {reason}' },
  NO_HEADER: {
    kind: 'invalid',
    zh: '文件中找不到表头：至少需要“事项名称”和另一个可识别的列（如“职权类型”“实施主体”）',
    en: 'No header row found: the file needs an item name column and at least one other known column (such as 职权类型 or 实施主体)',
  },
  NO_ROWS: { kind: 'invalid', zh: '文件中没有事项数据行', en: 'The file has no item rows' },
  TOO_MANY_ROWS: { kind: 'invalid', zh: '一次最多导入 {max} 行，本文件有 {rows} 行，请分批导入', en: 'At most {max} rows per import; this file has {rows}. Split it' },
  REGION_NOT_FOUND: { kind: 'not_found', zh: '行政区划 {code} 不存在或不在您的管辖范围内', en: 'Region {code} does not exist or is outside your scope' },
  IMPORT_NOT_FOUND: { kind: 'not_found', zh: '未找到该导入批次', en: 'Import batch not found' },
  HAS_ERRORS: {
    kind: 'invalid',
    zh: '该批次有 {count} 处错误，不能发布；请修正文件后重新上传',
    en: 'The batch has {count} errors and cannot be published; correct the file and upload it again',
  },
  ALREADY_COMMITTED: { kind: 'conflict', zh: '该批次已于 {at} 发布', en: 'The batch was already published at {at}' },
  DISCARDED: { kind: 'conflict', zh: '该批次已放弃，不能再发布', en: 'The batch was discarded and cannot be published' },
  ORGS_CHANGED: {
    kind: 'conflict',
    zh: '预览后机构已变更（{names}），请重新上传文件生成新的预览',
    en: 'Organisations changed after the preview ({names}); upload the file again for a new preview',
  },
  PUBLISH_UNAVAILABLE: { kind: 'unavailable', zh: '事项发布服务不可用', en: 'Catalog publication is not available' },
});
