import { z } from 'zod';

const LocalDate = z.iso.date().describe('YYYY-MM-DD');

export const ExportRangeDto = z
  .strictObject({
    from: LocalDate.describe('First local day exported'),
    to: LocalDate.describe('Last local day exported (included)'),
    timeZone: z
      .string()
      .min(1)
      .max(100)
      .describe("The zone the days are counted in (the viewer's), e.g. Europe/Rome"),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must be the same day as from or later' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 24 * 3600 * 1000, {
    path: ['to'],
    message: 'export at most 366 days at a time',
  });
export type ExportRangeDto = z.infer<typeof ExportRangeDto>;

export const ImportBody = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(900_000)
    .describe(
      'The CSV text: a header row naming the columns channel, date, time, timeZone (required), text, ' +
        'firstComment, contentType, tags and mediaIds (separated by |); an export imports back as it is',
    ),
  mode: z
    .enum(['all-or-nothing', 'valid-rows-only'])
    .default('all-or-nothing')
    .describe('all-or-nothing: one bad row refuses the file; valid-rows-only: the good rows are imported'),
  dryRun: z.boolean().default(false).describe('Check every row and report, store nothing'),
});
export type ImportBody = z.infer<typeof ImportBody>;

const Problem = z.object({ field: z.string(), problem: z.string() });

export const ImportReportDto = z.object({
  dryRun: z.boolean(),
  imported: z.int(),
  skipped: z.int(),
  rows: z.array(
    z.object({
      row: z.int().describe('As a spreadsheet numbers it: the header is row 1'),
      status: z.enum(['scheduled', 'draft', 'valid', 'invalid']),
      postId: z.uuid().nullable(),
      problems: z.array(Problem),
      warnings: z.array(Problem),
    }),
  ),
});

export const FeedUrlDto = z.object({
  url: z.url().describe('Subscribe to it in a calendar app; anyone holding it can read the schedule'),
  expiresAt: z.iso.datetime(),
});
