import { describe, expect, it } from 'vitest';
import { MetricNameSchema } from '@chorus/connector-sdk';
import { METRIC_CATALOG, findMetric } from './metric-catalog.value-object.js';

describe('metric catalog', () => {
  it("holds every counter of the connector SDK's insights vocabulary, kebab-cased", () => {
    for (const name of MetricNameSchema.options) {
      expect(findMetric(name.replace(/_/g, '-')), name).toMatchObject({ source: 'network', unit: 'count' });
    }
    expect(findMetric('video-views')).toBeDefined();
    expect(findMetric('video_views')).toBeUndefined();
  });

  it('has unique contract-Slug keys', () => {
    const keys = METRIC_CATALOG.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(key).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
    }
  });

  it('knows which way each KPI should move', () => {
    expect(findMetric('bounce-rate')?.direction).toBe('decrease');
    expect(findMetric('reach')?.direction).toBe('increase');
    expect(findMetric('revenue')?.unit).toBe('money');
  });
});
