import { useMemo, useState } from 'react';
import { Alert, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { LoadError } from '../../app/components/LoadError.tsx';
import { getCalendarYear, type CalendarDay } from './clock.api.ts';
import { holidaySpans, type HolidaySpan } from './holidays.ts';
import { MonthGrid } from './MonthGrid.tsx';

const LEGEND: { kind: CalendarDay['kind']; color: string }[] = [
  { kind: 'holiday', color: '#fde8e7' },
  { kind: 'makeup', color: '#fff6e0' },
  { kind: 'weekend', color: '#f2f4f7' },
  { kind: 'workday', color: '#ffffff' },
];

const isUrl = (s: string) => /^https?:\/\//.test(s);

/** The notices a loaded schedule comes from: document numbers as text, addresses as links. */
function Source({ papers, source }: { papers: string[]; source: string | null }) {
  const { t } = useI18n();
  const refs = papers.length ? papers : source ? [source] : [];
  if (!refs.length) return <>—</>;
  return (
    <>
      {refs.map((r, i) => (
        <span key={r}>
          {i > 0 && '；'}
          {isUrl(r) ? (
            <Typography.Link href={r} target="_blank" rel="noreferrer">
              {t('clock.year.notice')}
            </Typography.Link>
          ) : (
            r
          )}
        </span>
      ))}
    </>
  );
}

/** A year's official working-day calendar: holidays, make-up days and the month grids. */
export function YearCalendar() {
  const { t } = useI18n();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const cal = useRemote((signal) => getCalendarYear(year, signal), [year]);
  const data = cal.data?.year === year ? cal.data : undefined;
  const months = useMemo(() => {
    const out: CalendarDay[][] = Array.from({ length: 12 }, () => []);
    for (const d of data?.days ?? []) out[Number(d.date.slice(5, 7)) - 1].push(d);
    return out;
  }, [data]);
  const spans = useMemo(() => holidaySpans(data?.days ?? []), [data]);
  const holidays = data?.days.filter((d) => d.kind === 'holiday').length ?? 0;
  const makeups = data?.days.filter((d) => d.kind === 'makeup').length ?? 0;
  const md = (iso: string) => dayjs(iso).format(t('clock.monthDay'));

  return (
    <Card
      title={t('clock.year.title')}
      loading={!data && !cal.error}
      extra={
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: t('clock.year.option', { year: y }) }))}
          data-testid="cal-year"
        />
      }
    >
      {cal.error ? (
        <LoadError error={cal.error} onRetry={cal.reload} />
      ) : (
        data && (
          <>
            {data.provisional ? (
              <Alert type="warning" showIcon title={t('clock.year.provisional', { year })} description={t('clock.year.provisionalText')} style={{ marginBottom: 16 }} />
            ) : (
              <Typography.Paragraph type="secondary">
                {t('clock.year.source')}：<Source papers={data.papers} source={data.source} />
              </Typography.Paragraph>
            )}
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={8}><Statistic title={t('clock.year.workingDays')} value={data.workingDays} suffix={t('clock.calc.days')} /></Col>
              <Col xs={8}><Statistic title={t('clock.year.holidays')} value={holidays} suffix={t('clock.calc.days')} /></Col>
              <Col xs={8}><Statistic title={t('clock.year.makeups')} value={makeups} suffix={t('clock.calc.days')} /></Col>
            </Row>
            <Table<HolidaySpan>
              rowKey="from"
              size="small"
              pagination={false}
              dataSource={spans}
              style={{ marginBottom: 20 }}
              scroll={{ x: 520 }}
              columns={[
                { title: t('clock.year.holiday'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v || '—'}</Typography.Text> },
                { title: t('clock.year.period'), key: 'period', render: (_, s) => (s.from === s.to ? md(s.from) : `${md(s.from)} – ${md(s.to)}`) },
                { title: t('clock.year.length'), dataIndex: 'days', render: (v: number) => t('clock.year.nDaysOff', { n: v }) },
                { title: t('clock.kind.makeup'), dataIndex: 'makeup', render: (v: string[]) => (v.length ? v.map((d) => <Tag key={d} color="orange">{md(d)}</Tag>) : '—') },
              ]}
            />
            <Space size={16} wrap style={{ marginBottom: 12 }}>
              {LEGEND.map((l) => (
                <Space key={l.kind} size={6}>
                  <span style={{ display: 'inline-block', width: 14, height: 14, background: l.color, border: '1px solid #d0d5dd', borderRadius: 2 }} />
                  <Typography.Text type="secondary">{t(`clock.kind.${l.kind}`)}</Typography.Text>
                </Space>
              ))}
            </Space>
            <Row gutter={[24, 20]}>
              {months.map((days, i) =>
                days.length ? (
                  <Col key={i} xs={24} sm={12} md={8} xl={6}>
                    <MonthGrid month={i + 1} days={days} />
                  </Col>
                ) : null,
              )}
            </Row>
          </>
        )
      )}
    </Card>
  );
}
