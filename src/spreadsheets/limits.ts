// Bounds on what an import may hold or cost. The first two are the contract (API.md §7: 5 MiB and
// 5 000 rows → 413); the rest keep a hostile file within a known budget of memory and time before
// exceljs sees it, chosen far above what a ledger of 5 000 rows needs.

export interface SheetLimits {
  /** The body, in bytes. */
  maxBytes: number
  /** Data rows (the header and blank rows not counted). */
  maxRows: number
  /** Columns with a header or a value. */
  maxColumns: number
  /**
   * Cells holding a value in the input sheet. exceljs keeps a few hundred bytes per cell: 150 000
   * cells (5 001 rows × 30 columns) measured about 40 MB of heap after loading.
   */
  maxCells: number
  /**
   * Cell elements of any kind, empty styled ones included (spreadsheets write those for formatted
   * ranges: a filled template saved by LibreOffice holds 6 000): bounds the time spent reading a
   * sheet of nothing — a 5 MiB file can hold 36 MB of empty cells; the reader stops at a million,
   * about 1.5 s on these machines.
   */
  maxCellElements: number
  /** Characters in one cell (Excel's own limit, ECMA-376 Part 1 §18.3.1.4). */
  maxCellText: number
  /** Entries in the xlsx zip: Excel writes about a dozen, a template with its sheets about 15. */
  maxZipEntries: number
  /** Bytes one zip entry may inflate to, and all entries read together. */
  maxInflatedBytes: number
  /**
   * Inflated ÷ compressed size allowed for an entry larger than `ratioFloorBytes`. Sheet XML from
   * Excel compresses 5–20×; deflate's ceiling is about 1 030×, which only a bomb approaches.
   */
  maxRatio: number
  ratioFloorBytes: number
}

export const defaultLimits: SheetLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 5000,
  maxColumns: 64,
  maxCells: 150_000,
  maxCellElements: 1_000_000,
  maxCellText: 32_767,
  maxZipEntries: 500,
  maxInflatedBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
}

export const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`
