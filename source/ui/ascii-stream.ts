/**
 * A terminal stream that writes ASCII (render/ascii.ts) and is otherwise the stream itself: its size, its resize
 * events, isTTY. Handed to Ink and the reporters in place of stdout when the locale is not UTF-8.
 */
import { toAscii } from '../render/ascii.js';

export function asciiStream<S extends NodeJS.WritableStream>(stream: S): S {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write')
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...args: unknown[]) => boolean)(
            typeof chunk === 'string' ? toAscii(chunk) : chunk,
            ...rest,
          );
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
