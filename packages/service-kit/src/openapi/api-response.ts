import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { openApiSchemaOf } from './zod-openapi.js';

/** Documents a success response by its zod schema (the one the handler's result satisfies). */
export const ResponseSchema = (status: number, schema: z.ZodType, description: string): MethodDecorator =>
  ApiResponse({ status, description, schema: openApiSchemaOf(schema, 'output') });

export const BadRequestDoc = (): MethodDecorator =>
  ApiBadRequestResponse({ description: 'Invalid input; the message names each offending field' });

export const NotFoundDoc = (what: string): MethodDecorator =>
  applyDecorators(ApiNotFoundResponse({ description: `No such ${what} in this workspace` }));
