import { z } from 'zod';
import type { ProblemDiagnosis } from '../../../application/queries/get-diagnosis/get-diagnosis.query.js';
import { BRAND_PROBLEMS } from '../../../domain/brand-problem.value-object.js';
import type { PlaybookEntry } from '../../../domain/diagnosis-playbook.aggregate.js';
import { MetricKeyDto } from './set-goal.dto.js';
import { LongText, NetworkDto, ShortText } from './common.dto.js';

export const ProblemDto = z.enum(BRAND_PROBLEMS);

export const RecordEvidenceBody = z.strictObject({
  evidence: z
    .record(z.string(), z.union([z.number(), z.boolean(), z.null()]))
    .describe("Values by evidence key (GET /diagnosis lists each problem's typed fields); null: not known"),
  notes: LongText.default(''),
});

export type RecordEvidenceBody = z.infer<typeof RecordEvidenceBody>;

const ThresholdDto = z.union([
  z.strictObject({ warning: z.number(), critical: z.number() }),
  z.strictObject({ whenBad: z.enum(['warning', 'critical']) }),
]);

export const RecommendationsDto = z.strictObject({
  goals: z
    .array(
      z.strictObject({
        title: ShortText,
        metric: MetricKeyDto,
        kpis: z.array(MetricKeyDto).max(10).default([]),
      }),
    )
    .max(20)
    .describe('At least two'),
  channels: z.array(NetworkDto).max(20).default([]),
  contentPillars: z.array(ShortText).max(20).default([]),
  actions: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
});

export const PlaybookEntryBody = z.strictObject({
  thresholds: z
    .record(z.string(), ThresholdDto)
    .describe('One per evidence field: { warning, critical } for numbers, { whenBad } for yes/no fields'),
  recommendations: RecommendationsDto,
});

export type PlaybookEntryBody = z.infer<typeof PlaybookEntryBody>;

const EvidenceFieldDto = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['count', 'percent', 'number', 'boolean']),
  unit: z.string().optional(),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  worseWhen: z.enum(['lower', 'higher', 'false', 'true']),
});

export const ProblemDiagnosisDto = z.object({
  problem: ProblemDto,
  label: z.string(),
  fields: z.array(EvidenceFieldDto),
  evidence: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
  notes: z.string(),
  updatedAt: z.iso.datetime().nullable(),
  severity: z.object({
    level: z.enum(['unknown', 'none', 'low', 'medium', 'high']),
    score: z.number().nullable(),
    findings: z.array(
      z.object({
        field: z.string(),
        value: z.union([z.number(), z.boolean()]),
        level: z.enum(['ok', 'warning', 'critical']),
        reason: z.string(),
      }),
    ),
  }),
  recommendations: RecommendationsDto.nullable(),
  playbookSource: z.enum(['seed', 'agency']),
});

export const DiagnosisDto = z.object({ problems: z.array(ProblemDiagnosisDto) });

export const PlaybookDto = z.object({
  entries: z.array(
    z.object({
      problem: ProblemDto,
      thresholds: z.record(z.string(), ThresholdDto),
      recommendations: RecommendationsDto,
      source: z.enum(['seed', 'agency']),
      updatedAt: z.iso.datetime().nullable(),
    }),
  ),
});

export function toProblemDiagnosisDto(d: ProblemDiagnosis): z.infer<typeof ProblemDiagnosisDto> {
  return JSON.parse(JSON.stringify(d)) as z.infer<typeof ProblemDiagnosisDto>;
}

export function toPlaybookDto(entries: readonly PlaybookEntry[]): z.infer<typeof PlaybookDto> {
  return JSON.parse(JSON.stringify({ entries })) as z.infer<typeof PlaybookDto>;
}
