import { z } from 'zod';

export const MetricDto = z.object({
  key: z.string(),
  unit: z.enum(['count', 'percent', 'ratio', 'money']),
  direction: z.enum(['increase', 'decrease']),
  source: z.enum(['network', 'analytics']),
  description: z.string(),
});

export const MetricListDto = z.object({ items: z.array(MetricDto) });
