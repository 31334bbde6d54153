import { Body, Param, Query, PipeTransform, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import type { z } from 'zod';
import { parseInput } from './zod-validation.js';
import { openApiSchemaOf } from '../openapi/zod-openapi.js';

class ZodPipe implements PipeTransform {
  constructor(
    private readonly schema: z.ZodType,
    private readonly where: 'body' | 'query' | 'path',
  ) {}

  transform(value: unknown): unknown {
    return parseInput(this.schema, value, this.where);
  }
}

/** The request body, parsed by the schema (400 naming the field otherwise). Pair with `@BodySchema`. */
export const ValidBody = (schema: z.ZodType): ParameterDecorator => Body(new ZodPipe(schema, 'body'));

/** The query string, parsed by the schema. Pair with `@QuerySchema`. */
export const ValidQuery = (schema: z.ZodType): ParameterDecorator => Query(new ZodPipe(schema, 'query'));

/** One path parameter, parsed by the schema. */
export const ValidParam = (name: string, schema: z.ZodType): ParameterDecorator =>
  Param(name, new ZodPipe(schema, 'path'));

/** Documents the body schema in OpenAPI. */
export const BodySchema = (schema: z.ZodType, description?: string): MethodDecorator =>
  ApiBody({ schema: openApiSchemaOf(schema), ...(description === undefined ? {} : { description }) });

/** Documents each query parameter of an object schema in OpenAPI. */
export function QuerySchema(schema: z.ZodObject): MethodDecorator {
  const json = openApiSchemaOf(schema) as { properties?: Record<string, object>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: property }),
    ),
  );
}
