import type { ThemeConfig } from 'antd';

/** Government blue, restrained radius, CJK-first font stack. */
export const BRAND_BLUE = '#1554ad';
export const BRAND_GOLD = '#f5b301';

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    borderRadius: 4,
    fontFamily: FONT_FAMILY,
    colorBgLayout: '#f3f5f9',
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff', bodyBg: '#f3f5f9' },
    Menu: { itemBorderRadius: 4, itemMarginInline: 8, activeBarBorderWidth: 0, itemSelectedBg: '#e8effa', itemSelectedColor: BRAND_BLUE, itemHoverBg: '#f2f5fa' },
    Card: { headerFontSize: 15 },
  },
};
