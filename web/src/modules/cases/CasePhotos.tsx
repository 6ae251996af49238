import { Empty, Flex, Image, Typography } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import { formatInstant } from '../../app/format.ts';
import { casesApi, type CaseDetail } from './cases.api.ts';
import { stageLabel } from './labels.ts';

/** The case's photos by stage (report, feedback, on-site check), served through the case's own access check. */
export function CasePhotos({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  if (c.photos.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.photos.none')} />;
  const stages = ['report', 'feedback', 'verify'] as const;
  return (
    <Image.PreviewGroup>
      <Flex vertical gap={12} data-testid="case-photos">
        {stages
          .filter((s) => c.photos.some((p) => p.stage === s))
          .map((s) => (
            <div key={s} data-testid={`photos-${s}`}>
              <Typography.Text type="secondary">{stageLabel(t, s)}</Typography.Text>
              <Flex gap={8} wrap style={{ marginTop: 4 }}>
                {c.photos
                  .filter((p) => p.stage === s)
                  .map((p) => (
                    <Image key={p.fileId} src={casesApi.photoUrl(c.id, p.fileId)} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} alt={`${stageLabel(t, s)} ${formatInstant(p.at)}`} />
                  ))}
              </Flex>
            </div>
          ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
