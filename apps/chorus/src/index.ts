export { startEmbedded, type EmbeddedHost, type EmbeddedOptions } from './embedded/start-embedded.js';
export { serveService } from './standalone/serve-service.js';
export { ALL_SERVICES, BACKEND_SERVICES, SERVICE_NAMES, serviceNamed } from './services.js';
export { renderOpenApiDocuments, openApiPath } from './openapi/generate-openapi.js';
