import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ServiceDefinition } from '../bootstrap/service-definition.js';

export const API_VERSION = '0.1.0';

/** The service's OpenAPI document, from its controllers' decorators; paths are relative to its public path. */
export function buildOpenApiDocument(app: INestApplication, definition: ServiceDefinition): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(definition.title)
    .setDescription(definition.description)
    .setVersion(API_VERSION)
    .addServer(definition.publicPath)
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'An API token from POST /api/auth/sign-in',
    })
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
  });
}

/** Stable text for a committed file: two-space JSON and a final newline, so regenerating is a no-op diff. */
export function serialiseOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
