import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import type { CreatedToken } from './types.ts';

/** Shows a new token's secret once, with a copy button. */
export function TokenSecretModal({ token, onClose }: { token: CreatedToken | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={!!token}
      title={t('tokens.createdTitle')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('tokens.done')}
        </Button>
      }
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon title={t('tokens.onceWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: token?.token ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
        code
        style={{ wordBreak: 'break-all', fontSize: 13 }}
        data-testid="token-secret"
      >
        {token?.token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('tokens.usage')}</Typography.Text>
    </Modal>
  );
}
