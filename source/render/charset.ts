/**
 * The characters a renderer may draw with: `unicode` (half and shaded blocks, braille, box lines) on a UTF-8
 * terminal, `ascii` where the locale is not UTF-8 and those would print as mojibake (ui/capabilities.ts decides).
 */
export type Charset = 'unicode' | 'ascii';

/** Grey levels from black to white, one character each. */
export const SHADE_RAMPS: Record<Charset, string> = { unicode: ' ░▒▓█', ascii: ' .:+#' };
