/**
 * Errors the user can fix: bad flags, bad values, unreadable files. The CLI prints the message as one line and
 * exits with status 2. Anything else is a bug or an environment failure (status 1).
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Training diverged (NaN or infinite loss): status 1 with advice, and no model is saved. */
export class DivergedError extends Error {
  override name = 'DivergedError';
}

/**
 * A file could not be written (a full disk, a read-only file system …): status 1, one line. The atomic write
 * guarantees what the message says: the earlier file is untouched and no temporary file is left.
 */
export class SaveError extends Error {
  override name = 'SaveError';
}
