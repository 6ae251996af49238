import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, FileProtectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { myLicences, type MyLicence } from './licenses.api.ts';
import { STATE_TAG } from './labels.ts';

/** Applicant centre: the caller's e-licences with downloads and a link to the public check. */
export function MyLicencesPage() {
  const { t } = useI18n();
  const pick = useBilingual();
  const [items, setItems] = useState<MyLicence[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    myLicences()
      .then((r) => setItems(r.items))
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  return (
    <>
      <PageHeader title={t('licenses.mine.title')} description={t('licenses.mine.description')} />
      {error ? (
        <LoadError error={error} onRetry={load} />
      ) : (
        <Card>
          <Table<MyLicence>
            rowKey="id"
            loading={items === null}
            dataSource={items ?? []}
            pagination={false}
            locale={{ emptyText: t('licenses.mine.empty') }}
            scroll={{ x: 1000 }}
            data-testid="my-licences"
            columns={[
              {
                key: 'type',
                title: t('licenses.field.type'),
                width: 170,
                render: (_, r) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{r.type}</Typography.Text>
                    {r.itemName && <Typography.Text type="secondary">{r.itemName}</Typography.Text>}
                  </Space>
                ),
              },
              {
                key: 'no',
                title: t('licenses.field.licenceNo'),
                render: (_, r) => (
                  <Typography.Text copyable style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12, wordBreak: 'break-all' }}>
                    {r.licenceNo}
                  </Typography.Text>
                ),
              },
              {
                key: 'state',
                title: t('licenses.field.state'),
                width: 90,
                render: (_, r) => <Tag color={STATE_TAG[r.state]}>{pick(r.stateLabel.zh, r.stateLabel.en)}</Tag>,
              },
              {
                key: 'validity',
                title: t('licenses.field.validity'),
                width: 200,
                render: (_, r) => `${r.validFrom} — ${r.validUntil ?? t('licenses.field.longTerm')}`,
              },
              { key: 'issuer', title: t('licenses.field.issuer'), width: 170, render: (_, r) => r.issuer.name },
              {
                key: 'actions',
                title: t('licenses.field.actions'),
                width: 150,
                fixed: 'right',
                render: (_, r) => (
                  <Space orientation="vertical" size={4}>
                    <Button size="small" icon={<FilePdfOutlined />} href={r.downloads.pdf} data-testid="licence-pdf">
                      {t('licenses.mine.pdf')}
                    </Button>
                    <Button size="small" icon={<FileProtectOutlined />} href={r.downloads.json} data-testid="licence-json">
                      {t('licenses.mine.json')}
                    </Button>
                    <Link to={r.verifyPath}>
                      <Button size="small" type="link" icon={<SafetyCertificateOutlined />} style={{ paddingInline: 0 }}>
                        {t('licenses.mine.verify')}
                      </Button>
                    </Link>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
