import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'

// LibreOffice and poppler driven from a test: convert the .docx as the office's machine would
// print it, and read the PDF back as lines of text with their positions (in points, from the top left).

export const run = promisify(execFile)

/** Whether an executable is on PATH (without starting it: `soffice --version` is slow to start). */
export function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

export type PdfLine = { xMin: number; yMin: number; xMax: number; yMax: number; text: string }

/** `pdftotext -bbox-layout`: the lines of each page, words joined without the spaces it inserts. */
export async function pdfLines(pdf: string): Promise<PdfLine[][]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map(
        ([, xMin, yMin, xMax, yMax, words]) => ({
          xMin: Number(xMin),
          yMin: Number(yMin),
          xMax: Number(xMax),
          yMax: Number(yMax),
          text: [...words!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map(([, w]) => w).join(''),
        }),
      ),
    )
}

/** Millimetres in PDF points. */
export const pt = (mm: number) => (mm * 72) / 25.4
