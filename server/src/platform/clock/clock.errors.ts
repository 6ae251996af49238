import { defineErrors } from '../errors/index.ts';

export const CalendarErrors = defineErrors('calendar', {
  INVALID_DATE: { kind: 'invalid', zh: '日期“{value}”无效（应为 YYYY-MM-DD）', en: 'Invalid date "{value}" (expected YYYY-MM-DD)' },
  OUT_OF_RANGE: {
    kind: 'invalid',
    zh: '日期超出工作日历支持的范围（{min}–{max} 年）',
    en: 'The date is outside the range the working-day calendar supports ({min}–{max})',
  },
  INVALID_HOURS: { kind: 'invalid', zh: '工作小时数必须是不小于 0 的有限数', en: 'Working hours must be a finite number not below 0' },
  INVALID_FILE: { kind: 'invalid', zh: '节假日安排文件有误', en: 'The holiday schedule file is invalid' },
  NOT_PUBLISHED: {
    kind: 'invalid',
    zh: '{year} 年的放假安排文件没有任何日期，视为尚未发布，不能作为已加载年份',
    en: 'The {year} schedule file lists no days: it counts as not published and cannot be loaded',
  },
});

export const SlaErrors = defineErrors('sla', {
  NOT_FOUND: { kind: 'not_found', zh: '未找到该计时器', en: 'SLA clock not found' },
  NOT_RUNNING: { kind: 'conflict', zh: '计时器当前为“{state}”状态，不能暂停', en: 'The SLA clock is {state}; it cannot be paused' },
  NOT_PAUSED: { kind: 'conflict', zh: '计时器当前为“{state}”状态，不能恢复', en: 'The SLA clock is {state}; it cannot be resumed' },
  ALREADY_STOPPED: { kind: 'conflict', zh: '计时器已停止', en: 'The SLA clock is already stopped' },
  INVALID_BUDGET: {
    kind: 'invalid',
    zh: '时限无效：工作日和自然日须为非负整数，工作小时须为非负数',
    en: 'Invalid time limit: working and calendar days must be whole numbers ≥ 0, working hours a number ≥ 0',
  },
  TIME_ORDER: { kind: 'invalid', zh: '时间早于计时器的上一次变化（{at}）', en: 'The time is before the clock last changed ({at})' },
});
