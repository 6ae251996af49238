/** Colours of the large-screen command centre. */
export const SCREEN_BG = '#06152e';
export const PANEL_BG = 'rgba(16, 42, 86, 0.55)';
export const PANEL_BORDER = '1px solid rgba(90, 150, 255, 0.25)';
