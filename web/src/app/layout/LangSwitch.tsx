import { Button, Grid, Tooltip } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/index.tsx';

/** Toggles between 中文 and English; the label names the language it switches to. */
export function LangSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh' ? 'en' : 'zh';
  const wide = Grid.useBreakpoint().sm;
  return (
    <Tooltip title={t('lang.tooltip')}>
      <Button
        type="text"
        icon={<TranslationOutlined />}
        onClick={() => setLang(next)}
        data-testid="lang-switch"
        style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
        lang={next === 'en' ? 'en' : 'zh-CN'}
      >
        {next === 'en' ? (wide ? 'English' : 'EN') : '中文'}
      </Button>
    </Tooltip>
  );
}
