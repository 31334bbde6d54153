import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CORRELATION_HEADER, correlationIdFrom } from '../context/correlation-id.js';
import { runWithContext, type RequestContext } from '../context/request-context.js';
import type { JsonLogger } from '../logging/json-logger.js';

interface TrackedRequest extends FastifyRequest {
  chorusContext?: RequestContext;
  chorusScope?: AsyncResource;
  chorusStartedAt?: bigint;
}

/**
 * Each request runs in its own context: the caller's `x-correlation-id` or a new one, echoed in the response.
 * Body parsing leaves the async context (stream events), so the context is re-entered before validation,
 * the way @fastify/request-context does it.
 */
export function installCorrelationHooks(fastify: FastifyInstance, logger: JsonLogger): void {
  fastify.addHook('onRequest', (request: TrackedRequest, reply, done) => {
    const correlationId = correlationIdFrom(request.headers[CORRELATION_HEADER]);
    request.headers[CORRELATION_HEADER] = correlationId;
    reply.header(CORRELATION_HEADER, correlationId);
    const context: RequestContext = { correlationId };
    request.chorusContext = context;
    request.chorusStartedAt = process.hrtime.bigint();
    runWithContext(context, () => {
      const scope = new AsyncResource('chorus-request');
      request.chorusScope = scope;
      scope.runInAsyncScope(done);
    });
  });

  fastify.addHook('preValidation', (request: TrackedRequest, _reply, done) => {
    if (request.chorusScope === undefined) {
      done();
    } else {
      request.chorusScope.runInAsyncScope(done);
    }
  });

  fastify.addHook('onResponse', (request: TrackedRequest, reply, done) => {
    const context = request.chorusContext;
    const elapsed =
      request.chorusStartedAt === undefined ? 0n : process.hrtime.bigint() - request.chorusStartedAt;
    const record = () =>
      logger.write(reply.statusCode >= 500 ? 'error' : 'info', 'request completed', {
        method: request.method,
        path: request.url.split('?')[0],
        statusCode: reply.statusCode,
        durationMs: Number(elapsed / 1000n) / 1000,
      });
    if (context === undefined) {
      record();
    } else {
      runWithContext(context, record);
    }
    done();
  });
}
