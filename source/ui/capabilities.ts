/**
 * What the terminal can show, decided here once from the environment (tests pass their own environment):
 *   unicode     the locale is UTF-8 (LC_ALL, else LC_CTYPE, else LANG; none set counts as UTF-8, as most systems
 *               default to it); else screens and text are written in ASCII (render/ascii.ts)
 *   color       NO_COLOR unset or empty, TERM not dumb, and a stream that has colours
 *   fullScreen  TERM is not dumb: a dumb terminal cannot place the cursor, so it gets plain lines instead
 */
export interface Capabilities {
  unicode: boolean;
  color: boolean;
  fullScreen: boolean;
}

export function terminalCapabilities(env: NodeJS.ProcessEnv, stream: { hasColors?: () => boolean }): Capabilities {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  const dumb = env.TERM === 'dumb';
  return {
    unicode: !locale || /utf-?8/i.test(locale),
    color: !env.NO_COLOR && !dumb && (stream.hasColors?.() ?? false),
    fullScreen: !dumb,
  };
}
