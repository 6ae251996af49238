import { useEffect, useState } from 'react';

/** Height (px) left for the wall's main row under the header, nav and figure tiles; at least `min` so a laptop scrolls instead of squashing. */
export function useWallHeight(reserved = 250, min = 560): number {
  const get = () => Math.max(min, (typeof window === 'undefined' ? 1080 : window.innerHeight) - reserved);
  const [h, setH] = useState(get);
  useEffect(() => {
    const on = () => setH(get());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  });
  return h;
}
