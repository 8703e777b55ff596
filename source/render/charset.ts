/**
 * Grey levels from black to white, one character each: the shaded blocks the renderers draw, and the ASCII
 * characters that stand for them where the locale is not UTF-8 (render/ascii.ts).
 */
export const SHADE_RAMPS = { unicode: ' ░▒▓█', ascii: ' .:+#' } as const;
