/**
 * Hand-written SVG: XML escaping, elements and the document around them. Coordinates are rounded to two
 * decimals, so that files stay small, read well and compare equal from run to run.
 */

export type Attributes = Record<string, string | number | undefined>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Characters XML 1.0 does not allow anywhere (C0 controls but tab and newlines, lone surrogates, U+FFFE/F). */
const NOT_XML = new RegExp(
  [
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/,
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/,
    /(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
  ]
    .map((part) => part.source)
    .join('|'),
  'g',
);

/** Text safe inside an element or a quoted attribute: markup characters escaped, forbidden characters replaced. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A coordinate or length: at most two decimals, no trailing zeros, never "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** One element. `children` is markup already built (use `text` for text content); none makes it self-closing. */
export function element(name: string, attributes: Attributes = {}, children: string | string[] = ''): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value as string)}"`)
    .join('');
  const body = Array.isArray(children) ? children.join('\n') : children;
  if (body === '') return `<${name}${attrs}/>`;
  return Array.isArray(children) ? `<${name}${attrs}>\n${body}\n</${name}>` : `<${name}${attrs}>${body}</${name}>`;
}

/** A text element; the content is escaped here. */
export function text(x: number, y: number, content: string, attributes: Attributes = {}): string {
  return element('text', { x, y, ...attributes }, escapeXml(content));
}

export interface Canvas {
  width: number;
  height: number;
  /** Becomes the document's <title>: what a viewer shows as the name of the picture. */
  title: string;
}

/** A standalone SVG file: white background, one sans-serif font for every label. */
export function svgDocument({ width, height, title }: Canvas, body: string[]): string {
  const root = element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      'font-family': 'DejaVu Sans, Arial, Helvetica, sans-serif',
      'font-size': 12,
    },
    [element('title', {}, escapeXml(title)), element('rect', { width, height, fill: '#ffffff' }), ...body],
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

/** A heading centred at the top of a figure. */
export function heading(width: number, title: string): string {
  return text(width / 2, 22, title, { 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 'bold' });
}

/**
 * Series and class colours (Tableau 10), paired with dash patterns and marker shapes elsewhere so that
 * figures stay readable in black and white.
 */
export const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];
