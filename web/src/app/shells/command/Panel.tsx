import type { ReactNode } from 'react';
import { PANEL_BG, PANEL_BORDER } from './screen.ts';

/** A framed panel of the command screen with a title bar. */
export function Panel({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section style={{ background: PANEL_BG, border: PANEL_BORDER, borderRadius: 6, height: '100%', display: 'flex', flexDirection: 'column', minWidth: 0 }} data-testid={testId}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          padding: '10px 16px',
          borderBottom: '1px solid rgba(90,150,255,0.2)',
          background: 'linear-gradient(90deg, rgba(59,140,255,0.25) 0%, rgba(59,140,255,0) 70%)',
        }}
      >
        <span style={{ fontSize: 15, fontWeight: 600, color: '#fff', borderLeft: '3px solid #3b8cff', paddingLeft: 8 }}>{title}</span>
        {extra}
      </div>
      <div style={{ padding: 16, flex: 1, minHeight: 0 }}>{children}</div>
    </section>
  );
}
