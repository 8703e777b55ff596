/**
 * Loads a screen on demand: React and Ink cost startup time that --json and --plain runs should not pay.
 * React's development build renders several times slower, so the screen runs the production build unless
 * NODE_ENV says otherwise; that must be decided before anything loads React (JSX files import it first thing).
 */
function loadScreen<M>(load: () => Promise<M>): Promise<M> {
  process.env.NODE_ENV ??= 'production';
  return load();
}

export const loadFontScreen = () => loadScreen(() => import('./font/screen.js'));
export const loadVaeScreen = () => loadScreen(() => import('./vae/screen.js'));
export const loadDenoiseScreen = () => loadScreen(() => import('./denoise/screen.js'));
export const loadSweepScreen = () => loadScreen(() => import('./sweep/screen.js'));
