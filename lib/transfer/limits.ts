/**
 * What an upload may be. The import page hands the size limit to the form, which
 * checks it before sending; the server checks everything again.
 */
export const IMPORT_LIMITS = {
  /** The file as uploaded. */
  maxBytes: 5 * 1024 * 1024,
  /** Data rows of a sheet (the header row aside). */
  maxRows: 20_000,
  /** An xlsx is a zip: what all its parts may unpack to, declared and actually inflated. */
  maxUnpackedBytes: 50 * 1024 * 1024,
  /** A part larger than `ratioFloorBytes` may unpack to at most this many times its packed size. */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  /** Parts in one xlsx, and cells in all its sheets (exceljs keeps an object per cell). */
  maxEntries: 1_000,
  maxCells: 500_000,
  /** Uploads read and checked at the same time: per user, and in the whole server process. */
  perUser: 1,
  perProcess: 2,
} as const;

/** Why a file is refused as a whole; the import form says each in the reader's language. */
export type Refusal =
  | { code: 'NOT_A_SPREADSHEET' }
  | { code: 'DAMAGED' }
  | { code: 'TOO_LARGE'; limit: number }
  | { code: 'UNPACKS_TOO_LARGE'; limit: number }
  | { code: 'COMPRESSION_RATIO'; limit: number }
  | { code: 'TOO_MANY_CELLS'; limit: number }
  | { code: 'TOO_MANY_ROWS'; limit: number }
  | { code: 'EMPTY' }
  | { code: 'MISSING_COLUMNS'; columns: string[] }
  | { code: 'UNKNOWN_COLUMNS'; columns: string[] }
  | { code: 'BUSY' };
