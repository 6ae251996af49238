import { defineErrors } from '../../platform/errors/index.ts';

/** Error codes of the command screen (指挥屏) queries. */
export const CommandErrors = defineErrors('insight', {
  REGION_NOT_FOUND: {
    kind: 'not_found',
    zh: '未找到该行政区划或不在您的管辖范围内',
    en: 'Region not found or outside your scope',
  },
  GRID_NOT_FOUND: { kind: 'not_found', zh: '未找到该网格或不在您的管辖范围内', en: 'Grid not found or outside your scope' },
  NO_ACCESS: {
    kind: 'forbidden',
    zh: '查看指挥屏需要案件督办（case:supervise）或统计查看（insight:read）权限',
    en: 'The command screen needs the case:supervise or insight:read permission',
  },
  TOO_MANY_STREAMS: {
    kind: 'rate_limited',
    zh: '实时连接过多，请关闭其他指挥屏页面后重试',
    en: 'Too many live connections; close other command screen pages and try again',
  },
});
